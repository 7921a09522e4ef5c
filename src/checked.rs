//! A data directory that passed every check — the model, the roster over time, the meetings —
//! ready for the documents stage.

use std::path::Path;

use crate::diag::{Diagnostics, Failure};
use crate::model::{self, CouncilData};
use crate::roster::History;
use crate::roster::attendance::{self, Attendance};

/// The checked data: the model, the roster over time, and each meeting's people as of its date.
pub struct Checked {
    pub data: CouncilData,
    pub history: History,
    /// One per `data.sessions`, in the same order.
    pub attendance: Vec<Attendance>,
}

/// Loads and checks `dir`, replays its filings, and resolves its meetings' people.
pub fn load(dir: &Path) -> Result<Checked, Failure> {
    let data = model::load(dir)?;
    let history = History::build(&data)?;
    let mut attendance = Vec::new();
    let mut diags = Diagnostics::new();
    for session in &data.sessions {
        match attendance::resolve(&data.council, &history, session) {
            Ok(a) => attendance.push(a),
            Err(d) => diags.extend(d),
        }
    }
    if !diags.is_empty() {
        return Err(Failure(diags));
    }
    Ok(Checked {
        data,
        history,
        attendance,
    })
}
