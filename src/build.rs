//! The whole pipeline for one data directory, as `lianxi build` runs it.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostics, Failure};
use crate::documents::{self, Document};
use crate::fill::Filler;
use crate::model;
use crate::output::write_atomic;
use crate::typeset::Typesetter;

/// A document that was written.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub pages: usize,
}

/// Everything a build produced: files written and warnings to show.
#[derive(Debug, Default)]
pub struct Report {
    pub written: Vec<Written>,
    pub warnings: Diagnostics,
}

/// Renders one document to PDF bytes, with its page count and warnings.
pub fn render_pdf(
    filler: &Filler,
    typesetter: &Typesetter,
    doc: &Document,
) -> Result<(Vec<u8>, usize, Diagnostics), Failure> {
    let source = filler.fill(doc)?;
    let typeset = typesetter.typeset(doc, &source)?;
    let pdf = typesetter.pdf(doc, &typeset.pages)?;
    Ok((pdf, typeset.pages.pages().len(), typeset.warnings))
}

/// Loads `dir`, renders every document it defines and writes them into `out`.
/// Nothing is written unless the data checks out; each file appears whole or not at all.
pub fn build(dir: &Path, out: &Path, typesetter: &Typesetter) -> Result<Report, Failure> {
    let data = model::load(dir)?;
    let docs = documents::all(&data)?;
    let filler = Filler::new();
    let mut report = Report::default();
    let mut errors = Diagnostics::new();
    for doc in &docs {
        match render_pdf(&filler, typesetter, doc) {
            Ok((pdf, pages, warnings)) => {
                let path = out.join(format!("{}.pdf", doc.name));
                match write_atomic(&path, &pdf) {
                    Ok(()) => report.written.push(Written { path, pages }),
                    Err(d) => errors.push(d),
                }
                report.warnings.extend(warnings);
            }
            Err(Failure(diags)) => errors.extend(diags),
        }
    }
    if errors.is_empty() {
        Ok(report)
    } else {
        Err(Failure(errors))
    }
}
