//! `roster.yaml`: who held each seat when the council was founded, in the roster's own order.

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
    /// 领导：每人写 role（council.yaml 的 roles 之一，如“召集人”），以及姓名、单位、职务；
    /// 按职务确定、不写姓名的席位只写 unit 和 post（如“区政府”“分管副区长”），
    /// 或只写 post（如“分管民政工作的市领导”）。
    #[serde(default)]
    #[schemars(with = "Vec<Seat>")]
    pub leaders: Vec<Spanned<Seat>>,
    /// 成员，按名单中的顺序。每个席位是以下之一：
    /// 某人（name、unit、post）；按职务确定（unit、post，不写 name）；
    /// 几个单位共用一个职务说法（units: [..]、post，如“分管负责人”，名单中连写）；
    /// 不属于某个单位、人数不定的一组只写 post（如“各区政府分管副区长”）。
    /// 单位是 council.yaml 中 group: true 的一组单位（如“各街道办事处”）时，席位人数不定。
    #[serde(default)]
    #[schemars(with = "Vec<Seat>")]
    pub members: Vec<Spanned<Seat>>,
    /// 联络员名单（可省略：没有联络员，或只在正文中写明由谁担任）。
    #[serde(default)]
    #[schemars(with = "Vec<Seat>")]
    pub liaisons: Vec<Spanned<Seat>>,
}

/// One seat on the council, as the roster writes it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "一个席位：某人，或按职务确定，或几个单位共用一个职务说法")]
pub struct Seat {
    /// 领导职务（只用于 leaders），须是 council.yaml 中 roles 列出的一项，如“召集人”。
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub role: Option<Spanned<String>>,
    /// 姓名（按职务确定的席位不写）。两字姓名照常写，排版时自动加空格对齐。
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub name: Option<Spanned<String>>,
    /// 单位：成员和联络员填成员单位简称；领导可填“区政府”等任何机关。
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub unit: Option<Spanned<String>>,
    /// 共用一个职务说法的几个成员单位（简称），名单中连写为“区委组织部、区委宣传部分管负责人”。
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub units: Option<Vec<Spanned<String>>>,
    /// 职务，如“副主任”“区委常委、常务副区长”“分管负责人”。名单中显示为“单位+职务”。
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
