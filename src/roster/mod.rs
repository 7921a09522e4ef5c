//! The roster over time: the founding roster, then every filing in effective-date order.
//!
//! Each filing is checked against the roster as it stood on its effective date; a filing that
//! does not fit is reported (file:line:col, with what the roster held) and not applied.

mod apply;
pub mod attendance;

use std::ops::Range;

use crate::diag::{Diagnostic, Failure, SourceFile};
use crate::model::filing::SeatKind;
use crate::model::yaml::span_of;
use crate::model::{CouncilData, Date, Person};

/// Someone holding a seat, with where the data says so.
#[derive(Debug, Clone)]
pub struct Holder {
    pub name: String,
    /// The unit's short name (for 召集人 any organ, e.g. "区政府").
    pub unit: String,
    pub post: Option<String>,
    /// How the roster names the unit when not by its short name.
    pub unit_label: Option<String>,
    pub office_phone: Option<String>,
    pub mobile: Option<String>,
    /// The data says this person may hold another seat too (兼任).
    pub concurrent: bool,
    /// Where the name was written.
    pub origin: Origin,
}

/// A place in a YAML file.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: SourceFile,
    pub span: Range<usize>,
}

impl Origin {
    pub fn of<T>(file: &SourceFile, value: &serde_saphyr::Spanned<T>) -> Self {
        Origin {
            file: file.clone(),
            span: span_of(&value.referenced),
        }
    }

    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).at(&self.file, self.span.clone())
    }
}

impl Holder {
    /// The unit as the roster shows it.
    pub fn unit_name(&self) -> &str {
        self.unit_label.as_deref().unwrap_or(&self.unit)
    }

    /// "区委编办副主任".
    pub fn unit_and_post(&self) -> String {
        format!("{}{}", self.unit_name(), self.post.as_deref().unwrap_or(""))
    }

    /// Office phone and mobile, one per line.
    pub fn phones(&self) -> String {
        let phones: Vec<&str> = [&self.office_phone, &self.mobile]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        phones.join("\n")
    }

    fn from_person(person: &Person, file: &SourceFile) -> Self {
        Holder {
            name: person.name.value.clone(),
            unit: person.unit.value.clone(),
            post: person.post.clone(),
            unit_label: person.unit_label.clone(),
            office_phone: person.office_phone.clone(),
            mobile: person.mobile.clone(),
            concurrent: false,
            origin: Origin::of(file, &person.name),
        }
    }
}

/// Who held every seat on one date.
#[derive(Debug, Clone)]
pub struct RosterState {
    pub date: Date,
    seats: Vec<(SeatKind, Holder)>,
    /// Member units in council order: members and liaisons are listed in it.
    unit_order: Vec<String>,
}

impl RosterState {
    /// Holders of one kind of seat, in the order rosters list them.
    pub fn holders(&self, kind: SeatKind) -> Vec<&Holder> {
        let mut list: Vec<(usize, &Holder)> = self
            .seats
            .iter()
            .enumerate()
            .filter(|(_, (k, _))| *k == kind)
            .map(|(i, (_, h))| (i, h))
            .collect();
        if kind.is_per_unit() {
            let rank = |h: &Holder| {
                self.unit_order
                    .iter()
                    .position(|u| *u == h.unit)
                    .unwrap_or(usize::MAX)
            };
            list.sort_by_key(|(i, h)| (rank(h), *i));
        }
        list.into_iter().map(|(_, h)| h).collect()
    }

    /// The seat `kind` of `unit` (members, liaisons), or the one `name` holds (convenors).
    fn seat_index(&self, kind: SeatKind, unit: &str, name: Option<&str>) -> Option<usize> {
        self.seats.iter().position(|(k, h)| {
            *k == kind
                && if kind.is_per_unit() {
                    h.unit == unit
                } else {
                    Some(h.name.as_str()) == name
                }
        })
    }

    /// Every seat `name` holds.
    fn seats_of(&self, name: &str) -> impl Iterator<Item = (usize, &(SeatKind, Holder))> {
        self.seats
            .iter()
            .enumerate()
            .filter(move |(_, (_, h))| h.name == name)
    }
}

/// One applied change.
#[derive(Debug, Clone)]
pub struct ChangeRecord {
    pub effective: Date,
    pub kind: SeatKind,
    pub unit: String,
    pub before: Option<Holder>,
    pub after: Option<Holder>,
    /// Index into `CouncilData::filings`.
    pub filing: usize,
}

impl ChangeRecord {
    /// "区发改委联络员：朱旭 → 李明（2022年3月1日起）".
    pub fn describe(&self) -> String {
        let who = |h: &Option<Holder>| {
            h.as_ref()
                .map_or("（空缺）".to_string(), |h| h.name.clone())
        };
        let seat = if self.kind.is_per_unit() {
            format!("{}{}", self.unit, self.kind.chinese())
        } else {
            self.kind.chinese().to_string()
        };
        format!(
            "{seat}：{} → {}（{}起）",
            who(&self.before),
            who(&self.after),
            self.effective.chinese()
        )
    }
}

/// The founding roster and every change since, in effective-date order.
#[derive(Debug, Clone)]
pub struct History {
    pub founded: RosterState,
    pub changes: Vec<ChangeRecord>,
}

impl History {
    /// Replays the filings over the founding roster, checking each against the roster it meets.
    pub fn build(data: &CouncilData) -> Result<History, Failure> {
        let file = &data.roster.file;
        let roster = &data.roster.value;
        let mut seats = Vec::new();
        for (kind, people) in [
            (SeatKind::Convenor, &roster.convenors),
            (SeatKind::DeputyConvenor, &roster.deputy_convenors),
            (SeatKind::Member, &roster.members),
            (SeatKind::Liaison, &roster.liaisons),
        ] {
            seats.extend(people.iter().map(|p| (kind, Holder::from_person(p, file))));
        }
        let founded = RosterState {
            date: roster.date.value,
            seats,
            unit_order: data
                .council
                .units
                .iter()
                .map(|u| u.name.value.clone())
                .collect(),
        };
        apply::replay(data, founded)
    }

    /// The roster as it stood on `date` (the founding roster before any change).
    pub fn at(&self, date: Date) -> RosterState {
        let mut state = self.founded.clone();
        for change in self.changes.iter().filter(|c| c.effective <= date) {
            apply::apply(&mut state, change);
        }
        state.date = date;
        state
    }

    /// Changes that took effect after `after` and on or before `until`.
    pub fn changes_between(&self, after: Date, until: Date) -> impl Iterator<Item = &ChangeRecord> {
        self.changes
            .iter()
            .filter(move |c| c.effective > after && c.effective <= until)
    }
}
