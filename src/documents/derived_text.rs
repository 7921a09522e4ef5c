//! The values an office's sentences slot in ({成员单位}, {召集人} …), worded from the model and
//! the roster on the document's date.

use super::roster_list::run_in_text;
use crate::model::filing::SeatKind;
use crate::model::slots::{Piece, pieces};
use crate::model::{Council, Date, Sealing};
use crate::roster::RosterState;

/// Every slot's text for one document.
pub struct DerivedText {
    values: Vec<(String, String)>,
}

impl DerivedText {
    pub fn new(council: &Council, roster: &RosterState, date: Date) -> Self {
        let units: Vec<&str> = council
            .units
            .iter()
            .map(|u| u.name.value.as_str())
            .collect();
        // A group of units ("各街道办事处") is listed but not counted.
        let counted = council.units.iter().filter(|u| !u.group).count();
        let mut values: Vec<(String, String)> = vec![
            ("联席会议".into(), council.name_on(date).to_string()),
            ("成员单位".into(), units.join("、")),
            ("成员单位数".into(), counted.to_string()),
            ("成员".into(), run_in_text(roster, &SeatKind::Member)),
            ("联络员".into(), run_in_text(roster, &SeatKind::Liaison)),
        ];
        if let Some(lead) = &council.lead_unit {
            values.push((
                "牵头单位".into(),
                council.formal_name_of(&lead.value).into(),
            ));
        }
        if let Some(office) = &council.office {
            values.push(("办公室".into(), office.name().into()));
            values.push((
                "办公室所在单位".into(),
                council.formal_name_of(&office.host_unit.value).into(),
            ));
            values.extend(office.director.clone().map(|d| ("办公室主任".into(), d)));
            values.extend(office.phone.clone().map(|p| ("办公室电话".into(), p)));
        }
        if let Some(Sealing::Proxy(unit)) = &council.sealing {
            values.push((
                "代章单位".into(),
                council.formal_name_of(&unit.value).into(),
            ));
        }
        for role in council.role_names() {
            values.push((
                role.to_string(),
                run_in_text(roster, &SeatKind::Leader(role.to_string())),
            ));
        }
        DerivedText { values }
    }

    /// `text` with its slots filled; a slot with no value stays as typed (the checks report it
    /// before any document is made).
    pub fn fill(&self, text: &str) -> String {
        pieces(text)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                Piece::Slot(name, range) => self
                    .values
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or_else(|| text[range].to_string(), |(_, v)| v.clone()),
            })
            .collect()
    }
}
