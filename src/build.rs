//! The whole pipeline for one data directory, as the commands run it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::checked::Checked;
use crate::diag::{Diagnostics, Failure, SourceFile};
use crate::documents::roster_appendix::RosterRequest;
use crate::documents::{self, Document};
use crate::fill::Filler;
use crate::output::write_atomic;
use crate::typeset::pdfa::{PdfA, PdfAChoice};
use crate::typeset::{Typesetter, copies};

/// A document that was written.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub pages: usize,
}

/// Everything a build produced: files written, warnings, and the documents that failed.
#[derive(Debug, Default)]
pub struct Report {
    pub written: Vec<Written>,
    pub warnings: Diagnostics,
    pub errors: Diagnostics,
}

/// A rendered document: one PDF, one per copy with `--split`, or one PNG per page.
pub struct Rendered {
    /// File-name ending (".pdf", "-000001.pdf", "-1.png"), bytes, and the pages they hold.
    pub files: Vec<(String, Vec<u8>, usize)>,
    pub warnings: Diagnostics,
}

/// How a run treats what it meets.
#[derive(Debug, Clone, Copy, Default)]
pub struct Policy {
    /// A character no font can draw fails its document instead of printing blank.
    pub strict: bool,
    /// Write no document unless every one renders.
    pub all_or_nothing: bool,
    /// Numbered copies (份号) of each notice and minutes.
    pub copies: Option<usize>,
    /// With `copies`: one file per copy instead of one file with all of them.
    pub split: bool,
    /// PDF, OFD, or PNG previews (Typst sources are written by `write_sources`).
    pub format: Format,
    /// Told `(documents done, documents in all)` as rendering goes on.
    pub progress: Option<fn(usize, usize)>,
    /// Which documents are exported as PDF/A, at which level.
    pub pdfa: PdfAChoice,
}

/// What `build` writes for each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Pdf,
    /// OFD (GB/T 33190), the national fixed-layout format.
    Ofd,
    /// The generated Typst source, self-contained.
    Typ,
    /// A PNG image of every page, for a look before printing.
    Png,
}

impl Format {
    /// The file-name extension of what this format writes.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Ofd => "ofd",
            Self::Typ => "typ",
            Self::Png => "png",
        }
    }
}

/// Preview resolution: enough to read the page on a screen.
const PREVIEW_DPI: f32 = 110.0;

/// Renders one document as `policy.format` asks (PDF, OFD or PNG pages). `sources` are the data files, to point a character that prints
/// blank back at where it was typed.
pub fn render_document(
    filler: &Filler,
    typesetter: &Typesetter,
    doc: &Document,
    sources: &[&SourceFile],
    policy: Policy,
) -> Result<Rendered, Failure> {
    let copies = policy.copies.filter(|_| doc.numbered);
    let mut doc = doc.clone();
    if copies.is_some() {
        doc.view["copy_number"] = copies::PLACEHOLDER.into();
    }
    // PDF/A is a PDF matter: an OFD carries its archival record in its own DocInfo.
    let pdfa = (policy.format == Format::Pdf)
        .then(|| policy.pdfa.level(doc.archival))
        .flatten();
    // Only PDF/A-3 may carry files: there the archival record travels inside the PDF.
    if pdfa == Some(PdfA::A3b) {
        doc.view["archival_record"] = doc.archival_record().into();
    }
    let source = filler.fill(&doc)?;
    let typeset = typesetter.typeset(&doc, &source)?;
    let blanks: Diagnostics = typeset
        .missing
        .iter()
        .map(|m| m.diagnostic(&doc.name, sources, policy.strict))
        .collect();
    if policy.strict && !blanks.is_empty() {
        return Err(Failure(blanks));
    }
    let mut warnings = typeset.warnings;
    warnings.extend(blanks);
    let pages = &typeset.pages;
    if policy.format == Format::Png {
        let images = typesetter.png(pages, PREVIEW_DPI)?;
        let files = images
            .into_iter()
            .enumerate()
            .map(|(i, png)| (format!("-{}.{}", i + 1, Format::Png.extension()), png, 1));
        return Ok(Rendered {
            files: files.collect(),
            warnings,
        });
    }
    // Numbered copies repeat pages, so their PDF carries no structure tags.
    let export = |pages: &_, tagged: bool| match policy.format {
        Format::Ofd => typesetter.ofd(&doc, pages),
        _ if tagged => typesetter.pdf(&doc, pages, pdfa),
        _ => typesetter.pdf_of_copies(&doc, pages, pdfa),
    };
    let ext = policy.format.extension();
    let files = match copies.and_then(|n| copies::numbered_copies(pages, n)) {
        None => vec![(format!(".{ext}"), export(pages, true)?, pages.pages().len())],
        Some(sets) if policy.split => {
            let mut files = Vec::new();
            for (k, set) in sets.into_iter().enumerate() {
                let count = set.len();
                let one = copies::assemble(pages, set);
                files.push((format!("-{:06}.{ext}", k + 1), export(&one, false)?, count));
            }
            files
        }
        Some(sets) => {
            let all = copies::assemble(pages, sets.into_iter().flatten());
            vec![(format!(".{ext}"), export(&all, false)?, all.pages().len())]
        }
    };
    Ok(Rendered { files, warnings })
}

