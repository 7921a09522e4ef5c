//! `sessions/*.yaml`: one meeting of the council — what the notice announces and, afterwards,
//! what the minutes record.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::date::Date;
use super::filing::SeatKind;
use super::notice::Seal;

/// A meeting (会议) of the council.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "一次会议：时间、地点、议程、会议通知和会议纪要")]
pub struct Session {
    /// 会议类型：全体会议、部分成员单位会议、专题会议或联络员会议。
    pub kind: SessionKind,
    /// 专题会议的主题，如“托育机构安全监管”（会议名称为“……联席会议托育机构安全监管专题会议”）。
    #[serde(default)]
    pub topic: Option<String>,
    /// 会议年度，如 2026。
    pub year: i32,
    /// 会议日期。
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// 开始时间，如 "09:00"（请加引号）。
    #[schemars(with = "String")]
    pub start: Spanned<String>,
    /// 签到时间，如 "08:40"（可省略）。
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub sign_in: Option<Spanned<String>>,
    /// 会议地点。
    pub place: String,
    /// 主持人：写领导职务（如“召集人”，由该职务的第一位主持），或受委托主持的人员姓名
    /// （须在当时的名单中）。可省略：由第一项领导职务（如召集人）主持。
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub chair: Option<Spanned<String>>,
    /// 应参会的席位：领导职务（如召集人、副召集人）、成员、联络员中的若干项。
    #[schemars(with = "Vec<SeatKind>")]
    pub attendees: Vec<Spanned<SeatKind>>,
    /// 列席单位或人员（可省略）。
    #[serde(default)]
    pub observers: Vec<String>,
    /// 会议议程，按顺序。
    pub agenda: Vec<AgendaItem>,
    /// 会议通知（可省略）。
    #[serde(default)]
    pub notice: Option<SessionNotice>,
    /// 会后的会议纪要（会议开过后填写，可省略）。
    #[serde(default)]
    pub minutes: Option<Minutes>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(description = "会议类型：全体会议、部分成员单位会议、专题会议或联络员会议")]
pub enum SessionKind {
    #[serde(rename = "全体会议")]
    Plenary,
    #[serde(rename = "部分成员单位会议")]
    Partial,
    #[serde(rename = "专题会议")]
    Topical,
    #[serde(rename = "联络员会议")]
    Liaisons,
}

impl SessionKind {
    pub fn chinese(self) -> &'static str {
        match self {
            SessionKind::Plenary => "全体会议",
            SessionKind::Partial => "部分成员单位会议",
            SessionKind::Topical => "专题会议",
            SessionKind::Liaisons => "联络员会议",
        }
    }
}

impl Session {
    /// "杜集区…联席会议2026年全体会议", "…联席会议托育机构安全监管专题会议".
    pub fn meeting_name(&self, council_name: &str) -> String {
        match (self.kind, &self.topic) {
            (SessionKind::Topical, Some(topic)) => format!("{council_name}{topic}专题会议"),
            (kind, _) => format!("{council_name}{}年{}", self.year, kind.chinese()),
        }
    }

    /// Who agrees to convene it: the first leader, or for liaisons the office, when there is one.
    pub fn convened_by(&self, first_role: &str, office: Option<&str>) -> String {
        match (self.kind, office) {
            (SessionKind::Liaisons, Some(office)) => format!("经{office}研究"),
            _ => format!("经{first_role}同意"),
        }
    }
}

/// One item of the agenda.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "一项议程")]
pub struct AgendaItem {
    /// 议题，如“通报2026年全区婴幼儿照护服务工作推进情况”。
    pub title: String,
    /// 汇报单位或人员（可省略）。
    #[serde(default)]
    pub presenter: Option<String>,
}

