//! The `lianxi` command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use lianxi::diag::{Diagnostic, Failure};
use lianxi::typeset::Typesetter;
use lianxi::typeset::fonts::{FontOptions, Origin, Role};
use lianxi::{build, model};

/// 联席会议办公室公文生成工具：把 YAML 数据排成符合 GB/T 9704-2012 的 PDF 公文。
#[derive(Parser)]
#[command(name = "lianxi", version, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 生成数据目录中定义的全部公文（PDF）。
    Build {
        /// 数据目录（含 council.yaml）。
        #[arg(value_name = "目录")]
        dir: PathBuf,
        /// 输出目录。
        #[arg(short, long, value_name = "输出目录", default_value = "out")]
        out: PathBuf,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// 只检查数据，不生成文件。
    Check {
        /// 数据目录（含 council.yaml）。
        #[arg(value_name = "目录")]
        dir: PathBuf,
    },
    /// 排版一个 Typst 文件（开发调试用；可导入 /gbt9704.typ）。
    #[command(hide = true)]
    Typeset {
        file: PathBuf,
        #[arg(short, long)]
        out: PathBuf,
    },
    /// 显示每种字体角色实际使用的字体及其来源。
    Fonts {
        #[command(flatten)]
        fonts: FontArgs,
    },
}

#[derive(clap::Args)]
struct FontArgs {
    /// 额外的字体目录（可多次指定），其中的字体优先于内置字体。
    #[arg(long = "font-dir", value_name = "目录")]
    font_dirs: Vec<PathBuf>,
    /// 不查找系统中安装的公文标准字体，只用内置字体和 --font-dir。
    #[arg(long)]
    no_system_fonts: bool,
}

impl FontArgs {
    fn options(&self) -> FontOptions {
        FontOptions {
            dirs: self.font_dirs.clone(),
            system: !self.no_system_fonts,
        }
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
        Command::Build { dir, out, fonts } => {
            let typesetter = Typesetter::new(&fonts.options());
            let report = build::build(&dir, &out, &typesetter)?;
            print_diagnostics(&report.warnings);
            for w in &report.written {
                eprintln!("已生成 {}（{} 页）", w.path.display(), w.pages);
            }
            Ok(())
        }
        Command::Check { dir } => {
            model::load(&dir)?;
            eprintln!("数据检查通过：{}", dir.display());
            Ok(())
        }
        Command::Typeset { file, out } => {
            let source = std::fs::read_to_string(&file)
                .map_err(|e| Diagnostic::error(format!("无法读取文件：{e}")).in_file(&file))?;
            let typesetter = Typesetter::new(&FontOptions::default());
            let doc = lianxi::documents::Document::scratch(&file);
            let typeset = typesetter.typeset(&doc, &source)?;
            print_diagnostics(&typeset.warnings);
            lianxi::output::write_atomic(&out, &typesetter.pdf(&doc, &typeset.pages)?)?;
            Ok(())
        }
        Command::Fonts { fonts } => {
            let typesetter = Typesetter::new(&fonts.options());
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
