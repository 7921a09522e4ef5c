//! `lianxi typeset` (hidden): typeset a Typst file by hand.

use lianxi::diag::{Diagnostic, Failure};
use lianxi::documents;
use lianxi::typeset::Typesetter;
use lianxi::typeset::fonts::FontOptions;

use super::print_diagnostics;
use crate::cli::TypesetArgs;

pub fn run(args: TypesetArgs) -> Result<(), Failure> {
    let TypesetArgs { file, out } = args;
    let source = std::fs::read_to_string(&file)
        .map_err(|e| Diagnostic::error(format!("无法读取文件：{e}")).in_file(&file))?;
    let typesetter = Typesetter::new(&FontOptions::default());
    let doc = documents::Document::scratch(&file);
    let typeset = typesetter.typeset(&doc, &source)?;
    print_diagnostics(&typeset.warnings);
    lianxi::output::write_atomic(&out, &typesetter.pdf(&doc, &typeset.pages, None)?)?;
    Ok(())
}
