//! The command line's shape: commands, options, and their help — all in Chinese, clap's own
//! words included.

use std::path::PathBuf;

use clap::builder::styling::Styles;
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

use lianxi::build::Format;
use lianxi::diag::{Diagnostic, Diagnostics, Failure};
use lianxi::model::{CouncilData, Date};
use lianxi::typeset::Typesetter;
use lianxi::typeset::fonts::{FontOptions, Origin, Role};
use lianxi::typeset::pdfa::{PdfA, PdfAChoice};

/// 联席会议办公室公文生成工具：把 YAML 数据排成符合 GB/T 9704-2012 的 PDF 公文。
#[derive(Parser)]
#[command(name = "lianxi", version, arg_required_else_help = true)]
pub struct Cli {
    /// 只显示错误。
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// 显示所用字体和每份公文的耗时。
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// 新建一个联席会议的数据目录：各文件带中文说明和示例，可直接生成公文。
    Init(InitArgs),
    /// 生成数据目录中定义的全部公文（PDF）：成立通知、每份备案表、当前成员名单。
    Build(BuildArgs),
    /// 监视数据目录：每次保存 YAML 文件后，自动重新生成内容有变化的公文（Ctrl+C 退出）。
    Watch(WatchArgs),
    /// 把全部定稿公文以 PDF/A-2b 归档到按年度、文种分好的目录，并写清单（SHA-256、题名、文号、日期、保管期限）；已归档的文件从不覆盖。
    Archive(ArchiveArgs),
    /// 只检查数据，不生成文件；列出人员调整记录。
    Check(CheckArgs),
    /// 生成某一日期的成员名单（附件），或列出人员调整记录。
    Roster(RosterArgs),
    /// 生成各类数据文件的 JSON Schema，供 VS Code 等编辑器补全和检查。
    Schema(SchemaArgs),
    /// 生成命令行自动补全脚本：bash、zsh、fish 或 powershell。
    Completions(CompletionsArgs),
    /// 显示每种字体角色实际使用的字体及其来源。
    Fonts(FontsArgs),
    /// 排版一个 Typst 文件（开发调试用；可导入 /gbt9704.typ）。
    #[command(hide = true)]
    Typeset(TypesetArgs),
}

/// The arguments of `init`.
#[derive(clap::Args)]
pub struct InitArgs {
    /// 要新建的目录。
    #[arg(value_name = "目录")]
    pub dir: PathBuf,
}

/// The arguments of `build`.
#[derive(clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub target: Target,
    /// 输出格式：pdf（默认）；ofd（国家版式文档格式 GB/T 33190，带档案元数据）；png（每页一张预览图）；typ（排版用的 Typst 源文件）。
    #[arg(long, value_name = "格式", default_value = "pdf", value_parser = parse_format)]
    pub format: Format,
    /// 任一份公文失败则一份也不写。
    #[arg(long)]
    pub all_or_nothing: bool,
    /// 每份通知和纪要印 N 份，各带 6 位份号，每份从奇数页开始。
    #[arg(long, value_name = "份数")]
    pub copies: Option<usize>,
    /// 与 --copies 同用：每份各写一个文件。
    #[arg(long, requires = "copies")]
    pub split: bool,
    /// 所有公文都导出为 PDF/A（存档格式），级别默认 a-2b，可选 a-1b、a-2u、a-3b。不加时只有会议纪要导出为 PDF/A-2b。
    #[arg(long, value_name = "级别", num_args = 0..=1, default_missing_value = "a-2b", value_parser = PdfA::parse, conflicts_with = "no_pdfa")]
    pub pdfa: Option<PdfA>,
    /// 会议纪要也不导出为 PDF/A。
    #[arg(long)]
    pub no_pdfa: bool,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// The arguments of `watch`.
