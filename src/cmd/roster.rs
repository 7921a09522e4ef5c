//! `lianxi roster`: the roster as of a date, or the list of changes.

use std::path::PathBuf;

use lianxi::build::{self, Format, Policy};
use lianxi::checked;
use lianxi::diag::Failure;
use lianxi::documents::{self, roster_appendix::RosterLayout, roster_appendix::RosterRequest};
use lianxi::model::Date;

use super::{Output, finish, print_history};
use crate::cli::RosterArgs;

pub fn run(args: RosterArgs, say: &Output) -> Result<(), Failure> {
    let RosterArgs {
        dir,
        as_of,
        since,
        table,
        run_in,
        note,
        out,
        list,
        fonts,
    } = args;
    let checked::Checked {
        data,
        history,
        warnings,
        ..
    } = checked::load_with(&dir, fonts.strict)?;
    say.warn(&warnings);
    if list {
        print_history(&history);
        return Ok(());
    }
    let request = RosterRequest {
        as_of: as_of.unwrap_or_else(Date::today),
        since,
        layout: match (table, run_in) {
            (true, _) => RosterLayout::Table,
            (_, true) => RosterLayout::RunIn,
            _ => RosterLayout::Lines,
        },
        updated_note: note,
    };
    let mut doc = documents::roster_appendix(&data, &history, &request);
    // Written as <dir>/<name>.pdf (or .ofd): name the document after the file asked for.
    let out = out.unwrap_or_else(|| PathBuf::from(format!("{}.pdf", doc.name)));
    let parent = out.parent().map(PathBuf::from).unwrap_or_default();
    doc.name = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or(doc.name);
    let ofd = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ofd"));
    let policy = Policy {
        strict: fonts.strict,
        all_or_nothing: true,
        format: if ofd { Format::Ofd } else { Format::Pdf },
        ..Policy::default()
    };
    let typesetter = fonts.typesetter(Some(&data));
    say.warn(&fonts.check(&typesetter, Some(&data))?);
    let report = build::write_documents(&[doc], &parent, &typesetter, &data.sources(), policy);
    finish(report, say)
}
