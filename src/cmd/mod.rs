//! One file per command (as mdBook keeps them); what they share: how much to say, and how.

use std::io::{IsTerminal, Write};

use lianxi::build::Report;
use lianxi::diag::{Diagnostic, Failure};
use lianxi::roster::History;
use lianxi::typeset::Typesetter;
use lianxi::typeset::fonts::{Origin, Role};

pub mod archive;
pub mod build;
pub mod check;
pub mod completions;
pub mod fonts;
pub mod init;
pub mod roster;
pub mod schema;
pub mod typeset;
pub mod watch;

/// How much the commands say on the terminal.
pub struct Output {
    pub quiet: bool,
    pub verbose: bool,
    pub started: std::time::Instant,
}

impl Output {
    /// Prints warnings unless `--quiet`.
    pub fn warn(&self, warnings: &[Diagnostic]) {
        if !self.quiet {
            print_diagnostics(warnings);
        }
    }

    /// A progress line while rendering, on a terminal only; plain runs print the results alone.
    pub fn progress(&self) -> Option<fn(usize, usize)> {
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

/// Prints what was written and what failed; fails when any document failed.
pub fn finish(report: Report, say: &Output) -> Result<(), Failure> {
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

pub fn print_history(history: &History) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{} 成立", history.founded.date.chinese());
    for change in &history.changes {
        let _ = writeln!(stdout, "  {}", change.describe());
    }
}

/// Each role's font and where it came from. A closed pipe (`| head`) is not worth a panic.
pub fn print_fonts(typesetter: &Typesetter, to: &mut impl Write) {
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

pub fn print_diagnostics(diags: &[Diagnostic]) {
    let styled = std::io::stderr().is_terminal();
    for d in diags {
        eprintln!("{}", d.render(styled));
    }
}
