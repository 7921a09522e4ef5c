//! `documents/*.yaml`: any other 公文 the office writes — 通知, 函, 报告, 请示, 批复 … — one per
//! file, in 文件格式 or 信函格式, issued by one organ or jointly, with its attachments.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::date::Date;
use super::notice::{Block, Seal};
use super::reissue::RosterLayout;

/// A GB/T 9704 document written in full by the office (its body may still take parts from the
/// council data, as the founding notice does).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "一份公文：文种、版头、标题、主送、正文、附件、署名、版记")]
pub struct OfficialDocument {
    /// 文种：通知、函、报告、请示、批复、意见、通报、方案或决定（会议纪要写在 sessions/ 中）。
    pub kind: DocKind,
    /// 格式：文件（文件格式，默认）或 信函（信函格式；函默认用信函格式）。
    #[serde(default)]
    pub format: Option<DocFormat>,
    /// 密级和保密期限（可省略），如 { level: 秘密, term: 1年 }。
    #[serde(default)]
    pub secrecy: Option<Secrecy>,
    /// 紧急程度（可省略）：特急 或 加急。
    #[serde(default)]
    pub urgency: Option<Urgency>,
    /// 发文机关（一个机关时写这一项），如“杜集区卫生健康委员会”：署名，也是发文机关标志中的名称。
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub issuer: Option<Spanned<String>>,
    /// 印章（一个机关时）：stamped（打印后加盖）、none（不加盖）或 image: 印章图片。
    #[serde(default)]
    pub seal: Option<Seal>,
    /// 发文机关标志中的机关名称（一个机关时；可省略，默认同 issuer），如规范化简称。
    #[serde(default)]
    pub masthead: Option<String>,
    /// 联合行文的各发文机关，主办机关在前（代替 issuer、seal 和 masthead）。
    #[serde(default)]
    pub issuers: Vec<Issuer>,
    /// 发文机关标志中机关名称后的字，文件格式默认“文件”，信函格式默认不加；写空字符串则不加。
    #[serde(default)]
    pub masthead_suffix: Option<String>,
    /// 发文字号，如“杜卫健函〔2026〕12号”（可省略）；联合行文用主办机关的发文字号。
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub doc_number: Option<Spanned<String>>,
    /// 签发人姓名，按发文机关顺序（上行文：报告、请示须写）。
    #[serde(default)]
    pub signers: Vec<String>,
    /// 标题。需要指定换行位置时，用“|”多行书写，每行一行。
    pub title: String,
    /// 主送机关，按顺序；打印时用“，”连接，末尾加“：”。
    #[serde(default)]
    pub recipients: Vec<String>,
    /// 正文：段落、各级标题和条目、表格，以及由数据自动生成的部分。
    pub body: Vec<Block>,
    /// 附件，按顺序：成员名单（roster）、表格（table）、文字（text）或已有的 PDF 文件（pdf）。
    #[serde(default)]
    #[schemars(with = "Vec<AttachmentSpec>")]
    pub attachments: Vec<Spanned<AttachmentSpec>>,
    /// 成文日期。
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// 附注（可省略），如“此件公开发布”，打印时加圆括号。
    #[serde(default)]
    pub annotation: Option<String>,
    /// 抄送机关，按顺序（可省略）。
    #[serde(default)]
    pub cc: Vec<String>,
    /// 印发机关（文件格式；可省略，默认为主办机关）。信函格式不印。
    #[serde(default)]
    pub printer: Option<String>,
    /// 印发日期（可省略，默认为成文日期）。
    #[serde(default)]
    pub print_date: Option<Date>,
}

/// One organ of a joint issue.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "联合行文的一个发文机关")]
pub struct Issuer {
    /// 机关全称或规范化简称：署名，也是发文机关标志中的名称。
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// 印章：stamped、none 或 image: 印章图片（默认 stamped）。
    #[serde(default)]
    pub seal: Seal,
    /// 发文机关标志中的名称（可省略，默认同 name）。
    #[serde(default)]
    pub masthead: Option<String>,
}

/// 文种 (《党政机关公文处理工作条例》第八条, those a council office writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(description = "文种")]
pub enum DocKind {
    #[serde(rename = "通知")]
    Notice,
    #[serde(rename = "函")]
    Letter,
    #[serde(rename = "报告")]
    Report,
    #[serde(rename = "请示")]
    Request,
    #[serde(rename = "批复")]
    Reply,
    #[serde(rename = "意见")]
    Opinion,
    #[serde(rename = "通报")]
    Bulletin,
    #[serde(rename = "方案")]
    Plan,
    #[serde(rename = "决定")]
    Decision,
}

impl DocKind {
    pub fn chinese(self) -> &'static str {
        match self {
            DocKind::Notice => "通知",
            DocKind::Letter => "函",
            DocKind::Report => "报告",
            DocKind::Request => "请示",
            DocKind::Reply => "批复",
            DocKind::Opinion => "意见",
            DocKind::Bulletin => "通报",
            DocKind::Plan => "方案",
            DocKind::Decision => "决定",
        }
    }

    /// 上行文: sent up to the organ the council answers to, with 签发人 on the 文号 line.
    pub fn upward(self) -> bool {
        matches!(self, DocKind::Report | DocKind::Request)
    }
}

