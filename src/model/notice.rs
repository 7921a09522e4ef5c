//! `founding-notice.yaml`: the notice that founded the council (关于建立…联席会议制度的通知).

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::date::Date;

/// A GB/T 9704 notice (通知) whose body mixes prose with parts derived from the council data.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "成立通知")]
pub struct Notice {
    /// 格式（可省略）：文件（文件格式，默认）或 信函（信函格式，如以“××府办函”印发的通知）。
    #[serde(default)]
    pub format: Option<super::official::DocFormat>,
    /// 发文机关标志，如“杜集区人民政府办公室文件”（信函格式只写机关名称），印成红色。
    pub masthead: String,
    /// 发文字号，如“杜政办〔2021〕11号”。
    #[schemars(with = "String")]
    pub doc_number: Spanned<String>,
    /// 标题。需要指定换行位置时，用“|”多行书写，每行一行。
    pub title: String,
    /// 主送机关，按顺序；打印时用“，”连接，末尾加“：”。
    pub recipients: Vec<String>,
    /// 正文，按顺序排列的段落、标题和自动生成的部分。
    pub body: Vec<Block>,
    /// 附件，按顺序（可省略）：roster（成员名单，以成文日期为准）。
    #[serde(default)]
    #[schemars(with = "Vec<Attachment>")]
    pub attachments: Vec<Spanned<Attachment>>,
    /// 发文机关署名。
    pub issuer: String,
    /// 印章：stamped（打印后加盖，按加盖印章排版）、none（不加盖印章）或 image: 印章图片文件。
    #[serde(default)]
    pub seal: Seal,
    /// 成文日期，如 2021-07-21。
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// 附注（可省略），如“此件公开发布”，打印时加圆括号。
    #[serde(default)]
    pub annotation: Option<String>,
    /// 抄送机关，按顺序；打印时用“，”连接，末尾加“。”。
    #[serde(default)]
    pub cc: Vec<String>,
    /// 印发机关。
    pub printer: String,
    /// 印发日期。
    pub print_date: Date,
}

/// How the signature is sealed (GB/T 9704 7.3.5).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[schemars(
    description = "印章：stamped 或 盖章（打印后加盖）、none 或 不盖章、image 或 印章图片（印章图片文件）"
)]
pub enum Seal {
    /// 打印后手工加盖印章：按加盖印章的格式排版，不印印章。
    #[default]
    #[serde(alias = "盖章", alias = "加盖印章")]
    Stamped,
    /// 不加盖印章。
    #[serde(alias = "不盖章", alias = "不加盖印章")]
    None,
    /// 印章图片（PNG/JPG/SVG），文件须在数据目录内。
    #[serde(alias = "印章图片")]
    Image(#[schemars(with = "String")] Spanned<String>),
}

/// One element of a document body.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[schemars(description = "正文中的一项：段落、标题、条目或自动生成的部分")]
pub enum Block {
    /// 段落：首行缩进二字。
    Text(String),
    /// 一级标题，自动编号“一、”，黑体。
    Heading(String),
    /// 二级条目，自动编号“（一）”，楷体。
    Item(String),
    /// 三级条目，自动编号“1.”。
    Point(String),
    /// 四级条目，自动编号“（1）”。
    Subpoint(String),
    /// 表格：列标题和各行。
    Table(super::official::Table),
    /// 由数据自动生成的部分。
    Insert(#[schemars(with = "Insert")] Spanned<Insert>),
}

/// Parts of a founding notice that come from the council data, never typed twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "由数据自动生成的部分")]
pub enum Insert {
    /// 主要职责（council.yaml 的 functions）。
    #[serde(alias = "主要职责")]
    Functions,
    /// “联席会议由……等部门组成，……为牵头部门。联席会议组成人员如下：”
    #[serde(alias = "成员单位")]
    MemberUnits,
    /// 召集人、副召集人、成员名单。
    #[serde(alias = "组成人员")]
    Roster,
    /// 联络员名单。
    #[serde(alias = "联络员")]
    Liaisons,
    /// 职责分工：“（一）区卫健委。……”，牵头单位在前。
    #[serde(alias = "职责分工")]
    UnitDuties,
    /// 工作规则（council.yaml 的 rules）。
    #[serde(alias = "工作规则")]
    Rules,
}

/// Documents a notice can carry as attachments, made from the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "附件：roster（成员名单）")]
pub enum Attachment {
    /// 成员名单，以通知的成文日期为准。
    #[serde(alias = "成员名单")]
    Roster,
}
