//! The founding notice (关于建立…联席会议制度的通知): prose from its YAML, lists from the model.

use super::attachment::{AttachmentView, number_attachments};
use super::body::blocks;
use super::derived_text::DerivedText;
use super::elements::{ImprintView, SignatureView, recipients_line};
use super::numbering::Numbering;
use super::official::{NoticeParts, OfficialView};
use super::roster_appendix::{self, RosterRequest};
use super::title::title_lines;
use crate::model::official::DocFormat;
use crate::model::{Attachment, CouncilData, Notice};
use crate::roster::History;

/// Words the founding notice says, with the parts that are data taken from the model and the
/// roster as founded.
pub fn assemble(
    data: &CouncilData,
    history: &History,
    notice: &Notice,
    seal_image: Option<String>,
) -> OfficialView {
    let founded = &history.founded;
    let derived = DerivedText::new(&data.council, founded, notice.date.value);
    let body = blocks(
        &notice.body,
        &data.council,
        founded,
        &derived,
        &mut Numbering::default(),
    );
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
    OfficialView::notice(NoticeParts {
        format: notice.format.unwrap_or(DocFormat::File),
        masthead: notice.masthead.clone(),
        doc_number: notice.doc_number.value.clone(),
        title_lines: title_lines(&derived.fill(&notice.title)),
        recipients: recipients_line(&notice.recipients),
        body,
        attachment_note,
        signature: SignatureView::new(&notice.issuer, notice.date.value, &notice.seal, seal_image),
        annotation: notice.annotation.as_ref().map(|a| format!("（{a}）")),
        attachments,
        imprint: ImprintView::new(&notice.cc, &notice.printer, notice.print_date),
    })
}
