//! Assembling each document kind from the model: what every document says, and under which name.

pub mod archival_record;
pub mod attachment;
pub mod body;
pub mod derived_text;
pub mod elements;
pub mod filing_form;
pub mod founding_notice;
pub mod meeting_notice;
pub mod minutes;
pub mod numbering;
pub mod official;
pub mod roster_appendix;
pub mod roster_list;
pub mod title;

use serde::Serialize;

use crate::checked::Checked;
use crate::diag::{Failure, SourceFile};
use crate::model::asset::{self, Asset};
use crate::model::check_documents::pdf_attachment;
use crate::model::official::AttachmentSpec;
use crate::model::{CouncilData, Date, Loaded, OfficialDocument, Seal};
use crate::roster::History;
use roster_appendix::RosterRequest;

/// One document ready to be filled into its template and typeset.
#[derive(Debug, Clone)]
pub struct Document {
    /// Output file stem, e.g. `founding-notice`.
    pub name: String,
    /// Template in `templates/` that lays it out.
    pub template: &'static str,
    /// What the document says, as the template sees it: `{"notice": …}`, `{"form": …}`, ….
    pub view: serde_json::Value,
    /// The document's own date: fixes Typst's `today` and the PDF's creation date.
    pub date: Date,
    /// The document's title: with `name`, it identifies the PDF.
    pub title: String,
    /// Files the data names that the compiler may read.
    pub assets: Vec<Asset>,
    /// The template prints a 份号 when the view has `copy_number` (notices and minutes).
    pub numbered: bool,
    /// Kept for the archive (minutes): exported as PDF/A unless the run says otherwise.
    pub archival: bool,
    /// 文种: 通知, 函, 报告, 纪要, 备案表, 成员名单 …; the archive files documents under it.
    pub kind: &'static str,
}

impl Document {
    /// A document with no data, for typesetting a Typst file by hand.
    pub fn scratch(path: &std::path::Path) -> Self {
        Document {
            name: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            template: "",
            view: serde_json::Value::Null,
            date: Date {
                year: 2000,
                month: 1,
                day: 1,
            },
            title: String::new(),
            assets: vec![],
            numbered: false,
            archival: false,
            kind: "",
        }
    }
}

/// Every document a data directory defines, in a stable order: the founding notice, one filing
/// form per filing, each meeting's notice and minutes, each roster reissue of `rosters/`, and
/// the roster appendix `extra_roster` asks for (`--as-of`). Nothing depends on the day it runs.
pub fn all(
    checked: &Checked,
    extra_roster: Option<&RosterRequest>,
) -> Result<Vec<Document>, Failure> {
    let Checked {
        data,
        history,
        attendance,
        ..
    } = checked;
    let mut docs = Vec::new();
    if let Some(notice) = &data.founding_notice {
        let assets = seal_assets(data, &notice.seal, &notice.file)?;
        let view = founding_notice::assemble(data, history, notice, seal_image(&assets));
        docs.push(notice_document(
            "founding-notice".into(),
            &view,
            notice.date.value,
            assets,
        ));
    }
    for change in &history.changes {
        let filing = &data.filings[change.filing];
        let view = filing_form::assemble(&data.council, filing, change);
        docs.push(Document {
            name: format!("{}/{}", crate::model::FILINGS_DIR, stem(&filing.file)),
            template: "filing-form.typ",
            view: wrap("form", &view),
            date: filing.filed_on,
            title: view.title_lines.concat(),
            assets: vec![],
            numbered: false,
            archival: false,
            kind: "备案表",
        });
    }
    let minutes_numbers = minutes::numbers(&data.council, &data.sessions);
    for ((session, people), number) in data.sessions.iter().zip(attendance).zip(minutes_numbers) {
        let stem = stem(&session.file);
        if let Some(notice) = &session.notice {
            let assets = seal_assets(data, &notice.seal, &session.file)?;
            let view = meeting_notice::assemble(
                &data.council,
                session,
                notice,
                people,
                seal_image(&assets),
            );
            let name = format!("{}/{stem}-notice", crate::model::SESSIONS_DIR);
            docs.push(notice_document(name, &view, notice.date.value, assets));
        }
        if let Some(minutes) = &session.minutes {
            let view = minutes::assemble(&data.council, session, minutes, people, number);
            docs.push(Document {
                name: format!("{}/{stem}-minutes", crate::model::SESSIONS_DIR),
                template: "minutes.typ",
                view: wrap("minutes", &view),
                date: minutes.date.value,
                title: format!("{}{}", view.mark, view.number),
                assets: vec![],
                numbered: true,
                archival: true,
                kind: "纪要",
            });
        }
    }
    for issue in &data.roster_issues {
        let mut doc = roster_appendix(data, history, &RosterRequest::issue(issue));
        doc.name = format!("{}/{}", crate::model::ROSTERS_DIR, stem(&issue.file));
        docs.push(doc);
    }
    for doc in &data.documents {
        docs.push(official_document(data, history, doc)?);
    }
    docs.extend(extra_roster.map(|request| roster_appendix(data, history, request)));
    Ok(docs)
}

