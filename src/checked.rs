//! A data directory that passed every check — the model, the roster over time, the meetings —
//! ready for the documents stage.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Failure, Severity};
use crate::model::{self, CouncilData, conventions};
use crate::roster::History;
use crate::roster::attendance::{self, Attendance};

/// The checked data: the model, the roster over time, and each meeting's people as of its date.
pub struct Checked {
    pub data: CouncilData,
    pub history: History,
    /// One per `data.sessions`, in the same order.
    pub attendance: Vec<Attendance>,
    /// 公文 conventions the data breaks (a 文号 in ASCII brackets, "一、" typed before a heading
    /// …): worth fixing, not in the way of printing.
    pub warnings: Diagnostics,
}

/// Loads and checks `dir`, replays its filings, and resolves its meetings' people. Breaches of
/// 公文 conventions are warnings in [`Checked::warnings`].
pub fn load(dir: &Path) -> Result<Checked, Failure> {
    load_with(dir, false)
}

/// [`load`]; with `strict`, a breach of a 公文 convention is an error too. A failure reports
/// every error found: the data's, then the conventions' (with `strict`, all of them; without,
/// the warnings wait until the data loads).
pub fn load_with(dir: &Path, strict: bool) -> Result<Checked, Failure> {
    let fail = |mut diags: Diagnostics, found: Diagnostics| {
        let found = harden(found, strict)
            .into_iter()
            .filter(Diagnostic::is_error);
        // A value both checks refuse (an empty unit name) is reported once.
        let known: Vec<(String, usize)> = diags.iter().filter_map(place).collect();
        diags.extend(found.filter(|d| place(d).is_none_or(|p| !known.contains(&p))));
        Failure(harden(diags, strict))
    };
    let data = match model::load(dir) {
        Ok(data) => data,
        Err(Failure(diags)) => return Err(fail(diags, conventions::check_dir(dir))),
    };
    let found = harden(conventions::check(&data), strict);
    let history = match History::build(&data) {
        Ok(history) => history,
        Err(Failure(diags)) => return Err(fail(diags, found)),
    };
    let mut attendance = Vec::new();
    let mut diags = Diagnostics::new();
    for session in &data.sessions {
        match attendance::resolve(&data.council, &history, session) {
            Ok(a) => attendance.push(a),
            Err(d) => diags.extend(d),
        }
    }
    if !diags.is_empty() || found.iter().any(Diagnostic::is_error) {
        return Err(fail(diags, found));
    }
    Ok(Checked {
        data,
        history,
        attendance,
        warnings: found,
    })
}

/// File and offset of a diagnostic.
fn place(d: &Diagnostic) -> Option<(String, usize)> {
    let loc = d.location.as_ref()?;
    Some((loc.file.path.display().to_string(), loc.span.start))
}

/// Warnings as errors, under `--strict`.
fn harden(mut diags: Diagnostics, strict: bool) -> Diagnostics {
    if strict {
        for d in &mut diags {
            d.severity = Severity::Error;
        }
    }
    diags
}
