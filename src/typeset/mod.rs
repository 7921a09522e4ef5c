//! Typesetting: Typst source → laid-out pages → PDF, with the compiler embedded and sandboxed.

pub mod copies;
pub mod fonts;
pub mod glyphs;
pub mod inspect;
pub mod world;

use std::collections::HashMap;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::Source;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use self::fonts::{FontOptions, FontSet};
use self::glyphs::MissingGlyph;
use self::world::{Base, DocWorld, MAIN, file_id};
use crate::diag::{Diagnostic, Diagnostics, Failure};
use crate::documents::Document;
use crate::fill::{LIBRARY, LIBRARY_NAME};

/// A typesetter: build once per process, then typeset any number of documents.
pub struct Typesetter {
    base: Base,
}

/// A typeset document: its pages, the compiler's warnings, and characters that printed blank.
pub struct Typeset {
    pub pages: PagedDocument,
    pub warnings: Diagnostics,
    pub missing: Vec<MissingGlyph>,
}

impl Typesetter {
    pub fn new(font_options: &FontOptions) -> Self {
        let fonts = FontSet::load(font_options);
        let modules = [
            (&*format!("/{LIBRARY_NAME}"), LIBRARY.to_string()),
            ("/fonts.typ", fonts::font_module(&fonts)),
        ];
        Self {
            base: Base::new(fonts, &modules),
        }
    }

    /// The Typst modules every document may import, by sandbox path.
    pub fn modules(&self) -> impl Iterator<Item = (String, &str)> {
        self.base
            .modules
            .values()
            .map(|s| (s.id().vpath().get_with_slash().to_string(), s.text()))
    }

    pub fn fonts(&self) -> &FontSet {
        &self.base.fonts
    }

    /// Lays out `source` (the filled template of `doc`).
    pub fn typeset(&self, doc: &Document, source: &str) -> Result<Typeset, Failure> {
        let mut assets = HashMap::new();
        for asset in &doc.assets {
            let bytes = std::fs::read(&asset.real_path).map_err(|e| {
                Diagnostic::error(format!("无法读取文件：{e}")).in_file(&asset.real_path)
            })?;
            assets.insert(file_id(&asset.virtual_path), Bytes::new(bytes));
        }
        let world = DocWorld {
            base: &self.base,
            main: Source::new(*MAIN, source.to_string()),
            assets,
            today: Datetime::from_ymd(doc.date.year, doc.date.month as u8, doc.date.day as u8)
                .expect("validated date"),
        };
        let result = typst::compile::<PagedDocument>(&world);
        typst::comemo::evict(10);
        let warnings: Diagnostics = result
            .warnings
            .iter()
            .map(|d| compiler_diagnostic(&world, d))
            .collect();
        let pages = result.output.map_err(|errors| {
            Failure(
                errors
                    .iter()
                    .map(|d| compiler_diagnostic(&world, d))
                    .collect(),
            )
        })?;
        let missing = glyphs::missing_glyphs(&pages);
        Ok(Typeset {
            pages,
            warnings,
            missing,
        })
    }

    /// PDF bytes; identical input gives identical bytes.
    pub fn pdf(&self, doc: &Document, pages: &PagedDocument) -> Result<Vec<u8>, Failure> {
        self.export(doc, pages, true)
    }

    /// PDF bytes of numbered copies, whose pages carry no structure tags (they would repeat).
    pub fn pdf_of_copies(&self, doc: &Document, pages: &PagedDocument) -> Result<Vec<u8>, Failure> {
        self.export(doc, pages, false)
    }

    fn export(
        &self,
        doc: &Document,
        pages: &PagedDocument,
        tagged: bool,
    ) -> Result<Vec<u8>, Failure> {
        let date = Datetime::from_ymd_hms(
            doc.date.year,
            doc.date.month as u8,
            doc.date.day as u8,
            0,
            0,
            0,
        )
        .expect("validated date");
        let options = PdfOptions {
            ident: Smart::Custom(format!("lianxi/{}/{}", doc.name, doc.title)),
            creator: Smart::Custom(Some("lianxi".into())),
            timestamp: Some(Timestamp::new_utc(date)),
            tagged,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(pages, &options).map_err(|errors| {
            Failure(
                errors
                    .iter()
                    .map(|d| Diagnostic::error(format!("PDF 导出失败：{}", d.message)))
                    .collect(),
            )
        })
    }
}

/// A compiler message about the generated source: a lianxi bug (or a blocked injection), so it
/// names the generated line for the report.
fn compiler_diagnostic(world: &DocWorld, d: &SourceDiagnostic) -> Diagnostic {
    let mut message = d.message.to_string();
    if let Some(range) = world.range(d.span) {
        if let Some(id) = d.span.id() {
            let name = id.vpath().get_without_slash().to_string();
            if let Ok(source) = typst::World::source(world, id) {
                let line = source
                    .lines()
                    .byte_to_line(range.start)
                    .map_or(0, |l| l + 1);
                message = format!("{message}（{name} 第 {line} 行）");
            }
        }
    }
    for hint in &d.hints {
        message.push_str(&format!("；{}", hint.v));
    }
    match d.severity {
        Severity::Error => Diagnostic::error(format!("排版失败：{message}")),
        Severity::Warning => Diagnostic::warning(format!("排版警告：{message}")),
    }
}
