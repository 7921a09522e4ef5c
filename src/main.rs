//! The `lianxi` command line: what each command does.

mod cli;

use cli::Command;
use lianxi::archive::Outcome;
use lianxi::watch::Round;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use lianxi::build::{self, Format, Policy, Report};
use lianxi::checked;
use lianxi::diag::{Diagnostic, Failure};
use lianxi::documents::{self, roster_appendix::RosterLayout, roster_appendix::RosterRequest};
use lianxi::model::Date;
use lianxi::roster::History;
use lianxi::typeset::Typesetter;
use lianxi::typeset::fonts::{FontOptions, Origin, Role};

fn main() -> ExitCode {
    let cli = cli::parse();
    let say = Output {
        quiet: cli.quiet,
        verbose: cli.verbose,
        started: std::time::Instant::now(),
    };
    match run(cli.command, &say) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(diags)) => {
            print_diagnostics(&diags);
            ExitCode::FAILURE
        }
    }
}

/// How much the commands say on the terminal.
struct Output {
    quiet: bool,
    verbose: bool,
    started: std::time::Instant,
}

impl Output {
    /// Prints warnings unless `--quiet`.
    fn warn(&self, warnings: &[Diagnostic]) {
        if !self.quiet {
            print_diagnostics(warnings);
        }
    }

    /// A progress line while rendering, on a terminal only; plain runs print the results alone.
    fn progress(&self) -> Option<fn(usize, usize)> {
        (!self.quiet && std::io::stderr().is_terminal()).then_some(show_progress)
    }
}

fn show_progress(done: usize, total: usize) {
    let width = 24;
    let filled = done * width / total.max(1);
    eprint!(
        "\r生成中 [{}{}] {done}/{total}",
        "#".repeat(filled),
        " ".repeat(width - filled)
    );
    if done == total {
        eprint!("\r{}\r", " ".repeat(width + 24));
    }
}

