//! `council.yaml`: the 联席会议 itself — name, lead unit, office, duties, rules, member units.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::font_choice::FontChoice;

/// The council (联席会议) as founded.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "联席会议：名称、牵头单位、办公室、主要职责、工作规则和成员单位")]
pub struct Council {
    /// 联席会议全称，如“杜集区3岁以下婴幼儿照护服务工作联席会议”。
    pub name: String,
    /// 牵头单位：填成员单位的简称。
    #[schemars(with = "String")]
    pub lead_unit: Spanned<String>,
    /// 联席会议办公室。
    pub office: Office,
    /// 主要职责（成立通知“一、主要职责”的正文）。
    pub functions: String,
    /// 工作规则（成立通知“工作规则”的正文）。
    pub rules: String,
    /// 成员名单的标题（可省略，默认“联席会议全称+成员名单”）；用“|”分行书写可指定换行位置。
    #[serde(default)]
    pub roster_title: Option<String>,
    /// 成员单位，按文件中的排列顺序。
    pub units: Vec<Unit>,
    /// 字体设置（可省略）：各角色优先使用的字体、字体目录，缺少标准字体时是否报错。
    #[serde(default)]
    pub fonts: Option<FontChoice>,
}

/// 联席会议办公室.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "联席会议办公室")]
pub struct Office {
    /// 名称，如“联席会议办公室”。
    pub name: String,
    /// 办公室设在哪个成员单位（简称）。
    #[schemars(with = "String")]
    pub host_unit: Spanned<String>,
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
    /// 职责分工。
    pub duties: String,
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
}