/// The roster appendix as a stand-alone document.
pub fn roster_appendix(data: &CouncilData, history: &History, request: &RosterRequest) -> Document {
    let view = roster_appendix::assemble(&data.council, history, request);
    Document {
        name: format!("roster-{}", request.as_of),
        template: "roster-appendix.typ",
        view: wrap("appendix", &view),
        date: request.as_of,
        title: view.title_lines.concat(),
        assets: vec![],
        numbered: false,
        archival: false,
        kind: "成员名单",
    }
}

/// A document of `documents/`, with the seal images and PDF files it names.
fn official_document(
    data: &CouncilData,
    history: &History,
    doc: &Loaded<OfficialDocument>,
) -> Result<Document, Failure> {
    let mut assets = Vec::new();
    let mut seal_images = Vec::new();
    for (_, seal) in doc.organs() {
        let seal_asset = seal_assets(data, seal, &doc.file)?;
        seal_images.push(seal_image(&seal_asset));
        assets.extend(seal_asset);
    }
    let mut pdfs = Vec::new();
    for attachment in &doc.attachments {
        if let AttachmentSpec::Pdf(pdf) = &attachment.value {
            let (asset, pages) = pdf_attachment(&data.dir, &pdf.file, &doc.file)?;
            pdfs.push((asset.virtual_path.clone(), pages));
            assets.push(asset);
        }
    }
    let files = official::ResolvedFiles { seal_images, pdfs };
    let view = official::assemble(data, history, doc, files);
    Ok(Document {
        name: format!("{}/{}", crate::model::DOCUMENTS_DIR, stem(&doc.file)),
        template: "document.typ",
        title: view.title_lines.concat(),
        view: wrap("document", &view),
        date: doc.date.value,
        assets,
        numbered: true,
        archival: false,
        kind: doc.kind.chinese(),
    })
}

/// A 通知 (founding or meeting notice), laid out as any 公文 is, with a 份号 when copies are asked.
fn notice_document(
    name: String,
    view: &official::OfficialView,
    date: Date,
    assets: Vec<Asset>,
) -> Document {
    Document {
        name,
        template: "document.typ",
        view: wrap("document", view),
        date,
        title: view.title_lines.concat(),
        assets,
        numbered: true,
        archival: false,
        kind: "通知",
    }
}

/// The seal image a signature names, resolved inside the data directory.
fn seal_assets(data: &CouncilData, seal: &Seal, file: &SourceFile) -> Result<Vec<Asset>, Failure> {
    match seal {
        Seal::Image(name) => Ok(vec![asset::resolve(&data.dir, name, file)?]),
        _ => Ok(vec![]),
    }
}

fn seal_image(assets: &[Asset]) -> Option<String> {
    assets.first().map(|a| a.virtual_path.clone())
}

/// A data file's name without `.yaml`: documents made from it are named after it.
fn stem(file: &SourceFile) -> String {
    file.path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The template context: the view under the name the template knows it by.
fn wrap(name: &str, view: &impl Serialize) -> serde_json::Value {
    let view = serde_json::to_value(view).expect("document views serialise to JSON");
    serde_json::json!({ name: view })
}
