//! Assembling each document kind from the model: what every document says, and under which name.

pub mod founding_notice;
pub mod notice;
pub mod numbering;

use serde::Serialize;

use crate::diag::Failure;
use crate::model::asset::{self, Asset};
use crate::model::{CouncilData, Date, Seal};

/// One document ready to be filled into its template and typeset.
#[derive(Debug, Clone)]
pub struct Document {
    /// Output file stem, e.g. `founding-notice`.
    pub name: String,
    /// Template in `templates/` that lays it out.
    pub template: &'static str,
    /// What the document says, as the template sees it.
    pub view: serde_json::Value,
    /// The document's own date: fixes Typst's `today` and the PDF's creation date.
    pub date: Date,
    /// PDF metadata.
    pub title: String,
    pub author: String,
    /// Files the data names that the compiler may read.
    pub assets: Vec<Asset>,
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
            author: String::new(),
            assets: vec![],
        }
    }
}

/// Every document a data directory defines, in a stable order.
pub fn all(data: &CouncilData) -> Result<Vec<Document>, Failure> {
    let mut docs = Vec::new();
    if let Some(notice) = &data.founding_notice {
        let assets = match &notice.seal {
            Seal::Image(name) => vec![asset::resolve(&data.dir, name, &notice.file)?],
            _ => vec![],
        };
        let view =
            founding_notice::assemble(data, notice, assets.first().map(|a| a.virtual_path.clone()));
        docs.push(Document {
            name: "founding-notice".into(),
            template: "notice.typ",
            view: to_value(&view),
            date: notice.date.value,
            title: view.title_lines.concat(),
            author: notice.issuer.clone(),
            assets,
        });
    }
    Ok(docs)
}

fn to_value(view: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(view).expect("document views serialise to JSON")
}
