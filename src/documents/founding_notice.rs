//! The founding notice (关于建立…联席会议制度的通知): prose from its YAML, lists from the model.

use super::notice::{
    AttachmentView, BlockView, ImprintView, NoticeView, SignatureView, number_attachments,
    recipients_line, title_lines,
};
use super::numbering::Numbering;
use super::roster_appendix::{self, RosterRequest};
use super::roster_list::{liaison_group, member_groups};
use crate::model::{Attachment, Block, Council, CouncilData, Insert, Notice};
use crate::roster::{History, RosterState};

/// Words the founding notice says, with the parts that are data taken from the model and the
/// roster as founded.
pub fn assemble(
    data: &CouncilData,
    history: &History,
    notice: &Notice,
    seal_image: Option<String>,
) -> NoticeView {
    let founded = &history.founded;
    let mut numbering = Numbering::default();
    let mut body = Vec::new();
    for block in &notice.body {
        match block {
            Block::Text(text) => body.push(BlockView::Paragraph { text: text.clone() }),
            Block::Heading(text) => body.push(BlockView::Heading {
                number: numbering.next(0),
                text: text.clone(),
            }),
            Block::Item(text) => body.push(BlockView::Item {
                number: numbering.next(1),
                title: None,
                text: text.clone(),
            }),
            Block::Point(text) => body.push(BlockView::Point {
                number: numbering.next(2),
                text: text.clone(),
            }),
            Block::Subpoint(text) => body.push(BlockView::Subpoint {
                number: numbering.next(3),
                text: text.clone(),
            }),
            Block::Insert(insert) => body.extend(derived(
                insert.value,
                &data.council,
                founded,
                &mut numbering,
            )),
        }
    }
    let mut attachments: Vec<AttachmentView> = notice
        .attachments
        .iter()
        .map(|a| match a.value {
            Attachment::Roster => AttachmentView::Roster {
                appendix: roster_appendix::assemble(
                    &data.council,
                    history,
                    &RosterRequest::on(notice.date.value),
                ),
            },
        })
        .collect();
    let attachment_note = number_attachments(&mut attachments);
    NoticeView {
        masthead: notice.masthead.clone(),
        doc_number: notice.doc_number.value.clone(),
        title_lines: title_lines(&notice.title),
        recipients: recipients_line(&notice.recipients),
        body,
        attachment_note,
        signature: SignatureView::new(&notice.issuer, notice.date.value, &notice.seal, seal_image),
        annotation: notice.annotation.as_ref().map(|a| format!("（{a}）")),
        attachments,
        imprint: ImprintView::new(&notice.cc, &notice.printer, notice.print_date),
    }
}

fn derived(
    what: Insert,
    council: &Council,
    roster: &RosterState,
    numbering: &mut Numbering,
) -> Vec<BlockView> {
    match what {
        Insert::Functions => vec![BlockView::Paragraph {
            text: council.functions.trim().to_string(),
        }],
        Insert::Rules => vec![BlockView::Paragraph {
            text: council.rules.trim().to_string(),
        }],
        Insert::MemberUnits => vec![BlockView::Paragraph {
            text: member_units_sentence(council),
        }],
        Insert::Roster => vec![BlockView::Roster {
            groups: member_groups(roster),
        }],
        Insert::Liaisons => vec![BlockView::Roster {
            groups: vec![liaison_group(roster)],
        }],
        Insert::UnitDuties => lead_first(council)
            .map(|unit| BlockView::Item {
                number: numbering.next(1),
                title: Some(format!("{}。", unit.name.value)),
                text: unit.duties.trim().to_string(),
            })
            .collect(),
    }
}

/// "联席会议由区委编办、…等部门组成，区卫生健康委为牵头部门。联席会议组成人员如下："
fn member_units_sentence(council: &Council) -> String {
    let units: Vec<&str> = council
        .units
        .iter()
        .map(|u| u.name.value.as_str())
        .collect();
    let lead = council
        .unit(&council.lead_unit.value)
        .map_or(council.lead_unit.value.as_str(), |u| u.formal_name());
    format!(
        "联席会议由{}等部门组成，{lead}为牵头部门。联席会议组成人员如下：",
        units.join("、")
    )
}

/// Units in the order their duties are listed: the lead unit first, then the rest in order.
fn lead_first(council: &Council) -> impl Iterator<Item = &crate::model::Unit> {
    let lead = &council.lead_unit.value;
    council
        .units
        .iter()
        .filter(move |u| &u.name.value == lead)
        .chain(council.units.iter().filter(move |u| &u.name.value != lead))
}
