//! The whole pipeline for one data directory, as the commands run it.

use std::path::{Path, PathBuf};

use crate::checked::load;
use crate::diag::{Diagnostics, Failure, SourceFile};
use crate::documents::roster_appendix::RosterRequest;
use crate::documents::{self, Document};
use crate::fill::Filler;
use crate::output::write_atomic;
use crate::typeset::Typesetter;

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

/// A rendered document.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub warnings: Diagnostics,
}

/// How strictly a run treats what it meets.
#[derive(Debug, Clone, Copy, Default)]
pub struct Policy {
    /// A character no font can draw fails its document instead of printing blank.
    pub strict: bool,
    /// Write no document unless every one renders.
    pub all_or_nothing: bool,
}

/// What `build` writes for each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Pdf,
    /// The generated Typst source, with the GB/T 9704 library and font module beside it.
    Typ,
}

/// Renders one document to PDF bytes. `sources` are the data files, to point a character that
/// prints blank back at where it was typed.
pub fn render_pdf(
    filler: &Filler,
    typesetter: &Typesetter,
    doc: &Document,
    sources: &[&SourceFile],
    policy: Policy,
) -> Result<Rendered, Failure> {
    let source = filler.fill(doc)?;
    let typeset = typesetter.typeset(doc, &source)?;
    let blanks: Diagnostics = typeset
        .missing
        .iter()
        .map(|m| m.diagnostic(&doc.name, sources, policy.strict))
        .collect();
    if policy.strict && !blanks.is_empty() {
        return Err(Failure(blanks));
    }
    let pdf = typesetter.pdf(doc, &typeset.pages)?;
    let mut warnings = typeset.warnings;
    warnings.extend(blanks);
    Ok(Rendered {
        pdf,
        pages: typeset.pages.pages().len(),
        warnings,
    })
}

/// Renders every document `dir` defines into `out`. Nothing is written unless the data checks
/// out; each file appears whole or not at all, and a document that fails does not stop the rest
/// (unless `policy.all_or_nothing`).
pub fn build(
    dir: &Path,
    out: &Path,
    typesetter: &Typesetter,
    roster: &RosterRequest,
    format: Format,
    policy: Policy,
) -> Result<Report, Failure> {
    let checked = load(dir)?;
    let docs = documents::all(&checked, roster)?;
    let sources = checked.data.sources();
    Ok(match format {
        Format::Pdf => write_documents(&docs, out, typesetter, &sources, policy),
        Format::Typ => write_sources(&docs, out, typesetter),
    })
}

/// Renders `docs` and writes each as `out/<name>.pdf`; a failed one is reported, not written.
pub fn write_documents(
    docs: &[Document],
    out: &Path,
    typesetter: &Typesetter,
    sources: &[&SourceFile],
    policy: Policy,
) -> Report {
    let filler = Filler::new();
    let mut report = Report::default();
    let mut ready = Vec::new();
    for doc in docs {
        match render_pdf(&filler, typesetter, doc, sources, policy) {
            Ok(rendered) => ready.push((doc, rendered)),
            Err(Failure(diags)) => report.errors.extend(diags),
        }
    }
    if policy.all_or_nothing && !report.errors.is_empty() {
        return report;
    }
    for (doc, rendered) in ready {
        let path = out.join(format!("{}.pdf", doc.name));
        match write_atomic(&path, &rendered.pdf) {
            Ok(()) => report.written.push(Written {
                path,
                pages: rendered.pages,
            }),
            Err(d) => report.errors.push(d),
        }
        report.warnings.extend(rendered.warnings);
    }
    report
}

/// Writes each document's Typst source as `out/<name>.typ`, and the modules it imports at the
/// root of `out`, so that `typst compile --root out` sees what lianxi typeset.
pub fn write_sources(docs: &[Document], out: &Path, typesetter: &Typesetter) -> Report {
    let filler = Filler::new();
    let mut report = Report::default();
    for (name, text) in typesetter.modules() {
        if let Err(d) = write_atomic(&out.join(name.trim_start_matches('/')), text.as_bytes()) {
            report.errors.push(d);
        }
    }
    for doc in docs {
        let path = out.join(format!("{}.typ", doc.name));
        match filler
            .fill(doc)
            .map(|source| write_atomic(&path, source.as_bytes()))
        {
            Ok(Ok(())) => report.written.push(Written { path, pages: 0 }),
            Ok(Err(d)) => report.errors.push(d),
            Err(Failure(diags)) => report.errors.extend(diags),
        }
    }
    report
}