#[derive(clap::Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub target: Target,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// The arguments of `archive`.
#[derive(clap::Args)]
pub struct ArchiveArgs {
    /// 数据目录（含 council.yaml）。
    #[arg(value_name = "目录", required_unless_present = "verify")]
    pub dir: Option<PathBuf>,
    /// 归档目录。
    #[arg(long, value_name = "归档目录", required_unless_present = "verify")]
    pub to: Option<PathBuf>,
    /// 公文内容与已归档的版本不同时，把新版本与旧版本并存归档并记入清单（否则报错）。
    #[arg(long)]
    pub supersede: bool,
    /// 归档格式：pdf（PDF/A-2b，默认）或 ofd（OFD，GB/T 33190）。
    #[arg(long, value_name = "格式", default_value = "pdf", value_parser = parse_archive_format)]
    pub format: Format,
    /// 核对归档目录：逐个文件重新计算 SHA-256，与清单比对。
    #[arg(long, value_name = "归档目录", conflicts_with_all = ["dir", "to", "supersede"])]
    pub verify: Option<PathBuf>,
    /// 另外生成这一天的成员名单 roster-日期.pdf，如 2026-11-28（不写则只生成 rosters/ 中定义的名单）。
    #[arg(long, value_name = "日期", value_parser = parse_date)]
    pub as_of: Option<Date>,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// The arguments of `check`.
#[derive(clap::Args)]
pub struct CheckArgs {
    /// 数据目录（含 council.yaml）。
    #[arg(value_name = "目录")]
    pub dir: PathBuf,
    /// 不合公文格式惯例之处（文号括号、半角标点、重复编号等）也算错误（默认只警告）。
    #[arg(long)]
    pub strict: bool,
}

/// The arguments of `roster`.
#[derive(clap::Args)]
pub struct RosterArgs {
    /// 数据目录（含 council.yaml）。
    #[arg(value_name = "目录")]
    pub dir: PathBuf,
    /// 名单日期（默认今天），如 2026-11-28。
    #[arg(long, value_name = "日期", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// 附“变更说明”，列出此日期之后的调整。
    #[arg(long, value_name = "日期", value_parser = parse_date)]
    pub since: Option<Date>,
    /// 用表格排列（序号、单位、姓名、职务、联系电话）。
    #[arg(long, conflicts_with = "run_in")]
    pub table: bool,
    /// 每类人员连写成一段（“成员：区委编办副主任徐翠侠、……”）。
    #[arg(long)]
    pub run_in: bool,
    /// 标题下一行的说明，默认“（YYYY年M月更新）”。
    #[arg(long, value_name = "文字")]
    pub note: Option<String>,
    /// 输出文件（默认 roster-日期.pdf）；以 .ofd 结尾时生成 OFD。
    #[arg(short, long, value_name = "文件")]
    pub out: Option<PathBuf>,
    /// 只在终端列出人员调整记录，不生成文件。
    #[arg(long)]
    pub list: bool,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// The arguments of `schema`.
#[derive(clap::Args)]
pub struct SchemaArgs {
    /// 数据目录（schema 写入其中的 schema 子目录）。
    #[arg(value_name = "目录", default_value = ".")]
    pub dir: PathBuf,
    /// 另行指定 schema 的输出目录。
    #[arg(long, value_name = "输出目录")]
    pub out: Option<PathBuf>,
}

/// The arguments of `completions`.
#[derive(clap::Args)]
pub struct CompletionsArgs {
    #[arg(value_name = "外壳", value_parser = ["bash", "zsh", "fish", "powershell", "elvish"])]
    pub shell: String,
}

/// The arguments of `fonts`.
#[derive(clap::Args)]
pub struct FontsArgs {
    /// 数据目录（可省略）：给出时按其 council.yaml 中的 fonts: 设置选择字体。
    #[arg(value_name = "数据目录")]
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// The arguments of `typeset`.
#[derive(clap::Args)]
pub struct TypesetArgs {
    pub file: PathBuf,
    #[arg(short, long)]
    pub out: PathBuf,
}

/// What `build` and `watch` render: a data directory, into an output directory, on a date.
#[derive(clap::Args)]
pub struct Target {
    /// 数据目录（含 council.yaml）。
    #[arg(value_name = "目录")]
    pub dir: PathBuf,
    /// 输出目录（默认 out）。
    #[arg(short, long, value_name = "输出目录", default_value = "out")]
    pub out: PathBuf,
    /// 另外生成这一天的成员名单 roster-日期.pdf，如 2026-11-28（不写则只生成 rosters/ 中定义的名单）。
    #[arg(long, value_name = "日期", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

#[derive(clap::Args)]
pub struct FontArgs {
    /// 警告也算错误：有字没有字体能显示时不生成该文件；数据有不合公文格式惯例之处（文号括号、半角标点、重复编号等）时一个文件也不生成（默认只警告）。
    #[arg(long)]
    pub strict: bool,
    /// 额外的字体目录（可多次指定），其中的字体优先于内置字体。
    #[arg(long = "font-dir", value_name = "目录")]
    pub font_dirs: Vec<PathBuf>,
    /// 不查找系统中安装的公文标准字体，只用内置字体和 --font-dir。
    #[arg(long)]
    pub no_system_fonts: bool,
    /// 缺少公文标准字体（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312、宋体）而要用内置字体代替时报错。
    #[arg(long)]
    pub strict_fonts: bool,
}

impl FontArgs {
    /// The typesetter these options ask for, with the council's `fonts:` section when given.
    pub fn typesetter(&self, data: Option<&CouncilData>) -> Typesetter {
        Typesetter::new(&self.options(data))
    }

