//! Fonts: the bundled free set (always present), and the user's standard 公文 fonts when installed.
//!
//! Each role lists its families in order of preference: the standard fonts offices use first,
//! then the bundled stand-in, then the GBK fallback that keeps rare name characters visible.

use std::path::{Path, PathBuf};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo, FontVariant, FontWeight};
use typst::utils::LazyHash;

use crate::model::font_choice::FontChoice;

/// The typographic roles GB/T 9704 assigns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 小标宋: 发文机关标志, 标题.
    Xiaobiaosong,
    /// 仿宋: body text.
    Fangsong,
    /// 黑体: level-1 headings, 附件 labels.
    Heiti,
    /// 楷体: level-2 headings, 签发人 names.
    Kaiti,
    /// 宋体: page-number digits.
    Songti,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Xiaobiaosong,
        Role::Fangsong,
        Role::Heiti,
        Role::Kaiti,
        Role::Songti,
    ];

    /// The role's name in the Typst font module and in messages.
    pub fn key(self) -> &'static str {
        match self {
            Role::Xiaobiaosong => "xiaobiaosong",
            Role::Fangsong => "fangsong",
            Role::Heiti => "heiti",
            Role::Kaiti => "kaiti",
            Role::Songti => "songti",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Role::Xiaobiaosong => "小标宋",
            Role::Fangsong => "仿宋",
            Role::Heiti => "黑体",
            Role::Kaiti => "楷体",
            Role::Songti => "宋体（页码数字）",
        }
    }

    /// Standard fonts offices install, by the family name Typst reads from them.
    pub fn standard_families(self) -> &'static [&'static str] {
        match self {
            Role::Xiaobiaosong => &["FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"],
            Role::Fangsong => &["FangSong_GB2312", "FangSong"],
            Role::Heiti => &["SimHei"],
            Role::Kaiti => &["KaiTi_GB2312", "KaiTi"],
            Role::Songti => &["SimSun"],
        }
    }

    /// The bundled font that stands in when no standard font is installed.
    pub fn bundled_family(self) -> &'static str {
        match self {
            Role::Xiaobiaosong => FALLBACK_FAMILY,
            Role::Fangsong => "FandolFang R",
            Role::Heiti => "FandolHei",
            Role::Kaiti => "FandolKai",
            Role::Songti => "FandolSong",
        }
    }

    /// The weight the role is set in: the bundled 小标宋 stand-in is the bold face of a serif.
    pub fn weight(self) -> FontWeight {
        match self {
            Role::Xiaobiaosong => FontWeight::BOLD,
            _ => FontWeight::REGULAR,
        }
    }

    /// Families in order of preference, ending with the GBK fallback.
    pub fn families(self) -> Vec<&'static str> {
        let mut list = self.standard_families().to_vec();
        list.push(self.bundled_family());
        if self.bundled_family() != FALLBACK_FAMILY {
            list.push(FALLBACK_FAMILY);
        }
        list
    }
}

/// Covers all of GBK: the last resort for characters the role's font lacks.
pub const FALLBACK_FAMILY: &str = "Lianxi Serif SC";

/// The fonts inside the binary. Licences: fonts/README.md.
const BUNDLED: &[(&str, &[u8])] = &[
    (
        "FandolFang-Regular.otf",
        include_bytes!("../../fonts/FandolFang-Regular.otf"),
    ),
    (
        "FandolHei-Regular.otf",
        include_bytes!("../../fonts/FandolHei-Regular.otf"),
    ),
    (
        "FandolKai-Regular.otf",
        include_bytes!("../../fonts/FandolKai-Regular.otf"),
    ),
    (
        "FandolSong-Digits.otf",
        include_bytes!("../../fonts/FandolSong-Digits.otf"),
    ),
    (
        "LianxiSerifSC-Regular.otf",
        include_bytes!("../../fonts/LianxiSerifSC-Regular.otf"),
    ),
    (
        "LianxiSerifSC-Bold.otf",
        include_bytes!("../../fonts/LianxiSerifSC-Bold.otf"),
    ),
];

