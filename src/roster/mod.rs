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
use crate::model::{Council, CouncilData, Date, Seat};
use serde_saphyr::Spanned;

/// A seat and who holds it: a named person, a post alone (the seat follows the post), or a
/// group of unfixed size.
#[derive(Debug, Clone)]
pub struct Holder {
    /// None for a seat defined by its post or a group seat.
    pub name: Option<String>,
    /// The unit's short name (for leaders any organ, e.g. "区政府"; empty for a leader given by
    /// post alone).
    pub unit: String,
    pub post: Option<String>,
    /// The unit is a group of unfixed size ("各街道办事处"): the seat is several people.
    pub group: bool,
    /// Seats written together (`units: [..]` sharing one post) carry the same number, so a
    /// roster prints them run in: "区委组织部、区委宣传部分管负责人".
    pub run_in: Option<usize>,
    /// How the roster names the unit when not by its short name.
    pub unit_label: Option<String>,
    pub office_phone: Option<String>,
    pub mobile: Option<String>,
    /// The data says this person may hold another seat too (兼任).
    pub concurrent: bool,
    /// Where the seat was written.
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

    /// "区委编办副主任", "各街道办事处主要负责人".
    pub fn unit_and_post(&self) -> String {
        format!("{}{}", self.unit_name(), self.post.as_deref().unwrap_or(""))
    }

    /// The person's name, or — for a seat defined by post — the post: "区委编办分管负责人".
    pub fn name_or_post(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.unit_and_post())
    }

    /// "冯光明（区卫健委主任）", or the post alone for a seat without a name.
    pub fn described(&self) -> String {
        match &self.name {
            Some(name) => format!("{name}（{}）", self.unit_and_post()),
            None => self.unit_and_post(),
        }
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

    /// The holders a roster seat stands for: one, or one per unit of a run-in seat.
    fn from_seat(
        seat: &Spanned<Seat>,
        council: &Council,
        file: &SourceFile,
        run_in: usize,
    ) -> Vec<Self> {
        let value = &seat.value;
        let holder = |unit: &str, origin: Origin| Holder {
            name: value.name.as_ref().map(|n| n.value.clone()),
            unit: unit.to_string(),
            post: value.post.clone(),
            group: council.is_group(unit),
            run_in: None,
            unit_label: value.unit_label.clone(),
            office_phone: value.office_phone.clone(),
            mobile: value.mobile.clone(),
            concurrent: false,
            origin,
        };
        match &value.units {
            Some(units) => units
                .iter()
                .map(|u| Holder {
                    run_in: Some(run_in),
                    ..holder(&u.value, Origin::of(file, u))
                })
                .collect(),
            None => {
                let origin = match &value.name {
                    Some(name) => Origin::of(file, name),
                    None => Origin::of(file, seat),
                };
                vec![holder(
                    value.unit.as_ref().map_or("", |u| u.value.as_str()),
                    origin,
                )]
            }
        }
    }
}

/// Who held every seat on one date.
#[derive(Debug, Clone)]
pub struct RosterState {
    pub date: Date,
    /// In roster order: leaders by role, then members, then liaisons, each as written; a seat a
    /// filing adds comes after the others of its kind.
    seats: Vec<(SeatKind, Holder)>,
}

impl RosterState {
    /// Holders of one kind of seat, in the order rosters list them.
    pub fn holders(&self, kind: &SeatKind) -> Vec<&Holder> {
        self.seats
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, h)| h)
            .collect()
    }

    /// Every seat, in roster order.
    pub fn seats(&self) -> impl Iterator<Item = (&SeatKind, &Holder)> {
        self.seats.iter().map(|(k, h)| (k, h))
    }

    /// The seat `kind` of `unit` (members, liaisons), or the one `name` holds (convenors).
    fn seat_index(&self, kind: &SeatKind, unit: &str, name: Option<&str>) -> Option<usize> {
        self.seats.iter().position(|(k, h)| {
            k == kind
                && if kind.is_per_unit() {
                    h.unit == unit
                } else {
                    name.is_some() && h.name.as_deref() == name
                }
        })
    }

    /// Every seat `name` holds.
    fn seats_of(&self, name: &str) -> impl Iterator<Item = (usize, &(SeatKind, Holder))> {
        self.seats
            .iter()
            .enumerate()
            .filter(move |(_, (_, h))| h.name.as_deref() == Some(name))
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
                .map_or("（空缺）".to_string(), Holder::name_or_post)
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
        let roles = data.council.role_names();
        let mut leaders: Vec<&Spanned<Seat>> = roster.leaders.iter().collect();
        // Leaders print by the council's role order, each role's holders as written.
        leaders.sort_by_key(|seat| {
            let role = seat.value.role.as_ref().map_or("", |r| r.value.as_str());
            roles.iter().position(|r| *r == role).unwrap_or(usize::MAX)
        });
        let mut seats = Vec::new();
        for (i, seat) in leaders.into_iter().enumerate() {
            let role = seat.value.role.as_ref().map_or("", |r| r.value.as_str());
            let kind = SeatKind::Leader(role.to_string());
            seats.extend(
                Holder::from_seat(seat, &data.council, file, i)
                    .into_iter()
                    .map(|h| (kind.clone(), h)),
            );
        }
        // Each seat of the roster gets its own number: run-in units share their seat's.
        let mut next_seat = roster.leaders.len();
        for (kind, list) in [
            (SeatKind::Member, &roster.members),
            (SeatKind::Liaison, &roster.liaisons),
        ] {
            for seat in list {
                next_seat += 1;
                seats.extend(
                    Holder::from_seat(seat, &data.council, file, next_seat)
                        .into_iter()
                        .map(|h| (kind.clone(), h)),
                );
            }
        }
        let founded = RosterState {
            date: roster.date.value,
            seats,
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