    /// The fonts these options ask for, with the council's `fonts:` section when given.
    pub fn options(&self, data: Option<&CouncilData>) -> FontOptions {
        let options = FontOptions {
            dirs: self.font_dirs.clone(),
            system: !self.no_system_fonts,
            ..FontOptions::default()
        };
        match data.and_then(|d| Some((d, d.council.fonts.as_ref()?))) {
            // The data was checked, so its font directories resolve.
            Some((data, choice)) => {
                options.with_choice(data.font_dirs().unwrap_or_default(), choice)
            }
            None => options,
        }
    }

    /// Warnings for fonts the council prefers but no directory provides; with `--strict-fonts`
    /// (or `strict: true` in the council's `fonts:`), an error unless every role has its
    /// standard or chosen font.
    pub fn check(
        &self,
        typesetter: &Typesetter,
        data: Option<&CouncilData>,
    ) -> Result<Diagnostics, Failure> {
        let fonts = typesetter.fonts();
        let warnings = fonts
            .missing_preferences()
            .into_iter()
            .map(|(role, family)| {
                Diagnostic::warning(format!("找不到{}字体“{family}”，改用其他字体", role.chinese()))
                    .help("请检查 council.yaml 中 fonts: 的字体名，或把字体文件放进 fonts: 的 dirs 目录；lianxi fonts 可查看所用字体")
            })
            .collect();
        let strict = self.strict_fonts
            || data.is_some_and(|d| d.council.fonts.as_ref().is_some_and(|c| c.strict));
        let missing: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|&role| matches!(fonts.resolve(role), None | Some((_, Origin::Bundled(_)))))
            .collect();
        if !strict || missing.is_empty() {
            return Ok(warnings);
        }
        let names: Vec<String> = missing
            .iter()
            .map(|r| format!("{}（{}）", r.chinese(), r.standard_families().join(" 或 ")))
            .collect();
        Err(Diagnostic::error(format!("缺少公文标准字体：{}", names.join("、")))
            .help("请在本机安装这些字体，或用 --font-dir 指定字体所在目录；lianxi fonts 可查看当前所用字体")
            .into())
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

fn parse_archive_format(s: &str) -> Result<Format, String> {
    match s {
        "pdf" => Ok(Format::Pdf),
        "ofd" => Ok(Format::Ofd),
        _ => Err(format!("不支持的归档格式“{s}”，可选 pdf 或 ofd")),
    }
}

fn parse_format(s: &str) -> Result<Format, String> {
    match s {
        "pdf" => Ok(Format::Pdf),
        "typ" => Ok(Format::Typ),
        "png" => Ok(Format::Png),
        "ofd" => Ok(Format::Ofd),
        _ => Err(format!("不支持的格式“{s}”，可选 pdf、ofd、png 或 typ")),
    }
}

const HELP_TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The command with clap's English headings, flags and messages replaced by Chinese ones.
pub fn command() -> clap::Command {
    localise(Cli::command())
        .override_usage("lianxi [选项] <命令>")
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        )
        .mut_subcommands(localise)
        .styles(Styles::plain())
}

fn localise(cmd: clap::Command) -> clap::Command {
    let positionals: Vec<String> = cmd
        .get_positionals()
        .map(|a| {
            format!(
                "<{}>",
                a.get_value_names()
                    .and_then(|v| v.first())
                    .map_or("", |v| v.as_str())
            )
        })
        .collect();
    let usage = match cmd.get_name() {
        "lianxi" => "lianxi [选项] <命令>".to_string(),
        name => format!("lianxi {name} [选项] {}", positionals.join(" ")),
    };
    cmd.help_template(HELP_TEMPLATE)
        .override_usage(usage)
        .next_help_heading("选项")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助")
                .global(true),
        )
        .mut_args(|a| {
            let a = if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            };
            if a.is_positional() {
                a.help_heading("参数")
            } else {
                a.help_heading("选项")
            }
        })
}

/// Parses the command line; errors are explained in Chinese and end the process.
pub fn parse() -> Cli {
    let cmd = command();
    let matches = match cmd.clone().try_get_matches() {
        Ok(m) => m,
        Err(e) => explain(e, cmd),
    };
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| explain(e, command()))
}

fn explain(err: clap::Error, mut cmd: clap::Command) -> ! {
    use clap::error::{ContextKind, ErrorKind};
    let arg = || {
        err.get(ContextKind::InvalidArg)
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    let value = || {
        err.get(ContextKind::InvalidValue)
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    let message = match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => err.exit(),
        ErrorKind::InvalidSubcommand => {
            let name = err
                .get(ContextKind::InvalidSubcommand)
                .map(|v| v.to_string())
                .unwrap_or_default();
            match err.get(ContextKind::SuggestedSubcommand) {
                Some(best) => format!("没有“{name}”这个命令；是否想用 {best}？"),
                None => format!("没有“{name}”这个命令"),
            }
        }
        ErrorKind::UnknownArgument => format!("不认识的选项“{}”", arg()),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{}", arg()),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let why = std::error::Error::source(&err)
                .map(|s| s.to_string())
                .unwrap_or_default();
            format!("{} 的取值“{}”无效：{why}", arg(), value())
        }
        ErrorKind::ArgumentConflict => format!("选项 {} 不能与其他选项同时使用", arg()),
        _ => err.to_string(),
    };
    let _ = cmd.render_usage();
    eprintln!(
        "错误：{message}\n\n运行 lianxi --help 查看全部命令，lianxi <命令> --help 查看命令的选项。"
    );
    std::process::exit(2)
}

/// `--pdfa [LEVEL]` and `--no-pdfa` as one choice.
pub fn pdfa_choice(pdfa: Option<PdfA>, no_pdfa: bool) -> PdfAChoice {
    match (pdfa, no_pdfa) {
        (Some(level), _) => PdfAChoice::All(level),
        (None, true) => PdfAChoice::None,
        (None, false) => PdfAChoice::ArchivalOnly,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        super::command().debug_assert();
    }

    #[test]
    fn help_is_in_chinese() {
        let mut cmd = super::command();
        let help = cmd.render_help().to_string();
        assert!(
            help.contains("用法：lianxi [选项] <命令>")
                && help.contains("命令")
                && help.contains("显示帮助")
        );
        for word in [
            "Usage",
            "Options",
            "Commands",
            "Arguments",
            "Print help",
            "default:",
        ] {
            assert!(!help.contains(word), "{word} in {help}");
        }
        for sub in cmd.get_subcommands_mut() {
            let help = sub.render_help().to_string();
            assert!(
                help.contains("用法：lianxi") && help.contains("显示帮助"),
                "{help}"
            );
            for word in [
                "Usage",
                "Options",
                "Arguments",
                "Print help",
                "default:",
                "possible values",
            ] {
                assert!(!help.contains(word), "{word} in {help}");
            }
        }
    }
}
