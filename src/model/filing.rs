//! `filings/*.yaml`: one personnel-change filing (备案) per file, as the office files paper.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::date::Date;

/// A change of who holds a seat, filed by the unit with the 联席会议办公室.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "人员调整备案")]
pub struct Filing {
    /// 填报日期。
    pub filed_on: Date,
    /// 生效日期：从这一天起由新人员担任。
    #[schemars(with = "Date")]
    pub effective: Spanned<Date>,
    /// 填报单位：成员和联络员填成员单位简称；领导（召集人等）填其单位，如“区政府”。
    #[schemars(with = "String")]
    pub unit: Spanned<String>,
    /// 调整类别：成员、联络员，或 council.yaml 中 roles 列出的领导职务（如召集人）。
    #[schemars(with = "SeatKind")]
    pub seat: Spanned<SeatKind>,
    /// 调整前的人员（新增席位时省略）。
    #[serde(default)]
    pub leaving: Option<Change>,
    /// 调整后的人员（席位空缺时省略）。
    #[serde(default)]
    pub taking_over: Option<Change>,
    /// 调整原因：工作变动、职务调整或其他。
    pub reason: Reason,
    /// 原因为“其他”时的说明（可省略）。
    #[serde(default)]
    pub reason_note: Option<String>,
    /// 填报人。
    pub filed_by: String,
    /// 填报人联系电话（可省略）。
    #[serde(default)]
    pub filer_phone: Option<String>,
    /// 联席会议办公室备案日期（尚未备案时省略）。
    #[serde(default)]
    pub accepted_on: Option<Date>,
    /// 备注（可省略）。
    #[serde(default)]
    pub remarks: Option<String>,
}

/// One side of a change: the person leaving or taking over the seat.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "调整前或调整后的人员")]
pub struct Change {
    /// 姓名。
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// 职务，如“副主任”；调整前的人员写了时，备案表按此印（不写则按名单）。
    #[serde(default)]
    pub post: Option<String>,
    /// 办公电话（可省略）。
    #[serde(default)]
    pub office_phone: Option<String>,
    /// 手机（可省略）。
    #[serde(default)]
    pub mobile: Option<String>,
    /// 此人同时担任联席会议的另一席位时写 true（兼任），否则视为重复。
    #[serde(default)]
    pub concurrent: bool,
}

/// The kinds of seat on the council: a leader role the council names (召集人, 组长 …), 成员, 联络员.
#[derive(Debug, Clone, PartialEq, Eq, Hash, JsonSchema)]
#[schemars(
    description = "席位类别：成员、联络员，或 council.yaml 中 roles 列出的领导职务（如召集人）"
)]
#[schemars(with = "String")]
pub enum SeatKind {
    Leader(String),
    Member,
    Liaison,
}

impl SeatKind {
    pub fn parse(word: &str) -> SeatKind {
        match word.trim() {
            "成员" => SeatKind::Member,
            "联络员" => SeatKind::Liaison,
            role => SeatKind::Leader(role.to_string()),
        }
    }

    pub fn chinese(&self) -> &str {
        match self {
            SeatKind::Leader(role) => role,
            SeatKind::Member => "成员",
            SeatKind::Liaison => "联络员",
        }
    }

    /// Members and liaisons sit for a member unit, one per unit; leaders may come from anywhere.
    pub fn is_per_unit(&self) -> bool {
        matches!(self, SeatKind::Member | SeatKind::Liaison)
    }

    /// Every kind of seat of a council with these leader roles, in roster order.
    pub fn all(roles: &[&str]) -> Vec<SeatKind> {
        roles
            .iter()
            .map(|r| SeatKind::Leader(r.to_string()))
            .chain([SeatKind::Member, SeatKind::Liaison])
            .collect()
    }
}

impl<'de> Deserialize<'de> for SeatKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|s| SeatKind::parse(&s))
    }
}

/// 调整原因.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(description = "调整原因：工作变动、职务调整或其他")]
pub enum Reason {
    #[serde(rename = "工作变动")]
    JobChange,
    #[serde(rename = "职务调整")]
    PostChange,
    #[serde(rename = "其他")]
    Other,
}

impl Reason {
    pub const ALL: [Reason; 3] = [Reason::JobChange, Reason::PostChange, Reason::Other];

    pub fn chinese(self) -> &'static str {
        match self {
            Reason::JobChange => "工作变动",
            Reason::PostChange => "职务调整",
            Reason::Other => "其他",
        }
    }
}
