//! The notice convening a meeting (关于召开…联席会议2026年全体会议的通知), with its 参会回执.

use serde::Serialize;

use super::attachment::{AttachmentView, number_attachments};
use super::elements::{BlockView, ImprintView, SignatureView, recipients_line};
use super::numbering::Numbering;
use super::official::{NoticeParts, OfficialView};
use super::title::title_lines;
use crate::model::Council;
use crate::model::check::parse_time;
use crate::model::filing::SeatKind;
use crate::model::official::DocFormat;
use crate::model::session::{Session, SessionNotice};
use crate::roster::attendance::Attendance;

/// The reply form (参会回执) attached to a meeting notice.
#[derive(Debug, Clone, Serialize)]
pub struct ReplyFormView {
    pub label: String,
    pub title_lines: Vec<String>,
    pub header: [&'static str; 5],
    /// Empty rows for the units to fill in.
    pub rows: usize,
    /// The return deadline and contact, under the table.
    pub note: String,
}

/// Rows enough for a unit's member, liaison and a substitute, with room to spare.
const REPLY_ROWS: usize = 8;

pub fn assemble(
    council: &Council,
    session: &Session,
    notice: &SessionNotice,
    people: &Attendance,
    seal_image: Option<String>,
) -> OfficialView {
    let meeting = session.meeting_name(council.name_on(session.date.value));
    let date = session.date.value;
    let mut n = Numbering::default();
    let mut body = vec![BlockView::Paragraph {
        text: format!(
            "{}{}，定于{}召开{meeting}。现将有关事项通知如下：",
            notice.purpose.as_deref().unwrap_or(""),
            session.convened_by(
                council.first_role(),
                council.office.as_ref().map(|o| o.name())
            ),
            date.chinese()
        ),
    }];
    let heading = |n: &mut Numbering, text: &str| BlockView::Heading {
        number: n.next(0),
        text: text.into(),
    };
    let paragraph = |text: String| BlockView::Paragraph { text };

    body.push(heading(&mut n, "会议时间"));
    let start = clock(&session.start.value);
    let sign_in = session.sign_in.as_ref().map_or(String::new(), |t| {
        format!("，{}开始签到", clock(&t.value).1)
    });
    body.push(paragraph(format!(
        "{}（{}）{}{}{sign_in}。",
        date.chinese(),
        weekday(date.weekday()),
        start.0,
        start.1
    )));

    body.push(heading(&mut n, "会议地点"));
    body.push(paragraph(format!("{}。", session.place)));

    body.push(heading(&mut n, "参会人员"));
    body.push(paragraph(participants(council, session, people)));
    if !session.observers.is_empty() {
        body.push(paragraph(format!(
            "列席人员：{}。",
            session.observers.join("、")
        )));
    }

    body.push(heading(&mut n, "会议议程"));
    let last = session.agenda.len().saturating_sub(1);
    for (i, item) in session.agenda.iter().enumerate() {
        let by = item
            .presenter
            .as_ref()
            .map_or(String::new(), |p| format!("（{p}）"));
        let end = if i == last { "。" } else { "；" };
        body.push(BlockView::Point {
            number: n.next(2),
            text: format!("{}{by}{end}", item.title),
        });
    }

    body.push(heading(&mut n, "有关要求"));
    let deadline = notice.reply_deadline.value.chinese();
    let office = council.contact_point();
    let reply = format!("请各成员单位于{deadline}前将参会回执（见附件）报送{office}。");
    for text in std::iter::once(&reply).chain(&notice.requirements) {
        body.push(BlockView::Point {
            number: n.next(2),
            text: text.clone(),
        });
    }
    let contact = format!(
        "联系人：{}，联系电话：{}。",
        notice.contact.name, notice.contact.phone
    );
    body.push(paragraph(contact.clone()));

    let mut attachments = vec![AttachmentView::ReplyForm {
        form: ReplyFormView {
            label: String::new(),
            title_lines: vec!["参会回执".into()],
            header: ["单位", "姓名", "职务", "联系电话", "备注"],
            rows: REPLY_ROWS,
            note: format!("请于{deadline}前将回执报送{office}。{contact}"),
        },
    }];
    let attachment_note = number_attachments(&mut attachments);
    let title = notice
        .title
        .clone()
        .unwrap_or_else(|| format!("关于召开{meeting}的通知"));
    let recipients = if notice.recipients_all_units {
        council
            .units
            .iter()
            .map(|u| u.formal_name().to_string())
            .collect()
    } else if notice.recipients.is_empty() {
        vec!["联席会议各成员单位".to_string()]
    } else {
        notice.recipients.clone()
    };
    OfficialView::notice(NoticeParts {
        format: DocFormat::File,
        masthead: notice.masthead.clone(),
        doc_number: notice.doc_number.value.clone(),
        title_lines: title_lines(&title),
        recipients: recipients_line(&recipients),
        body,
        attachment_note,
        signature: SignatureView::new(&notice.issuer, notice.date.value, &notice.seal, seal_image),
        annotation: None,
        attachments,
        imprint: ImprintView::new(&notice.cc, &notice.printer, notice.print_date),
    })
}

/// "联席会议召集人刘洋，副召集人冯光明，联席会议成员（各成员单位分管负责同志），各成员单位联络员。"
/// Leaders are named (or given by post); members and liaisons are described, as real notices do.
fn participants(council: &Council, session: &Session, people: &Attendance) -> String {
    let names = |kind: &SeatKind| -> Vec<String> {
        people
            .expected
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, h)| h.name_or_post())
            .collect()
    };
    let mut parts = Vec::new();
    for kind in SeatKind::all(&council.role_names())
        .into_iter()
        .filter(|k| session.attendees.iter().any(|a| a.value == *k))
    {
        let council_prefix = if parts.is_empty() { "联席会议" } else { "" };
        parts.push(match &kind {
            SeatKind::Leader(role) => {
                format!("{council_prefix}{role}{}", names(&kind).join("、"))
            }
            SeatKind::Member => "联席会议成员（各成员单位分管负责同志）".to_string(),
            SeatKind::Liaison => "各成员单位联络员".to_string(),
        });
    }
    format!("{}。", parts.join("，"))
}

/// "09:00" → ("上午", "9:00").
fn clock(time: &str) -> (&'static str, String) {
    let (h, m) = parse_time(time).unwrap_or((0, 0));
    let part = if h < 12 { "上午" } else { "下午" };
    let h12 = if h > 12 { h - 12 } else { h };
    (part, format!("{h12}:{m:02}"))
}

fn weekday(day: u32) -> &'static str {
    [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ][day as usize % 7]
}