/// Renders every document of the checked data into `out`. Each file appears whole or not at all, and a document that fails does not stop the rest
/// (unless `policy.all_or_nothing`).
pub fn build(
    checked: &Checked,
    out: &Path,
    typesetter: &Typesetter,
    roster: Option<&RosterRequest>,
    format: Format,
    policy: Policy,
) -> Result<Report, Failure> {
    let docs = documents::all(checked, roster)?;
    let sources = checked.data.sources();
    let policy = Policy { format, ..policy };
    Ok(match format {
        Format::Typ => write_sources(&docs, out, typesetter),
        Format::Pdf | Format::Ofd | Format::Png => {
            write_documents(&docs, out, typesetter, &sources, policy)
        }
    })
}

/// Renders `docs` on every core and writes each as `out/<name>.pdf`, in order; a failed one is
/// reported, not written.
pub fn write_documents(
    docs: &[Document],
    out: &Path,
    typesetter: &Typesetter,
    sources: &[&SourceFile],
    policy: Policy,
) -> Report {
    let results = render_all(docs, typesetter, sources, policy);
    let mut report = Report::default();
    let mut ready = Vec::new();
    for (doc, result) in docs.iter().zip(results) {
        match result {
            Ok(rendered) => ready.push((doc, rendered)),
            Err(Failure(diags)) => report.errors.extend(diags),
        }
    }
    if policy.all_or_nothing && !report.errors.is_empty() {
        return report;
    }
    for (doc, rendered) in ready {
        for (suffix, pdf, pages) in rendered.files {
            let path = out.join(format!("{}{suffix}", doc.name));
            match write_atomic(&path, &pdf) {
                Ok(()) => report.written.push(Written { path, pages }),
                Err(d) => report.errors.push(d),
            }
        }
        report.warnings.extend(rendered.warnings);
    }
    report
}

/// Renders `docs` on as many threads as there are cores; results come back in `docs` order.
pub(crate) fn render_all(
    docs: &[Document],
    typesetter: &Typesetter,
    sources: &[&SourceFile],
    policy: Policy,
) -> Vec<Result<Rendered, Failure>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(docs.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let mut results: Vec<Option<Result<Rendered, Failure>>> =
        (0..docs.len()).map(|_| None).collect();
    let slots = Mutex::new(&mut results);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                let filler = Filler::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(doc) = docs.get(i) else { break };
                    let result = render_document(&filler, typesetter, doc, sources, policy);
                    slots.lock().expect("no panics while holding the lock")[i] = Some(result);
                    if let Some(progress) = policy.progress {
                        progress(done.fetch_add(1, Ordering::Relaxed) + 1, docs.len());
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .map(|r| r.expect("every document rendered"))
        .collect()
}

/// Writes each document's Typst source as `out/<name>.typ`, self-contained: the font stacks and
/// the GB/T 9704 library are inlined, so `typst compile --font-path fonts FILE.typ` sees exactly
/// what lianxi typeset.
pub fn write_sources(docs: &[Document], out: &Path, typesetter: &Typesetter) -> Report {
    let filler = Filler::new();
    let mut report = Report::default();
    for doc in docs {
        let path = out.join(format!("{}.{}", doc.name, Format::Typ.extension()));
        let source = filler
            .fill(doc)
            .map(|source| typesetter.self_contained(doc, &source));
        match source.map(|source| write_atomic(&path, source.as_bytes())) {
            Ok(Ok(())) => report.written.push(Written { path, pages: 0 }),
            Ok(Err(d)) => report.errors.push(d),
            Err(Failure(diags)) => report.errors.extend(diags),
        }
    }
    report
}
