//! The `fonts:` section of `council.yaml`: which fonts this council's documents prefer.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::PathBuf;

use super::asset::resolve_dir;
use crate::diag::Diagnostics;

/// Font preferences kept with the data, so every machine that builds it makes the same choice.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "字体设置（可省略）：优先使用的字体和字体目录")]
pub struct FontChoice {
    /// 字体目录：数据目录内的相对路径（如“字体”），其中的字体优先于系统字体和内置字体。
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub dirs: Vec<Spanned<String>>,
    /// 小标宋（发文机关标志、标题）优先使用的字体，如“方正小标宋简体”。
    #[serde(default)]
    pub xiaobiaosong: Option<String>,
    /// 仿宋（正文）优先使用的字体，如“仿宋_GB2312”。
    #[serde(default)]
    pub fangsong: Option<String>,
    /// 黑体（一级标题、附件标识）优先使用的字体，如“黑体”。
    #[serde(default)]
    pub heiti: Option<String>,
    /// 楷体（二级标题）优先使用的字体，如“楷体_GB2312”。
    #[serde(default)]
    pub kaiti: Option<String>,
    /// 宋体（页码数字）优先使用的字体，如“宋体”。
    #[serde(default)]
    pub songti: Option<String>,
    /// 缺少公文标准字体、要用内置字体代替时报错而不生成（同命令行 --strict-fonts）。
    #[serde(default)]
    pub strict: bool,
}

impl FontChoice {
    /// The preferred font of each role named here, by role key (`fangsong`, …).
    pub fn preferences(&self) -> Vec<(&'static str, &str)> {
        [
            ("xiaobiaosong", &self.xiaobiaosong),
            ("fangsong", &self.fangsong),
            ("heiti", &self.heiti),
            ("kaiti", &self.kaiti),
            ("songti", &self.songti),
        ]
        .into_iter()
        .filter_map(|(role, name)| Some((role, name.as_deref()?)))
        .collect()
    }
}

impl super::CouncilData {
    /// The council's font directories, each inside the data directory, or why one is refused.
    pub fn font_dirs(&self) -> Result<Vec<PathBuf>, Diagnostics> {
        let Some(choice) = &self.council.fonts else {
            return Ok(Vec::new());
        };
        let (dirs, errors): (Vec<_>, Vec<_>) = choice
            .dirs
            .iter()
            .map(|name| resolve_dir(&self.dir, name, &self.council.file))
            .partition(Result::is_ok);
        if errors.is_empty() {
            Ok(dirs.into_iter().filter_map(Result::ok).collect())
        } else {
            Err(errors.into_iter().filter_map(Result::err).collect())
        }
    }
}
