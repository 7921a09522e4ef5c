//! `council.yaml`: the 联席会议 itself — its name over time, roles, lead unit, office, sealing,
//! duties, rules and member units.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::date::Date;
use super::font_choice::FontChoice;
use super::prose::Prose;

/// The council (联席会议) as founded.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "联席会议：名称、领导职务、牵头单位、办公室、主要职责、工作规则和成员单位"
)]
pub struct Council {
    /// 联席会议全称（成立时的名称），如“杜集区3岁以下婴幼儿照护服务工作联席会议”。
    pub name: String,
    /// 更名记录（可省略），按时间顺序：自 date 起使用新名称 name。
    #[serde(default)]
    pub renamed: Vec<Renaming>,
    /// 联席会议的领导职务，按名单中的排列顺序，如 [总召集人, 召集人, 副召集人] 或 [组长, 副组长]
    /// （可省略，默认 [召集人, 副召集人]）。
    #[serde(default = "default_roles")]
    #[schemars(with = "Vec<String>")]
    pub roles: Vec<Spanned<String>>,
    /// 牵头单位（可省略）：填成员单位的简称。
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub lead_unit: Option<Spanned<String>>,
    /// 联席会议办公室（可省略：没有办公室、日常工作由某单位承担时不写）。
    #[serde(default)]
    pub office: Option<Office>,
    /// 印章和行文：own（自有印章）、none（不刻制印章，不正式行文）或 proxy: 单位（由该单位代章）
    /// （可省略）。
    #[serde(default)]
    pub sealing: Option<Sealing>,
    /// 主要职责：一段文字（每行一段），或按顺序的段落和条目（- text / - item / - point）。
    pub functions: Prose,
    /// 工作规则：写法同 functions（可省略）。
    #[serde(default)]
    pub rules: Option<Prose>,
    /// 成员名单的标题（可省略，默认“联席会议名称+成员名单”）；用“|”分行书写可指定换行位置。
    #[serde(default)]
    pub roster_title: Option<String>,
    /// 成员单位，按成立通知中的排列顺序。
    pub units: Vec<Unit>,
    /// 字体设置（可省略）：各角色优先使用的字体、字体目录，缺少标准字体时是否报错。
    #[serde(default)]
    pub fonts: Option<FontChoice>,
}

fn default_roles() -> Vec<Spanned<String>> {
    ["召集人", "副召集人"]
        .into_iter()
        .map(|r| {
            Spanned::new(
                r.to_string(),
                serde_saphyr::Location::UNKNOWN,
                serde_saphyr::Location::UNKNOWN,
            )
        })
        .collect()
}

/// A change of the council's name (更名).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "一次更名：自 date 起的新名称")]
pub struct Renaming {
    /// 新名称启用的日期。
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// 新名称。
    pub name: String,
}

/// 联席会议办公室.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "联席会议办公室")]
pub struct Office {
    /// 名称（可省略，默认“联席会议办公室”）。
    #[serde(default)]
    pub name: Option<String>,
    /// 办公室设在哪个单位：成员单位的简称，或不是成员单位的机关，如“区政府办公室”。
    #[schemars(with = "String")]
    pub host_unit: Spanned<String>,
    /// 办公室主任（可省略），按正文的写法，如“区卫健委主要负责同志”或“王敏”。
    #[serde(default)]
    pub director: Option<String>,
    /// 办公室电话（可省略）。
    #[serde(default)]
    pub phone: Option<String>,
}

impl Office {
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("联席会议办公室")
    }
}

/// Whose seal the council's documents carry.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "印章和行文：own（自有印章）、none（不刻制印章，不正式行文）或 proxy: 代章单位"
)]
pub enum Sealing {
    /// 联席会议（办公室）有自己的印章。
    #[serde(rename = "own", alias = "自有印章")]
    Own,
    /// 不刻制印章，不正式行文。
    #[serde(rename = "none", alias = "不刻制印章", alias = "无印章")]
    None,
    /// 由某单位代章：成员单位简称或其他机关名称，如“区政府办公室”。
    #[serde(rename = "proxy", alias = "代章")]
    Proxy(#[schemars(with = "String")] Spanned<String>),
}

/// A member unit (成员单位).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "成员单位")]
pub struct Unit {
    /// 简称，文件和名单中使用，如“区卫健委”。各单位不能重复。
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// 全称，如“杜集区卫生健康委员会”（可省略）。
    #[serde(default)]
    pub full_name: Option<String>,
    /// 正文中称呼本单位的规范简称，与简称不同时填写，如“区卫生健康委”（可省略）。
    #[serde(default)]
    pub formal_name: Option<String>,
    /// 职责分工（可省略；成立通知只列出写了职责分工的单位）。
    #[serde(default)]
    pub duties: Option<String>,
    /// 写 true 表示这是数目不定的一组单位，如“各街道办事处”“各县（市、区）政府”：
    /// 其席位人数不定，不计入成员单位数，也不能备案调整。
    #[serde(default)]
    pub group: bool,
}

impl Unit {
    /// The name running text uses for this unit.
    pub fn formal_name(&self) -> &str {
        self.formal_name.as_deref().unwrap_or(&self.name.value)
    }
}

impl Council {
    pub fn unit(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name.value == name)
    }

    /// Whether `name` is a group of units of unfixed size ("各街道办事处").
    pub fn is_group(&self, name: &str) -> bool {
        self.unit(name).is_some_and(|u| u.group)
    }

    /// The council's name on `date`: the founding name, or the last renaming in effect.
    pub fn name_on(&self, date: Date) -> &str {
        self.renamed
            .iter()
            .filter(|r| r.date.value <= date)
            .max_by_key(|r| r.date.value)
            .map_or(self.name.as_str(), |r| r.name.as_str())
    }

    /// The first leader role (召集人, 组长 …): who convenes, approves and chairs by default.
    /// The checks refuse an empty `roles`.
    pub fn first_role(&self) -> &str {
        self.roles.first().map_or("召集人", |r| r.value.as_str())
    }

    /// The leader roles, in roster order.
    pub fn role_names(&self) -> Vec<&str> {
        self.roles.iter().map(|r| r.value.as_str()).collect()
    }

    /// How running text names an organ: a member unit by its formal name, anything else as written.
    pub fn formal_name_of<'a>(&'a self, organ: &'a str) -> &'a str {
        self.unit(organ).map_or(organ, Unit::formal_name)
    }

    /// Who documents are sent to and reported by when the text says "报送…": the office, else
    /// the lead unit, else the council itself.
    pub fn contact_point(&self) -> String {
        match (&self.office, &self.lead_unit) {
            (Some(office), _) => office.name().to_string(),
            (None, Some(lead)) => self.formal_name_of(&lead.value).to_string(),
            (None, None) => "联席会议".to_string(),
        }
    }
}
