//! A 公文 of any kind as its template (`document.typ`) sees it: head marks, one or several
//! organs, a 上行文's 签发人, 文件格式 or 信函格式, attachments of every kind. The documents of
//! `documents/*.yaml` are assembled here; the founding and meeting notices word their own parts
//! and take the same shape (`OfficialView::notice`).

use serde::Serialize;

use super::attachment::{AttachmentView, number_attachments};
use super::body::blocks;
use super::derived_text::DerivedText;
use super::elements::{BlockView, ImprintView, SignatureView, TableView, recipients_line};
use super::numbering::Numbering;
use super::roster_appendix::{self, RosterRequest};
use super::title::title_lines;
use crate::model::official::{AttachmentSpec, DocFormat, OfficialDocument};
use crate::model::{CouncilData, Date, Loaded};
use crate::roster::History;

#[derive(Debug, Clone, Serialize)]
pub struct OfficialView {
    /// "file" (文件格式) or "letter" (信函格式).
    pub format: &'static str,
    /// 文种.
    pub kind: &'static str,
    /// 密级和保密期限, "机密★1年".
    pub secrecy: Option<String>,
    /// 紧急程度.
    pub urgency: Option<&'static str>,
    pub masthead: MastheadView,
    pub doc_number: Option<String>,
    /// 签发人 of a 上行文, in the organs' order; empty for others.
    pub signers: Vec<String>,
    pub title_lines: Vec<String>,
    /// 主送机关, joined and ending in "：".
    pub recipients: Option<String>,
    pub body: Vec<BlockView>,
    pub attachment_note: Vec<String>,
    /// One per organ, lead first; each carries the date, which only the last prints.
    pub signatures: Vec<SignatureView>,
    pub annotation: Option<String>,
    pub attachments: Vec<AttachmentView>,
    pub imprint: ImprintView,
}

/// What a notice the data words itself (the founding notice, a meeting notice) says: one organ,
/// its 标志 typed in full.
pub struct NoticeParts {
    pub format: DocFormat,
    /// 发文机关标志 as printed, "杜集区人民政府办公室文件".
    pub masthead: String,
    pub doc_number: String,
    pub title_lines: Vec<String>,
    /// 主送机关, joined and ending in "：".
    pub recipients: String,
    pub body: Vec<BlockView>,
    pub attachment_note: Vec<String>,
    pub signature: SignatureView,
    pub annotation: Option<String>,
    pub attachments: Vec<AttachmentView>,
    pub imprint: ImprintView,
}

impl OfficialView {
    pub fn notice(parts: NoticeParts) -> Self {
        OfficialView {
            format: format_name(parts.format),
            kind: "通知",
            secrecy: None,
            urgency: None,
            masthead: MastheadView {
                organs: vec![parts.masthead],
                suffix: String::new(),
            },
            doc_number: Some(parts.doc_number),
            signers: vec![],
            title_lines: parts.title_lines,
            recipients: Some(parts.recipients),
            body: parts.body,
            attachment_note: parts.attachment_note,
            signatures: vec![parts.signature],
            annotation: parts.annotation,
            attachments: parts.attachments,
            imprint: parts.imprint,
        }
    }
}

/// 发文机关标志: the organs' names, lead first, and what follows them ("文件").
#[derive(Debug, Clone, Serialize)]
pub struct MastheadView {
    pub organs: Vec<String>,
    pub suffix: String,
}

/// Files the view refers to, resolved by the caller: seal images per organ, then PDF files in
/// attachment order (sandbox paths) with their page counts.
pub struct ResolvedFiles {
    pub seal_images: Vec<Option<String>>,
    pub pdfs: Vec<(String, usize)>,
}

