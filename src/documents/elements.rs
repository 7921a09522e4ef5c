//! The elements every 公文 is made of, worded and ready for a template: body blocks, the
//! signature, the 版记.

use serde::Serialize;

use super::roster_list::RosterGroup;
use crate::model::{Date, Seal};

/// One element of the body.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockView {
    Paragraph {
        text: String,
    },
    /// 一、 heading (黑体).
    Heading {
        number: String,
        text: String,
    },
    /// （一） item: with a `title`, the title is a run-in 楷体 heading and `text` follows in
    /// 仿宋; without one, a one-line item is a 楷体 heading, a longer one 仿宋 text.
    Item {
        number: String,
        title: Option<String>,
        text: String,
    },
    /// 1. point (仿宋).
    Point {
        number: String,
        text: String,
    },
    /// （1） sub-point (仿宋).
    Subpoint {
        number: String,
        text: String,
    },
    /// A table typed in the data.
    Table {
        #[serde(flatten)]
        table: TableView,
    },
    /// Name list: 召集人/副召集人/成员 or 联络员 lines, labels padded to one width.
    Roster {
        groups: Vec<RosterGroup>,
        /// Groups listed elsewhere in the document whose columns these share.
        aligned_with: Vec<RosterGroup>,
    },
}

/// A table: column heads, relative widths (empty: by content) and rows of cells.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub columns: Vec<String>,
    pub widths: Vec<u32>,
    pub rows: Vec<Vec<String>>,
}

impl TableView {
    pub fn new(table: &crate::model::official::Table) -> Self {
        TableView {
            columns: table.columns.value.clone(),
            widths: table.widths.clone(),
            rows: table.rows.iter().map(|r| r.value.clone()).collect(),
        }
    }
}

/// A heading sentence of a （一） item is at most this many characters (with its "。"); a
/// longer first sentence is the item's text, set in 仿宋.
const HEADING_SENTENCE_CHARS: usize = 24;

impl BlockView {
    /// A （一） item typed as one text: a short first sentence followed by more text is its
    /// 楷体 heading sentence ("（一）加强组织领导。各单位要…"); otherwise the layout sets the
    /// whole item as a heading when it is one line, in 仿宋 when longer.
    pub fn item(number: String, text: String) -> Self {
        let heading_end = text
            .char_indices()
            .take(HEADING_SENTENCE_CHARS)
            .find(|&(_, c)| matches!(c, '。' | '！' | '？'))
            .map(|(at, c)| at + c.len_utf8());
        match heading_end {
            Some(end) if end < text.len() => BlockView::Item {
                number,
                title: Some(text[..end].to_string()),
                text: text[end..].to_string(),
            },
            _ => BlockView::Item {
                number,
                title: None,
                text,
            },
        }
    }
}

/// 发文机关署名, 成文日期 and 印章 (GB/T 9704 7.3.5).
#[derive(Debug, Clone, Serialize)]
pub struct SignatureView {
    pub issuer: String,
    pub date: String,
    /// "stamped", "none" or "image".
    pub seal: &'static str,
    /// Path of the seal image inside the compiler's sandbox.
    pub seal_image: Option<String>,
}

impl SignatureView {
    pub fn new(issuer: &str, date: Date, seal: &Seal, seal_image: Option<String>) -> Self {
        let seal = match seal {
            Seal::Stamped => "stamped",
            Seal::None => "none",
            Seal::Image(_) => "image",
        };
        Self {
            issuer: issuer.to_string(),
            date: date.chinese(),
            seal,
            seal_image,
        }
    }
}

/// 版记 (GB/T 9704 7.4).
#[derive(Debug, Clone, Serialize)]
pub struct ImprintView {
    /// "抄送", or "分送" for minutes.
    pub cc_label: &'static str,
    /// 抄送机关, joined and ending in "。"; none when nobody is copied.
    pub cc: Option<String>,
    pub printer: String,
    /// "2021年7月21日印发".
    pub print_date: String,
}

impl ImprintView {
    pub fn new(cc: &[String], printer: &str, print_date: Date) -> Self {
        Self {
            cc_label: "抄送",
            cc: (!cc.is_empty()).then(|| format!("{}。", cc.join("，"))),
            printer: printer.to_string(),
            print_date: format!("{}印发", print_date.chinese()),
        }
    }
}

/// "各镇人民政府，…，区政府各部门、各直属机构："
pub fn recipients_line(recipients: &[String]) -> String {
    format!("{}：", recipients.join("，"))
}
