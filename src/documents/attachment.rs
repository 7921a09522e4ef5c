//! Attachments (附件, GB/T 9704 7.3.7): each starts a page with "附件N" and its title; the
//! 附件说明 of the document that carries them is derived from them.

use serde::Serialize;

use super::elements::{BlockView, TableView};
use super::meeting_notice::ReplyFormView;
use super::roster_appendix::RosterAppendixView;

/// One attachment page set.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AttachmentView {
    Roster {
        appendix: RosterAppendixView,
    },
    ReplyForm {
        form: ReplyFormView,
    },
    /// A table typed in the data.
    Table {
        label: String,
        title_lines: Vec<String>,
        table: TableView,
    },
    /// A text of its own: a work plan, the rules.
    Text {
        label: String,
        title_lines: Vec<String>,
        body: Vec<BlockView>,
    },
    /// The pages of an existing PDF, `file` inside the compiler's sandbox.
    Pdf {
        label: String,
        title_lines: Vec<String>,
        file: String,
        pages: usize,
    },
}

impl AttachmentView {
    pub fn title(&self) -> String {
        match self {
            AttachmentView::Roster { appendix } => appendix.title_lines.concat(),
            AttachmentView::ReplyForm { form } => form.title_lines.concat(),
            AttachmentView::Table { title_lines, .. }
            | AttachmentView::Text { title_lines, .. }
            | AttachmentView::Pdf { title_lines, .. } => title_lines.concat(),
        }
    }

    fn set_label(&mut self, label: String) {
        match self {
            AttachmentView::Roster { appendix } => appendix.label = label,
            AttachmentView::ReplyForm { form } => form.label = label,
            AttachmentView::Table { label: l, .. }
            | AttachmentView::Text { label: l, .. }
            | AttachmentView::Pdf { label: l, .. } => *l = label,
        }
    }
}

/// Labels attachments "附件" (one) or "附件1", "附件2" … and returns the 附件说明 names.
pub fn number_attachments(attachments: &mut [AttachmentView]) -> Vec<String> {
    let several = attachments.len() > 1;
    for (i, a) in attachments.iter_mut().enumerate() {
        a.set_label(if several {
            format!("附件{}", i + 1)
        } else {
            "附件".into()
        });
    }
    attachments.iter().map(AttachmentView::title).collect()
}