pub fn assemble(
    data: &CouncilData,
    history: &History,
    doc: &Loaded<OfficialDocument>,
    files: ResolvedFiles,
) -> OfficialView {
    let date = doc.date.value;
    let roster = history.at(date);
    let derived = DerivedText::new(&data.council, &roster, date);
    let body = blocks(
        &doc.body,
        &data.council,
        &roster,
        &derived,
        &mut Numbering::default(),
    );
    let mut pdfs = files.pdfs.into_iter();
    let mut attachments: Vec<AttachmentView> = doc
        .attachments
        .iter()
        .map(|a| match &a.value {
            AttachmentSpec::Roster(spec) => {
                let as_of = spec.date.unwrap_or(date);
                let since = spec
                    .changes
                    .then(|| spec.since.unwrap_or_else(|| last_reissue(data, as_of)));
                AttachmentView::Roster {
                    appendix: roster_appendix::assemble(
                        &data.council,
                        history,
                        &RosterRequest {
                            as_of,
                            since,
                            layout: spec.layout,
                            updated_note: Some(String::new()),
                        },
                    ),
                }
            }
            AttachmentSpec::Table(table) => AttachmentView::Table {
                label: String::new(),
                title_lines: title_lines(table.title.as_deref().unwrap_or("")),
                table: TableView::new(table),
            },
            AttachmentSpec::Text(text) => AttachmentView::Text {
                label: String::new(),
                title_lines: title_lines(&derived.fill(&text.title)),
                body: blocks(
                    &text.body,
                    &data.council,
                    &roster,
                    &derived,
                    &mut Numbering::default(),
                ),
            },
            AttachmentSpec::Pdf(pdf) => {
                let (file, pages) = pdfs.next().expect("every PDF attachment was resolved");
                AttachmentView::Pdf {
                    label: String::new(),
                    title_lines: title_lines(&pdf.title),
                    file,
                    pages,
                }
            }
        })
        .collect();
    let attachment_note = number_attachments(&mut attachments);

    let organs = doc.organs();
    let format = doc.format();
    let names: Vec<String> = organs.iter().map(|(n, _)| n.value.clone()).collect();
    let mut in_masthead = doc.masthead_names();
    if format == DocFormat::Letter {
        // A joint 信函 carries the lead organ's 标志 alone (GB/T 9704 10.1).
        in_masthead.truncate(1);
    }
    let masthead = MastheadView {
        organs: in_masthead,
        suffix: doc.masthead_suffix.clone().unwrap_or_else(|| match format {
            DocFormat::File => "文件".into(),
            DocFormat::Letter => String::new(),
        }),
    };
    let signatures = organs
        .iter()
        .zip(files.seal_images)
        .map(|((name, seal), image)| SignatureView::new(&name.value, date, seal, image))
        .collect();
    let printer = doc.printer.clone().unwrap_or_else(|| names[0].clone());
    OfficialView {
        format: format_name(format),
        kind: doc.kind.chinese(),
        secrecy: doc.secrecy.as_ref().map(|s| s.chinese()),
        urgency: doc.urgency.map(|u| u.chinese()),
        masthead,
        doc_number: doc.doc_number.as_ref().map(|n| n.value.clone()),
        signers: if doc.kind.upward() {
            doc.signers.clone()
        } else {
            vec![]
        },
        title_lines: title_lines(&derived.fill(&doc.title)),
        recipients: (!doc.recipients.is_empty()).then(|| recipients_line(&doc.recipients)),
        body,
        attachment_note,
        signatures,
        annotation: doc.annotation.as_ref().map(|a| format!("（{a}）")),
        attachments,
        imprint: ImprintView::new(&doc.cc, &printer, doc.print_date.unwrap_or(date)),
    }
}

/// How the template names a format.
fn format_name(format: DocFormat) -> &'static str {
    match format {
        DocFormat::File => "file",
        DocFormat::Letter => "letter",
    }
}

/// The day the 成员名单 was last issued before `as_of`: the latest roster reissue
/// (`rosters/`), roster attached to another document, or the founding.
pub fn last_reissue(data: &CouncilData, as_of: Date) -> Date {
    let founded = data.roster.date.value;
    let reissues = data.roster_issues.iter().map(|r| r.date.value);
    let founding = data.founding_notice.iter().map(|n| n.date.value);
    let attached = data.documents.iter().flat_map(|d| {
        d.attachments.iter().filter_map(|a| match &a.value {
            AttachmentSpec::Roster(r) => Some(r.date.unwrap_or(d.date.value)),
            _ => None,
        })
    });
    reissues
        .chain(founding)
        .chain(attached)
        .filter(|d| *d < as_of)
        .fold(founded, Date::max)
}
