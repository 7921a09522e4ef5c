//! Name lists as documents print them: 召集人/副召集人/成员 and 联络员 lines, or table rows.

use serde::Serialize;

use crate::model::filing::SeatKind;
use crate::roster::{Holder, RosterState};

#[derive(Debug, Clone, Serialize)]
pub struct RosterGroup {
    /// Role label without the colon, e.g. "召集人".
    pub label: String,
    pub entries: Vec<RosterEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RosterEntry {
    pub name: String,
    /// Unit and post, e.g. "区委编办副主任", or the unit alone for liaisons.
    pub detail: String,
}

/// 召集人 / 副召集人 / 成员 lines: name, then unit and post.
pub fn member_groups(roster: &RosterState) -> Vec<RosterGroup> {
    [
        SeatKind::Convenor,
        SeatKind::DeputyConvenor,
        SeatKind::Member,
    ]
    .into_iter()
    .map(|kind| group(kind, roster, Holder::unit_and_post))
    .filter(|g| !g.entries.is_empty())
    .collect()
}

/// 联络员 lines: name, then unit.
pub fn liaison_group(roster: &RosterState) -> RosterGroup {
    group(SeatKind::Liaison, roster, |h| h.unit_name().to_string())
}

fn group(kind: SeatKind, roster: &RosterState, detail: impl Fn(&Holder) -> String) -> RosterGroup {
    RosterGroup {
        label: kind.chinese().to_string(),
        entries: roster
            .holders(kind)
            .into_iter()
            .map(|h| RosterEntry {
                name: h.name.clone(),
                detail: detail(h),
            })
            .collect(),
    }
}

/// One row of the table layout: 序号 | 单位 | 姓名 | 职务 | 联系电话.
#[derive(Debug, Clone, Serialize)]
pub struct TableRow {
    pub number: String,
    pub unit: String,
    pub name: String,
    pub post: String,
    pub phone: String,
}

/// Table rows for `kinds`, numbered from 1.
pub fn table_rows(roster: &RosterState, kinds: &[SeatKind]) -> Vec<TableRow> {
    kinds
        .iter()
        .flat_map(|&kind| roster.holders(kind))
        .enumerate()
        .map(|(i, h)| TableRow {
            number: (i + 1).to_string(),
            unit: h.unit_name().to_string(),
            name: h.name.clone(),
            post: h.post.clone().unwrap_or_default(),
            phone: h.phones(),
        })
        .collect()
}
