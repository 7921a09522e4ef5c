//! The roster appendix (附件 成员名单), reissued as the roster stood on a date.

use serde::Serialize;

use super::roster_list::{
    RosterGroup, TableRow, liaison_group, member_groups, run_in_paragraphs, table_rows,
};
use super::title::title_lines;
pub use crate::model::RosterLayout;
use crate::model::filing::SeatKind;
use crate::model::{Council, Date, RosterIssue};
use crate::roster::History;

/// What to reissue.
#[derive(Debug, Clone)]
pub struct RosterRequest {
    pub as_of: Date,
    /// List the changes since this date (变更说明).
    pub since: Option<Date>,
    pub layout: RosterLayout,
    /// The line under the title; default "（2026年11月更新）", none when empty.
    pub updated_note: Option<String>,
}

impl RosterRequest {
    /// The roster as it stood on `date`, in lines, as an attachment that reissues nothing.
    pub fn on(date: Date) -> Self {
        RosterRequest {
            as_of: date,
            since: None,
            layout: RosterLayout::Lines,
            updated_note: Some(String::new()),
        }
    }

    /// The stand-alone roster a build writes: as of `date`, in lines, with the default 更新 note.
    pub fn reissued(date: Date) -> Self {
        RosterRequest {
            updated_note: None,
            ..Self::on(date)
        }
    }

    /// The reissue a `rosters/*.yaml` file defines.
    pub fn issue(issue: &RosterIssue) -> Self {
        RosterRequest {
            as_of: issue.date.value,
            since: issue.since,
            layout: issue.layout,
            updated_note: issue.note.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RosterAppendixView {
    /// "附件", or "附件2" when attached among others.
    pub label: String,
    pub title_lines: Vec<String>,
    pub updated_note: Option<String>,
    pub layout: RosterLayout,
    pub groups: Vec<RosterGroup>,
    /// None when the roster lists no liaison.
    pub liaisons: Option<RosterGroup>,
    /// The run-in layout: one paragraph per role.
    pub paragraphs: Vec<String>,
    /// Column heads of the table layout.
    pub table_header: [&'static str; 5],
    pub member_rows: Vec<TableRow>,
    pub liaison_rows: Vec<TableRow>,
    /// "变更说明（2024年1月1日以后）：", when changes are listed.
    pub changes_title: String,
    /// 变更说明 items, oldest first.
    pub changes: Vec<NumberedLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NumberedLine {
    pub number: String,
    pub text: String,
}

pub fn assemble(
    council: &Council,
    history: &History,
    request: &RosterRequest,
) -> RosterAppendixView {
    let roster = history.at(request.as_of);
    let as_of = request.as_of;
    let roles = council.role_names();
    let leaders_and_members: Vec<SeatKind> = SeatKind::all(&roles)
        .into_iter()
        .filter(|k| *k != SeatKind::Liaison)
        .collect();
    RosterAppendixView {
        label: "附件".into(),
        title_lines: title_lines(
            &council
                .roster_title
                .clone()
                .unwrap_or_else(|| format!("{}成员名单", council.name_on(as_of))),
        ),
        updated_note: match &request.updated_note {
            None => Some(format!("（{}年{}月更新）", as_of.year, as_of.month)),
            Some(note) if note.is_empty() => None,
            Some(note) => Some(note.clone()),
        },
        layout: request.layout,
        groups: member_groups(&roster, &roles),
        liaisons: liaison_group(&roster),
        paragraphs: match request.layout {
            RosterLayout::RunIn => run_in_paragraphs(&roster, &roles),
            _ => vec![],
        },
        table_header: ["序号", "单位", "姓名", "职务", "联系电话"],
        member_rows: table_rows(&roster, &leaders_and_members),
        liaison_rows: table_rows(&roster, &[SeatKind::Liaison]),
        changes_title: request.since.map_or(String::new(), |d| {
            format!("变更说明（{}以后）：", d.chinese())
        }),
        changes: request
            .since
            .map(|since| {
                history
                    .changes_between(since, as_of)
                    .enumerate()
                    .map(|(i, c)| NumberedLine {
                        number: format!("{}.", i + 1),
                        text: c.describe(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}