/// 文件格式 (7.2–7.4) or 信函格式 (10.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(description = "格式：文件 或 信函")]
pub enum DocFormat {
    #[serde(rename = "文件", alias = "file")]
    File,
    #[serde(rename = "信函", alias = "letter")]
    Letter,
}

/// 密级 and 保密期限 (7.2.2).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "密级和保密期限")]
pub struct Secrecy {
    /// 密级：秘密、机密 或 绝密。
    pub level: SecrecyLevel,
    /// 保密期限（可省略），如“1年”“6个月”。
    #[serde(default)]
    pub term: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(description = "密级：秘密、机密 或 绝密")]
pub enum SecrecyLevel {
    #[serde(rename = "秘密")]
    Secret,
    #[serde(rename = "机密")]
    Confidential,
    #[serde(rename = "绝密")]
    TopSecret,
}

impl Secrecy {
    /// "机密★1年", or the level alone.
    pub fn chinese(&self) -> String {
        let level = match self.level {
            SecrecyLevel::Secret => "秘密",
            SecrecyLevel::Confidential => "机密",
            SecrecyLevel::TopSecret => "绝密",
        };
        match &self.term {
            Some(term) => format!("{level}★{term}"),
            None => level.to_string(),
        }
    }
}

/// 紧急程度 (7.2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(description = "紧急程度：特急 或 加急")]
pub enum Urgency {
    #[serde(rename = "特急")]
    Extra,
    #[serde(rename = "加急")]
    Urgent,
}

impl Urgency {
    pub fn chinese(self) -> &'static str {
        match self {
            Urgency::Extra => "特急",
            Urgency::Urgent => "加急",
        }
    }
}

/// One attachment, in the order of the 附件说明.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[schemars(description = "一个附件：roster、table、text 或 pdf")]
pub enum AttachmentSpec {
    /// 成员名单，以成文日期（或 date）为准，附上次印发以来的变更说明。
    #[serde(alias = "成员名单")]
    Roster(RosterAttachment),
    /// 表格，在 YAML 中逐行填写。
    #[serde(alias = "表格")]
    Table(Table),
    /// 文字附件，如工作规则、工作方案：标题和正文。
    #[serde(alias = "文字")]
    Text(TextAttachment),
    /// 数据目录内已有的 PDF 文件，逐页印出。
    #[serde(alias = "PDF")]
    Pdf(PdfAttachment),
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "成员名单附件")]
pub struct RosterAttachment {
    /// 名单的日期（可省略，默认为成文日期）。
    #[serde(default)]
    pub date: Option<Date>,
    /// 排法：lines（每人一行，默认）、run_in（连写）或 table（表格）。
    #[serde(default)]
    pub layout: RosterLayout,
    /// 是否附变更说明（默认 true）：列出 since 以后生效的人员调整。
    #[serde(default = "yes")]
    pub changes: bool,
    /// 变更说明从哪天以后算起（可省略，默认为上次印发名单的日期：此前最近一次印发名单的公文或
    /// rosters/ 中的名单，都没有时为成立通知的成文日期）。
    #[serde(default)]
    pub since: Option<Date>,
}

fn yes() -> bool {
    true
}

/// A table typed in YAML: column heads and rows of cells. As an attachment it has a title.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "表格：标题、列标题和各行")]
pub struct Table {
    /// 表格标题（作附件时必填，印在附件首页）。
    #[serde(default)]
    pub title: Option<String>,
    /// 列标题，如 [序号, 任务, 责任单位, 完成时限]。
    #[schemars(with = "Vec<String>")]
    pub columns: Spanned<Vec<String>>,
    /// 各列宽度之比（可省略），如 [1, 6, 3, 2]；默认按内容分配。
    #[serde(default)]
    pub widths: Vec<u32>,
    /// 各行，每行的格数与列标题相同。
    #[schemars(with = "Vec<Vec<String>>")]
    pub rows: Vec<Spanned<Vec<String>>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "文字附件")]
pub struct TextAttachment {
    /// 附件标题。
    pub title: String,
    /// 正文：段落、各级标题和条目，以及由数据生成的部分（如 insert: rules）。
    pub body: Vec<Block>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "PDF 附件")]
pub struct PdfAttachment {
    /// 附件标题（附件说明和附件首页上印的标题）。
    pub title: String,
    /// PDF 文件，须在数据目录内，写相对路径，如 附件/工作方案.pdf。
    #[schemars(with = "String")]
    pub file: Spanned<String>,
}

impl OfficialDocument {
    pub fn format(&self) -> DocFormat {
        self.format.unwrap_or(match self.kind {
            DocKind::Letter => DocFormat::Letter,
            _ => DocFormat::File,
        })
    }

    /// The names the 发文机关标志 prints, lead first.
    pub fn masthead_names(&self) -> Vec<String> {
        match &self.issuer {
            Some(name) => vec![self.masthead.clone().unwrap_or_else(|| name.value.clone())],
            None => self
                .issuers
                .iter()
                .map(|i| i.masthead.clone().unwrap_or_else(|| i.name.value.clone()))
                .collect(),
        }
    }

    /// The issuing organs, lead first, with their seals.
    pub fn organs(&self) -> Vec<(&Spanned<String>, &Seal)> {
        match &self.issuer {
            Some(name) => vec![(name, self.seal.as_ref().unwrap_or(&Seal::Stamped))],
            None => self.issuers.iter().map(|i| (&i.name, &i.seal)).collect(),
        }
    }
}
