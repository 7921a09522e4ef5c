//! PDF/A: which archival level a document is exported at.

use typst_pdf::{PdfStandard, PdfStandards};

/// The PDF/A levels lianxi offers (typst-pdf validates each while exporting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfA {
    /// PDF/A-1b (PDF 1.4): the level PDFBox Preflight can check.
    A1b,
    /// PDF/A-2b: the default for archiving.
    A2b,
    /// PDF/A-2u: 2b plus Unicode text for every glyph, for full-text search.
    A2u,
    /// PDF/A-3b: 2b that may carry attached files.
    A3b,
}

impl PdfA {
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "a-1b" => Ok(Self::A1b),
            "a-2b" => Ok(Self::A2b),
            "a-2u" => Ok(Self::A2u),
            "a-3b" => Ok(Self::A3b),
            _ => Err(format!(
                "不支持的 PDF/A 级别“{s}”，可选 a-1b、a-2b、a-2u 或 a-3b"
            )),
        }
    }

    pub(super) fn standards(self) -> PdfStandards {
        let level = match self {
            Self::A1b => PdfStandard::A_1b,
            Self::A2b => PdfStandard::A_2b,
            Self::A2u => PdfStandard::A_2u,
            Self::A3b => PdfStandard::A_3b,
        };
        PdfStandards::new(&[level]).expect("a single PDF/A level is always a valid set")
    }
}

/// What a run asks for: archival documents (minutes) as PDF/A-2b by default, or one choice for all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PdfAChoice {
    #[default]
    ArchivalOnly,
    All(PdfA),
    None,
}

impl PdfAChoice {
    /// The level a document is exported at; `archival` marks documents kept for the archive.
    pub fn level(self, archival: bool) -> Option<PdfA> {
        match self {
            Self::ArchivalOnly => archival.then_some(PdfA::A2b),
            Self::All(level) => Some(level),
            Self::None => None,
        }
    }
}
