//! Name lists as documents print them: role lines ("召 集 人：马晨晨  区政府副区长"), run-in
//! paragraphs, or table rows — from the roster in its own order.

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
    /// Empty for a seat defined by post or a group: its `detail` then takes the name's place.
    pub name: String,
    /// Unit and post, e.g. "区委编办副主任"; the unit alone for liaisons; or the seat's words,
    /// several units run in: "区委组织部、区委宣传部分管负责人".
    pub detail: String,
}

/// The leader roles in the council's order, then 成员: one group each, empty ones left out.
pub fn member_groups(roster: &RosterState, roles: &[&str]) -> Vec<RosterGroup> {
    roles
        .iter()
        .map(|r| SeatKind::Leader(r.to_string()))
        .chain([SeatKind::Member])
        .map(|kind| group(&kind, roster, Holder::unit_and_post))
        .filter(|g| !g.entries.is_empty())
        .collect()
}

/// 联络员 lines: name, then unit. None when the roster lists no liaison.
pub fn liaison_group(roster: &RosterState) -> Option<RosterGroup> {
    Some(group(&SeatKind::Liaison, roster, |h| match h.name {
        Some(_) => h.unit_name().to_string(),
        None => h.unit_and_post(),
    }))
    .filter(|g| !g.entries.is_empty())
}

fn group(kind: &SeatKind, roster: &RosterState, detail: impl Fn(&Holder) -> String) -> RosterGroup {
    let mut entries: Vec<RosterEntry> = Vec::new();
    // Seats written `units: [..]` are running text: consecutive ones share one entry,
    // "区委组织部、区委宣传部分管负责人；区发改局、…主要负责人。"
    let mut run: Option<(usize, usize)> = None; // (run-in id, entry index)
    for h in roster.holders(kind) {
        match (h.run_in, run) {
            (Some(id), Some((last, at))) if id == last => {
                entries[at].detail = run_in_units(&entries[at].detail, h);
            }
            (Some(id), Some((_, at))) => {
                entries[at].detail = format!("{}；{}", entries[at].detail, detail(h));
                run = Some((id, at));
            }
            (Some(id), None) => {
                entries.push(RosterEntry {
                    name: String::new(),
                    detail: detail(h),
                });
                run = Some((id, entries.len() - 1));
            }
            (None, _) => {
                if let Some((_, at)) = run.take() {
                    entries[at].detail.push('。');
                }
                entries.push(RosterEntry {
                    name: h.name.clone().unwrap_or_default(),
                    detail: detail(h),
                });
            }
        }
    }
    if let Some((_, at)) = run {
        entries[at].detail.push('。');
    }
    RosterGroup {
        label: kind.chinese().to_string(),
        entries,
    }
}

/// Adds `next`'s unit before the shared post of `so_far` ("A分管负责人" → "A、B分管负责人").
pub fn run_in_units(so_far: &str, next: &Holder) -> String {
    let post = next.post.as_deref().unwrap_or("");
    let units = so_far.strip_suffix(post).unwrap_or(so_far);
    format!("{units}、{}{post}", next.unit_name())
}

/// A role's seats as running text: "马晨晨（区政府副区长）", "区政府分管副区长",
/// "区委组织部、区委宣传部分管负责人", joined by "、" — within a run-in seat — and "；".
pub fn run_in_text(roster: &RosterState, kind: &SeatKind) -> String {
    let g = group(kind, roster, Holder::unit_and_post);
    let parts: Vec<String> = g
        .entries
        .iter()
        .map(|e| match e.name.as_str() {
            "" => e.detail.trim_end_matches('。').to_string(),
            name => format!("{}{name}", e.detail),
        })
        .collect();
    let several_units = g
        .entries
        .iter()
        .any(|e| e.name.is_empty() && e.detail.contains('、'));
    parts.join(if several_units { "；" } else { "、" })
}

/// One paragraph per role for the run-in layout: "成员：区委编办副主任徐翠侠、……".
pub fn run_in_paragraphs(roster: &RosterState, roles: &[&str]) -> Vec<String> {
    roles
        .iter()
        .map(|r| SeatKind::Leader(r.to_string()))
        .chain([SeatKind::Member, SeatKind::Liaison])
        .filter(|k| !roster.holders(k).is_empty())
        .map(|k| format!("{}：{}。", k.chinese(), run_in_text(roster, &k)))
        .collect()
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
        .flat_map(|kind| roster.holders(kind))
        .enumerate()
        .map(|(i, h)| TableRow {
            number: (i + 1).to_string(),
            unit: h.unit_name().to_string(),
            name: h.name.clone().unwrap_or_default(),
            post: h.post.clone().unwrap_or_default(),
            phone: h.phones(),
        })
        .collect()
}