fn run(command: Command, say: &Output) -> Result<(), Failure> {
    match command {
        Command::Build {
            target: cli::Target { dir, out, as_of },
            format,
            all_or_nothing,
            copies,
            split,
            pdfa,
            no_pdfa,
            fonts,
        } => {
            let request = as_of.map(RosterRequest::reissued);
            let policy = Policy {
                strict: fonts.strict,
                all_or_nothing,
                copies,
                split,
                format,
                progress: say.progress(),
                pdfa: cli::pdfa_choice(pdfa, no_pdfa),
            };
            let checked = checked::load_with(&dir, fonts.strict)?;
            say.warn(&checked.warnings);
            let typesetter = fonts.typesetter(Some(&checked.data));
            say.warn(&fonts.check(&typesetter, Some(&checked.data))?);
            if say.verbose {
                print_fonts(&typesetter, &mut std::io::stderr());
            }
            let report = build::build(
                &checked,
                &out,
                &typesetter,
                request.as_ref(),
                format,
                policy,
            )?;
            finish(report, say)
        }
        Command::Init { dir } => {
            let files = lianxi::init::init(&dir)?;
            if !say.quiet {
                for f in files {
                    eprintln!("已生成 {}", dir.join(f).display());
                }
                eprintln!(
                    "下一步：修改其中的示例内容，然后运行 lianxi build {} -o {}",
                    dir.display(),
                    dir.join("out").display()
                );
            }
            Ok(())
        }
        Command::Watch {
            target: cli::Target { dir, out, as_of },
            fonts,
        } => {
            let request = as_of.map(RosterRequest::reissued);
            let policy = Policy {
                strict: fonts.strict,
                ..Policy::default()
            };
            eprintln!(
                "正在监视 {}，保存数据文件后自动重新生成到 {}（Ctrl+C 退出）",
                dir.display(),
                out.display()
            );
            lianxi::watch::watch(
                &dir,
                &out,
                |data| fonts.options(Some(data)),
                request.as_ref(),
                policy,
                |round| match round {
                    Round::Built {
                        report,
                        changed,
                        took,
                    } => {
                        if let Err(Failure(errors)) = finish(report, say) {
                            print_diagnostics(&errors);
                        }
                        if changed == 0 {
                            eprintln!("数据已检查，没有公文需要更新（{} 毫秒）", took.as_millis());
                        } else {
                            eprintln!("已更新 {changed} 份公文，用时 {} 毫秒", took.as_millis());
                        }
                    }
                    Round::Refused(Failure(diags)) => {
                        print_diagnostics(&diags);
                        eprintln!("数据有误，未生成；改正后保存即可");
                    }
                },
            )
        }
        Command::Archive {
            dir,
            to,
            supersede,
            format,
            verify,
            as_of,
            fonts,
        } => {
            if let Some(archive) = verify {
                let count = lianxi::archive::verify(&archive)?;
                if !say.quiet {
                    eprintln!("归档核对无误：{count} 个文件与清单一致");
                }
                return Ok(());
            }
            let (Some(dir), Some(to)) = (dir, to) else {
                unreachable!("clap requires both without --verify")
            };
            let checked = checked::load_with(&dir, fonts.strict)?;
            say.warn(&checked.warnings);
            let typesetter = fonts.typesetter(Some(&checked.data));
            say.warn(&fonts.check(&typesetter, Some(&checked.data))?);
            let request = as_of.map(RosterRequest::reissued);
            let outcomes = lianxi::archive::archive(
                &checked,
                &to,
                &typesetter,
                request.as_ref(),
                format,
                supersede,
            )?;
            if !say.quiet {
                for outcome in outcomes {
                    match outcome {
                        Outcome::Added(file) => eprintln!("已归档 {}", to.join(file).display()),
                        Outcome::Unchanged(file) => {
                            eprintln!("未变，不再归档 {}", to.join(file).display())
                        }
                        Outcome::Superseded { old, new } => {
                            eprintln!("已归档新版本 {}（取代 {}）", to.join(new).display(), old)
                        }
                    }
                }
            }
            Ok(())
        }
        Command::Check { dir, strict } => {
            let checked = checked::load_with(&dir, strict)?;
            say.warn(&checked.warnings);
            if !say.quiet {
                print_history(&checked.history);
                match checked.warnings.len() {
                    0 => eprintln!("数据检查通过：{}", dir.display()),
                    n => eprintln!(
                        "数据检查通过：{}（有 {n} 处不合公文格式惯例，见上面的警告；加 --strict 则视为错误）",
                        dir.display()
                    ),
                }
            }
            Ok(())
        }
        Command::Roster {
            dir,
            as_of,
            since,
            table,
            run_in,
            note,
            out,
            list,
            fonts,
        } => {
            let checked::Checked {
                data,
                history,
                warnings,
                ..
            } = checked::load_with(&dir, fonts.strict)?;
            say.warn(&warnings);
            if list {
                print_history(&history);
                return Ok(());
            }
            let request = RosterRequest {
                as_of: as_of.unwrap_or_else(Date::today),
                since,
                layout: match (table, run_in) {
                    (true, _) => RosterLayout::Table,
                    (_, true) => RosterLayout::RunIn,
                    _ => RosterLayout::Lines,
                },
                updated_note: note,
            };
            let mut doc = documents::roster_appendix(&data, &history, &request);
            // Written as <dir>/<name>.pdf (or .ofd): name the document after the file asked for.
            let out = out.unwrap_or_else(|| PathBuf::from(format!("{}.pdf", doc.name)));
            let parent = out.parent().map(PathBuf::from).unwrap_or_default();
            doc.name = out
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or(doc.name);
            let ofd = out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ofd"));
            let policy = Policy {
                strict: fonts.strict,
                all_or_nothing: true,
                format: if ofd { Format::Ofd } else { Format::Pdf },
                ..Policy::default()
            };
            let typesetter = fonts.typesetter(Some(&data));
            say.warn(&fonts.check(&typesetter, Some(&data))?);
            let report =
                build::write_documents(&[doc], &parent, &typesetter, &data.sources(), policy);
            finish(report, say)
        }
        Command::Typeset { file, out } => {
            let source = std::fs::read_to_string(&file)
                .map_err(|e| Diagnostic::error(format!("无法读取文件：{e}")).in_file(&file))?;
            let typesetter = Typesetter::new(&FontOptions::default());
            let doc = documents::Document::scratch(&file);
            let typeset = typesetter.typeset(&doc, &source)?;
            print_diagnostics(&typeset.warnings);
            lianxi::output::write_atomic(&out, &typesetter.pdf(&doc, &typeset.pages, None)?)?;
            Ok(())
        }
        Command::Schema { dir, out } => {
            let out = out.unwrap_or_else(|| dir.join(lianxi::model::schema::SCHEMA_DIR));
            for path in lianxi::model::schema::write_schemas(&out)? {
                if !say.quiet {
                    eprintln!("已生成 {}", path.display());
                }
            }
            Ok(())
        }
        Command::Completions { shell } => {
            let shell: clap_complete::Shell = shell.parse().expect("clap checked the value");
            clap_complete::generate(shell, &mut cli::command(), "lianxi", &mut std::io::stdout());
            Ok(())
        }
        Command::Fonts { dir, fonts } => {
            let data = dir.as_deref().map(lianxi::model::load).transpose()?;
            let typesetter = fonts.typesetter(data.as_ref());
            print_fonts(&typesetter, &mut std::io::stdout().lock());
            say.warn(&fonts.check(&typesetter, data.as_ref())?);
            Ok(())
        }
    }
}

/// Prints what was written and what failed; fails when any document failed.
fn finish(report: Report, say: &Output) -> Result<(), Failure> {
    if !say.quiet {
        print_diagnostics(&report.warnings);
        for w in &report.written {
            match w.pages {
                0 => eprintln!("已生成 {}", w.path.display()),
                n => eprintln!("已生成 {}（{n} 页）", w.path.display()),
            }
        }
    }
    if say.verbose {
        eprintln!(
            "共 {} 个文件，用时 {} 毫秒",
            report.written.len(),
            say.started.elapsed().as_millis()
        );
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

/// Each role's font and where it came from. A closed pipe (`| head`) is not worth a panic.
fn print_fonts(typesetter: &Typesetter, to: &mut impl Write) {
    for role in Role::ALL {
        let line = match typesetter.fonts().resolve(role) {
            Some((family, origin)) => format!("{family}（{}）", describe(origin)),
            None => "无可用字体".to_string(),
        };
        let _ = writeln!(to, "{}：{line}", role.chinese());
    }
}

fn describe(origin: &Origin) -> String {
    match origin {
        Origin::Bundled(file) => format!("内置字体 {file}；未找到标准字体"),
        Origin::UserDir(path) => format!("--font-dir：{}", path.display()),
        Origin::CouncilDir(path) => format!("council.yaml 的字体目录：{}", path.display()),
        Origin::System(path) => format!("系统字体：{}", path.display()),
    }
}

fn print_diagnostics(diags: &[Diagnostic]) {
    let styled = std::io::stderr().is_terminal();
    for d in diags {
        eprintln!("{}", d.render(styled));
    }
}
