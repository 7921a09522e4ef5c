//! `roster.yaml`: who held each seat when the council was founded.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::date::Date;

/// The founding roster (组成人员).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "成立时的组成人员")]
pub struct Roster {
    /// 名单生效日期，一般为成立通知的成文日期。
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// 召集人。
    pub convenors: Vec<Person>,
    /// 副召集人。
    #[serde(default)]
    pub deputy_convenors: Vec<Person>,
    /// 成员（各成员单位分管负责同志），按名单顺序。
    pub members: Vec<Person>,
    /// 联络员，每个成员单位1名。
    pub liaisons: Vec<Person>,
}

/// A person holding a seat.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "一名人员：姓名、单位、职务、电话")]
pub struct Person {
    /// 姓名。
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// 单位：成员和联络员填成员单位简称；召集人可填“区政府”等。
    #[schemars(with = "String")]
    pub unit: Spanned<String>,
    /// 职务，如“副主任”。名单中显示为“单位+职务”。
    #[serde(default)]
    pub post: Option<String>,
    /// 名单上显示的单位名称与简称不同时填写（可省略）。
    #[serde(default)]
    pub unit_label: Option<String>,
    /// 办公电话（可省略）。
    #[serde(default)]
    pub office_phone: Option<String>,
    /// 手机（可省略）。
    #[serde(default)]
    pub mobile: Option<String>,
}

impl Person {
    /// "区委编办副主任": the unit as the roster shows it, then the post.
    pub fn unit_and_post(&self) -> String {
        let unit = self.unit_label.as_deref().unwrap_or(&self.unit.value);
        format!("{unit}{}", self.post.as_deref().unwrap_or(""))
    }
}
