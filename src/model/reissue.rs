//! `rosters/*.yaml`: a reissue of the 成员名单 the office decided on — its date and layout — so
//! that a build writes the same roster on any day.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::date::Date;

/// A reissued 成员名单.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "重新印发的成员名单：日期、排法、标题")]
pub struct RosterIssue {
    /// 名单的日期：以这一天的组成人员为准（成立名单加上此前生效的备案）。
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// 排法：lines（每人一行，默认）、run_in（每类人员连写成一段）或 table（表格）。
    #[serde(default)]
    pub layout: RosterLayout,
    /// 列出自该日期以后的人员变动（变更说明，可省略）。
    #[serde(default)]
    pub since: Option<Date>,
    /// 标题下方的说明（可省略，默认“（2026年11月更新）”；写空字符串则不印）。
    #[serde(default)]
    pub note: Option<String>,
}

/// How the names are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "排法：lines（每人一行）、run_in（连写）或 table（表格）")]
pub enum RosterLayout {
    /// "召 集 人：马晨晨  区政府副区长" lines, as founding notices print them.
    #[default]
    #[serde(alias = "分行")]
    Lines,
    /// One paragraph per role: "成员：区委编办副主任徐翠侠、区发改委副主任武恒……".
    #[serde(alias = "连写")]
    RunIn,
    /// 序号 | 单位 | 姓名 | 职务 | 联系电话 tables.
    #[serde(alias = "表格")]
    Table,
}
