//! The filing form (成员（联络员）调整备案表) for one personnel change.

use serde::Serialize;

use super::title::title_lines;
use crate::model::filing::{Filing, Reason, SeatKind};
use crate::model::{Council, Date};
use crate::roster::{ChangeRecord, Holder};

/// Everything the form says; the template draws the grid.
#[derive(Debug, Clone, Serialize)]
pub struct FilingFormView {
    pub title_lines: Vec<String>,
    /// 填报单位 (full name when the data has one).
    pub unit: String,
    pub filed_on: String,
    /// 调整类别 boxes.
    pub seats: Vec<Choice>,
    pub before: Option<PersonView>,
    pub after: Option<PersonView>,
    /// 调整原因 boxes, and the note for 其他.
    pub reasons: Vec<Choice>,
    pub reason_note: String,
    pub filed_by: String,
    pub filer_phone: String,
    /// 备案日期, when the office has accepted the filing.
    pub accepted_on: Option<String>,
    pub remarks: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub label: String,
    pub checked: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub name: String,
    pub unit_and_post: String,
    pub office_phone: String,
    pub mobile: String,
    /// Both phones (调整前 has one cell for them), one per line.
    pub phones: String,
}

impl PersonView {
    fn new(h: &Holder) -> Self {
        PersonView {
            name: h.name.clone().unwrap_or_default(),
            unit_and_post: h.unit_and_post(),
            office_phone: h.office_phone.clone().unwrap_or_default(),
            mobile: h.mobile.clone().unwrap_or_default(),
            phones: h.phones(),
        }
    }
}

pub fn assemble(council: &Council, filing: &Filing, change: &ChangeRecord) -> FilingFormView {
    let seat = &filing.seat.value;
    // Members and liaisons are the usual case; a leader role's box appears when it is filed.
    let seats = SeatKind::all(&council.role_names())
        .into_iter()
        .filter(|k| k.is_per_unit() || k == seat)
        .map(|k| Choice {
            checked: k == *seat,
            label: k.chinese().to_string(),
        })
        .collect();
    let unit = council
        .unit(&filing.unit.value)
        .and_then(|u| u.full_name.clone())
        .unwrap_or_else(|| filing.unit.value.clone());
    FilingFormView {
        title_lines: title_lines(&format!(
            "{}成员（联络员）调整备案表",
            council.name_on(filing.effective.value)
        )),
        unit,
        filed_on: filing.filed_on.chinese(),
        seats,
        before: change.before.as_ref().map(|holder| {
            // The filer's record of the person leaving (post and phones as they were) prints
            // over what the roster last knew.
            let mut holder = holder.clone();
            if let Some(leaving) = &filing.leaving {
                holder.post = leaving.post.clone().or(holder.post);
                holder.office_phone = leaving.office_phone.clone().or(holder.office_phone);
                holder.mobile = leaving.mobile.clone().or(holder.mobile);
            }
            PersonView::new(&holder)
        }),
        after: change.after.as_ref().map(PersonView::new),
        reasons: Reason::ALL
            .into_iter()
            .map(|r| Choice {
                label: r.chinese().to_string(),
                checked: r == filing.reason,
            })
            .collect(),
        reason_note: filing.reason_note.clone().unwrap_or_default(),
        filed_by: filing.filed_by.clone(),
        filer_phone: filing.filer_phone.clone().unwrap_or_default(),
        accepted_on: filing.accepted_on.map(|d: Date| d.chinese()),
        remarks: filing.remarks.clone().unwrap_or_default(),
    }
}