/// Where a font came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Bundled(&'static str),
    /// A `--font-dir` directory.
    UserDir(PathBuf),
    /// A directory the council's `fonts:` section names.
    CouncilDir(PathBuf),
    /// The system's font directories.
    System(PathBuf),
}

/// Which fonts to look for besides the bundled ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FontOptions {
    /// Directories given with `--font-dir`: every font in them is used.
    pub dirs: Vec<PathBuf>,
    /// Directories the council's `fonts:` section names (after `--font-dir`, which wins ties).
    pub council_dirs: Vec<PathBuf>,
    /// Look for the standard 公文 fonts in the system's font directories.
    pub system: bool,
    /// Families the council prefers, per role, ahead of the standard ones (Chinese names allowed).
    pub prefer: Vec<(Role, String)>,
}

impl FontOptions {
    /// Adds a council's font choice: its font directories and its preferred family per role.
    pub fn with_choice(mut self, dirs: Vec<PathBuf>, choice: &FontChoice) -> Self {
        self.council_dirs = dirs;
        for (key, name) in choice.preferences() {
            let role = Role::ALL.into_iter().find(|r| r.key() == key);
            self.prefer.extend(role.map(|r| (r, family_name(name))));
        }
        self
    }
}

/// The family name fonts carry for the Chinese names offices use; other names pass unchanged.
fn family_name(name: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("方正小标宋简体", "FZXiaoBiaoSong-B05S"),
        ("方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
        ("仿宋_GB2312", "FangSong_GB2312"),
        ("仿宋", "FangSong"),
        ("黑体", "SimHei"),
        ("楷体_GB2312", "KaiTi_GB2312"),
        ("楷体", "KaiTi"),
        ("宋体", "SimSun"),
    ];
    let name = name.trim();
    KNOWN
        .iter()
        .find(|(chinese, _)| *chinese == name)
        .map_or(name, |(_, family)| family)
        .to_string()
}

/// Every font the compiler may use, with its book.
pub struct FontSet {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
    pub origins: Vec<Origin>,
    prefer: Vec<(Role, String)>,
}

impl FontSet {
    /// Bundled fonts first, then the user's; the order is stable so output is reproducible.
    pub fn load(options: &FontOptions) -> Self {
        let mut fonts = Vec::new();
        let mut origins = Vec::new();
        for (name, data) in BUNDLED {
            for font in Font::iter(Bytes::new(*data)) {
                fonts.push(font);
                origins.push(Origin::Bundled(name));
            }
        }
        let user = options
            .dirs
            .iter()
            .map(|d| (d, Origin::UserDir as fn(PathBuf) -> Origin));
        let council = options
            .council_dirs
            .iter()
            .map(|d| (d, Origin::CouncilDir as fn(_) -> _));
        for (dir, origin) in user.chain(council) {
            for path in font_files(dir) {
                add_file(
                    &path,
                    |_| true,
                    origin(path.clone()),
                    &mut fonts,
                    &mut origins,
                );
            }
        }
        if options.system {
            // A preferred family that is not a standard one may live in any file: open them all.
            let wanted = |family: &str| {
                is_standard(family)
                    || options
                        .prefer
                        .iter()
                        .any(|(_, f)| f.eq_ignore_ascii_case(family))
            };
            let open_all = options.prefer.iter().any(|(_, f)| !is_standard(f));
            for path in system_font_dirs().iter().flat_map(|d| font_files(d)) {
                if open_all || looks_standard(&path) {
                    add_file(
                        &path,
                        |info| wanted(&info.family),
                        Origin::System(path.clone()),
                        &mut fonts,
                        &mut origins,
                    );
                }
            }
        }
        let book = LazyHash::new(FontBook::from_fonts(fonts.iter()));
        Self {
            book,
            fonts,
            origins,
            prefer: options.prefer.clone(),
        }
    }