/// The notice that convenes the meeting (关于召开…的通知).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "会议通知")]
pub struct SessionNotice {
    /// 发文机关标志，如“杜集区卫生健康委员会文件”。
    pub masthead: String,
    /// 发文字号。
    #[schemars(with = "String")]
    pub doc_number: Spanned<String>,
    /// 标题（可省略，默认“关于召开…联席会议2026年全体会议的通知”）。
    #[serde(default)]
    pub title: Option<String>,
    /// 主送机关（可省略，默认“联席会议各成员单位”）。
    #[serde(default)]
    pub recipients: Vec<String>,
    /// 写 true 时主送逐一列出全部成员单位（按 council.yaml 的顺序），代替“联席会议各成员单位”。
    #[serde(default)]
    pub recipients_all_units: bool,
    /// 开头说明会议目的的一句话（可省略），如“为总结……，部署……，”。
    #[serde(default)]
    pub purpose: Option<String>,
    /// “有关要求”中的其他各项（回执要求由 reply_deadline 自动生成）。
    #[serde(default)]
    pub requirements: Vec<String>,
    /// 回执报送截止日期。
    #[schemars(with = "Date")]
    pub reply_deadline: Spanned<Date>,
    /// 联系人。
    pub contact: Contact,
    /// 发文机关署名，如联席会议办公室；由牵头单位代章时写牵头单位。
    pub issuer: String,
    /// 印章：stamped、none 或 image: 文件（联席会议办公室无印章时用 none）。
    #[serde(default)]
    pub seal: Seal,
    /// 成文日期。
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// 抄送机关（可省略）。
    #[serde(default)]
    pub cc: Vec<String>,
    /// 印发机关。
    pub printer: String,
    /// 印发日期。
    pub print_date: Date,
}

/// A contact person (联系人).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "联系人")]
pub struct Contact {
    pub name: String,
    pub phone: String,
}

/// The minutes (会议纪要) issued after the meeting.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "会议纪要")]
pub struct Minutes {
    /// 纪要标志（可省略）：联络员会议默认“……联席会议联络员会议纪要”，其他会议默认“……联席会议纪要”。
    /// 专题会议单独编号时可写“……联席会议专题会议纪要”。
    #[serde(default)]
    pub mark: Option<String>,
    /// 纪要编号，如“第1期”或“〔2026〕1号”（可省略：同一纪要标志的纪要按年度自动编为“第N期”）。
    #[serde(default)]
    pub number: Option<String>,
    /// 印发纪要的机构（纪要标志下一行左侧），如联席会议办公室。
    pub issuer: String,
    /// 纪要日期。
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// 会议概况：听取、审议了什么（接在“主持召开……”之后），如“会议听取了……，审议通过了……。”
    pub summary: String,
    /// 议定事项，按顺序。
    pub decisions: Vec<Decision>,
    /// 请假人员（可省略）。
    #[serde(default)]
    pub leave: Vec<Leave>,
    /// 按职务确定的席位实际由谁出席（可省略）：单位、姓名、职务。没写的席位在纪要中印职务。
    #[serde(default)]
    pub attended_by: Vec<AttendedBy>,
    /// 实际列席的单位或人员（可省略，默认为会议的 observers）。
    #[serde(default)]
    pub observers: Option<Vec<String>>,
    /// 分送机关。
    #[serde(default)]
    pub distribution: Vec<String>,
    /// 印发机关。
    pub printer: String,
    /// 印发日期。
    pub print_date: Date,
}

/// One agreed item (议定事项).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "一项议定事项")]
pub struct Decision {
    /// 事项主题，黑体（如“关于普惠托育服务扩容”），可省略。
    #[serde(default)]
    pub topic: Option<String>,
    /// 议定内容。
    pub text: String,
    /// 责任单位（成员单位简称，可省略）。
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub units: Vec<Spanned<String>>,
    /// 完成时限（可省略）。
    #[serde(default)]
    pub deadline: Option<Date>,
}

/// Someone on leave, and who came in their place.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "请假人员及代为参会的人员")]
pub struct Leave {
    /// 请假人员姓名（须是当时应参会的人员）。
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// 代为参会的人员（可省略）。
    #[serde(default)]
    pub substitute: Option<Substitute>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "代为参会的人员")]
pub struct Substitute {
    pub name: String,
    /// 职务，如“区教育局副局长”。
    #[serde(default)]
    pub post: Option<String>,
}

/// Who attended for a seat defined by its post.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "按职务确定的席位实际出席的人员")]
pub struct AttendedBy {
    /// 席位所在单位（简称），如“区发改委”。
    #[schemars(with = "String")]
    pub unit: Spanned<String>,
    /// 姓名。
    pub name: String,
    /// 职务，如“副主任”（可省略）。
    #[serde(default)]
    pub post: Option<String>,
}
