//! The `lianxi` command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use lianxi::build::{self, Format, Policy, Report};
use lianxi::checked;
use lianxi::diag::{Diagnostic, Failure};
use lianxi::documents::{self, roster_appendix::RosterLayout, roster_appendix::RosterRequest};
use lianxi::model::Date;
use lianxi::roster::History;
use lianxi::typeset::Typesetter;
use lianxi::typeset::fonts::{FontOptions, Origin, Role};

/// 联席会议办公室公文生成工具：把 YAML 数据排成符合 GB/T 9704-2012 的 PDF 公文。
#[derive(Parser)]
#[command(name = "lianxi", version, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 生成数据目录中定义的全部公文（PDF）：成立通知、每份备案表、当前成员名单。
    Build {
        /// 数据目录（含 council.yaml）。
        #[arg(value_name = "目录")]
        dir: PathBuf,
        /// 输出目录。
        #[arg(short, long, value_name = "输出目录", default_value = "out")]
        out: PathBuf,
        /// 成员名单的日期（默认今天），如 2026-11-28。
        #[arg(long, value_name = "日期", value_parser = parse_date)]
        as_of: Option<Date>,
        /// 输出格式：pdf，或 typ（排版用的 Typst 源文件）。
        #[arg(long, value_name = "格式", default_value = "pdf", value_parser = parse_format)]
        format: Format,
        /// 任一份公文失败则一份也不写。
        #[arg(long)]
        all_or_nothing: bool,
        /// 每份通知和纪要印 N 份，各带 6 位份号，每份从奇数页开始。
        #[arg(long, value_name = "份数")]
        copies: Option<usize>,
        /// 与 --copies 同用：每份各写一个文件。
        #[arg(long, requires = "copies")]
        split: bool,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// 只检查数据，不生成文件；列出人员调整记录。
    Check {
        /// 数据目录（含 council.yaml）。
        #[arg(value_name = "目录")]
        dir: PathBuf,
    },
    /// 生成某一日期的成员名单（附件），或列出人员调整记录。
    Roster {
        /// 数据目录（含 council.yaml）。
        #[arg(value_name = "目录")]
        dir: PathBuf,
        /// 名单日期（默认今天），如 2026-11-28。
        #[arg(long, value_name = "日期", value_parser = parse_date)]
        as_of: Option<Date>,
        /// 附“变更说明”，列出此日期之后的调整。
        #[arg(long, value_name = "日期", value_parser = parse_date)]
        since: Option<Date>,
        /// 用表格排列（序号、单位、姓名、职务、联系电话）。
        #[arg(long)]
        table: bool,
        /// 标题下一行的说明，默认“（YYYY年M月更新）”。
        #[arg(long, value_name = "文字")]
        note: Option<String>,
        /// 输出文件（默认 roster-日期.pdf）。
        #[arg(short, long, value_name = "文件")]
        out: Option<PathBuf>,
        /// 只在终端列出人员调整记录，不生成文件。
        #[arg(long)]
        list: bool,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// 显示每种字体角色实际使用的字体及其来源。
    Fonts {
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// 排版一个 Typst 文件（开发调试用；可导入 /gbt9704.typ）。
    #[command(hide = true)]
    Typeset {
        file: PathBuf,
        #[arg(short, long)]
        out: PathBuf,
    },
}

#[derive(clap::Args)]
struct FontArgs {
    /// 有字没有字体能显示时报错，不生成该文件（默认只警告）。
    #[arg(long)]
    strict: bool,
    /// 额外的字体目录（可多次指定），其中的字体优先于内置字体。
    #[arg(long = "font-dir", value_name = "目录")]
    font_dirs: Vec<PathBuf>,
    /// 不查找系统中安装的公文标准字体，只用内置字体和 --font-dir。
    #[arg(long)]
    no_system_fonts: bool,
}

impl FontArgs {
    fn typesetter(&self) -> Typesetter {
        Typesetter::new(&FontOptions {
            dirs: self.font_dirs.clone(),
            system: !self.no_system_fonts,
        })
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

fn parse_format(s: &str) -> Result<Format, String> {
    match s {
        "pdf" => Ok(Format::Pdf),
        "typ" => Ok(Format::Typ),
        _ => Err(format!("不支持的格式“{s}”，可选 pdf 或 typ")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(diags)) => {
            print_diagnostics(&diags);
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Build {
            dir,
            out,
            as_of,
            format,
            all_or_nothing,
            copies,
            split,
            fonts,
        } => {
            let request = RosterRequest {
                as_of: as_of.unwrap_or_else(Date::today),
                since: None,
                layout: RosterLayout::Lines,
                updated_note: None,
            };
            let policy = Policy {
                strict: fonts.strict,
                all_or_nothing,
                copies,
                split,
            };
            let report = build::build(&dir, &out, &fonts.typesetter(), &request, format, policy)?;
            finish(report)
        }
        Command::Check { dir } => {
            let checked = checked::load(&dir)?;
            print_history(&checked.history);
            eprintln!("数据检查通过：{}", dir.display());
            Ok(())
        }
        Command::Roster {
            dir,
            as_of,
            since,
            table,
            note,
            out,
            list,
            fonts,
        } => {
            let checked::Checked { data, history, .. } = checked::load(&dir)?;
            if list {
                print_history(&history);
                return Ok(());
            }
            let request = RosterRequest {
                as_of: as_of.unwrap_or_else(Date::today),
                since,
                layout: if table {
                    RosterLayout::Table
                } else {
                    RosterLayout::Lines
                },
                updated_note: note,
            };
            let mut doc = documents::roster_appendix(&data, &history, &request);
            // Written as <dir>/<name>.pdf: name the document after the file asked for.
            let out = out.unwrap_or_else(|| PathBuf::from(format!("{}.pdf", doc.name)));
            let parent = out.parent().map(PathBuf::from).unwrap_or_default();
            doc.name = out
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or(doc.name);
            let policy = Policy {
                strict: fonts.strict,
                all_or_nothing: true,
                ..Policy::default()
            };
            finish(build::write_documents(
                &[doc],
                &parent,
                &fonts.typesetter(),
                &data.sources(),
                policy,
            ))
        }
        Command::Typeset { file, out } => {
            let source = std::fs::read_to_string(&file)
                .map_err(|e| Diagnostic::error(format!("无法读取文件：{e}")).in_file(&file))?;
            let typesetter = Typesetter::new(&FontOptions::default());
            let doc = documents::Document::scratch(&file);
            let typeset = typesetter.typeset(&doc, &source)?;
            print_diagnostics(&typeset.warnings);
            lianxi::output::write_atomic(&out, &typesetter.pdf(&doc, &typeset.pages)?)?;
            Ok(())
        }
        Command::Fonts { fonts } => {
            let typesetter = fonts.typesetter();
            let mut stdout = std::io::stdout().lock();
            for role in Role::ALL {
                let line = match typesetter.fonts().resolve(role) {
                    Some((family, origin)) => format!("{family}（{}）", describe(origin)),
                    None => "无可用字体".to_string(),
                };
                // A closed pipe (e.g. `| head`) is not an error worth a panic.
                let _ = writeln!(stdout, "{}：{line}", role.chinese());
            }
            Ok(())
        }
    }
}

/// Prints what was written and what failed; fails when any document failed.
fn finish(report: Report) -> Result<(), Failure> {
    print_diagnostics(&report.warnings);
    for w in &report.written {
        match w.pages {
            0 => eprintln!("已生成 {}", w.path.display()),
            n => eprintln!("已生成 {}（{n} 页）", w.path.display()),
        }
    }
    if report.errors.is_empty() {
        Ok(())
    } else {
        Err(Failure(report.errors))
    }
}

fn print_history(history: &History) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{} 成立", history.founded.date.chinese());
    for change in &history.changes {
        let _ = writeln!(stdout, "  {}", change.describe());
    }
}

fn describe(origin: &Origin) -> String {
    match origin {
        Origin::Bundled(file) => format!("内置字体 {file}；未找到标准字体"),
        Origin::UserDir(path) => format!("--font-dir：{}", path.display()),
        Origin::System(path) => format!("系统字体：{}", path.display()),
    }
}

fn print_diagnostics(diags: &[Diagnostic]) {
    let styled = std::io::stderr().is_terminal();
    for d in diags {
        eprintln!("{}", d.render(styled));
    }
}