    /// The families `role` may use, most preferred first: the council's choice, then the defaults.
    pub fn families(&self, role: Role) -> Vec<String> {
        let chosen = self.prefer.iter().filter(|(r, _)| *r == role);
        chosen
            .map(|(_, f)| f.clone())
            .chain(role.families().into_iter().map(String::from))
            .collect()
    }

    /// The council's preferred families that no available font provides.
    pub fn missing_preferences(&self) -> Vec<(Role, &str)> {
        self.prefer
            .iter()
            .filter(|(_, f)| self.book.select_family(&f.to_lowercase()).next().is_none())
            .map(|(r, f)| (*r, f.as_str()))
            .collect()
    }

    /// The font that will set text of `role`, and where it came from.
    pub fn resolve(&self, role: Role) -> Option<(&str, &Origin)> {
        self.families(role).into_iter().find_map(|family| {
            let variant = FontVariant {
                weight: role.weight(),
                ..FontVariant::default()
            };
            let index = self.book.select(&family.to_lowercase(), variant)?;
            Some((
                self.fonts[index].info().family.as_str(),
                &self.origins[index],
            ))
        })
    }
}

fn add_file(
    path: &Path,
    keep: impl Fn(&FontInfo) -> bool,
    origin: Origin,
    fonts: &mut Vec<Font>,
    origins: &mut Vec<Origin>,
) {
    let Ok(data) = std::fs::read(path) else {
        return;
    };
    for font in Font::iter(Bytes::new(data)) {
        if keep(font.info()) {
            fonts.push(font);
            origins.push(origin.clone());
        }
    }
}

fn is_standard(family: &str) -> bool {
    Role::ALL
        .iter()
        .flat_map(|r| r.standard_families())
        .any(|f| f.eq_ignore_ascii_case(family))
}

/// File names of the standard fonts as Windows, WPS and 方正 install them; only these are
/// opened, so looking costs milliseconds even on a machine with hundreds of fonts.
fn looks_standard(path: &Path) -> bool {
    const HINTS: &[&str] = &[
        "simfang",
        "fangsong",
        "fs_gb2312",
        "simhei",
        "simkai",
        "kaiti",
        "kt_gb2312",
        "simsun",
        "fzxbs",
        "xiaobiaosong",
        "fzxiaobiaosong",
        "仿宋",
        "黑体",
        "楷体",
        "宋体",
        "小标宋",
    ];
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_lowercase();
    HINTS.iter().any(|h| name.contains(h))
}

fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        "/Library/Fonts",
        "/System/Library/Fonts",
        "C:\\Windows\\Fonts",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    if let Some(home) = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")) {
        let home = PathBuf::from(home);
        dirs.extend(
            [
                ".fonts",
                ".local/share/fonts",
                "Library/Fonts",
                "AppData/Local/Microsoft/Windows/Fonts",
            ]
            .iter()
            .map(|d| home.join(d)),
        );
    }
    dirs
}

/// Font files under `dir`, sorted, at most a few levels deep.
fn font_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() && depth < 4 {
                walk(&path, depth + 1, out);
            } else if matches!(
                path.extension()
                    .and_then(|e| e.to_str())
                    .map(|e| e.to_ascii_lowercase())
                    .as_deref(),
                Some("ttf" | "otf" | "ttc" | "otc")
            ) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, 0, &mut out);
    out.sort();
    out
}

/// The Typst module that names each role's font stack — only families present, most preferred
/// first — as one dictionary, `fonts`, which the GB/T 9704 library imports.
pub fn font_module(set: &FontSet) -> String {
    let mut out = String::from(
        "// Generated by lianxi: the font stack of each role, most preferred first.\n",
    );
    out.push_str("#let fonts = (\n");
    for role in Role::ALL {
        let list: Vec<String> = set
            .families(role)
            .iter()
            .filter(|f| set.book.select_family(&f.to_lowercase()).next().is_some())
            .map(|f| format!("{f:?}"))
            .collect();
        out.push_str(&format!("  {}: ({},),\n", role.key(), list.join(", ")));
    }
    out.push_str(")\n");
    out
}
