//! The `lianxi` command line: parse the arguments, run the command (one file each in `cmd/`),
//! print what went wrong.

mod cli;
mod cmd;

use std::process::ExitCode;

use cli::Command;
use cmd::{Output, print_diagnostics};
use lianxi::diag::Failure;

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

fn run(command: Command, say: &Output) -> Result<(), Failure> {
    match command {
        Command::Build(args) => cmd::build::run(args, say),
        Command::Init(args) => cmd::init::run(args, say),
        Command::Watch(args) => cmd::watch::run(args, say),
        Command::Archive(args) => cmd::archive::run(args, say),
        Command::Check(args) => cmd::check::run(args, say),
        Command::Roster(args) => cmd::roster::run(args, say),
        Command::Typeset(args) => cmd::typeset::run(args),
        Command::Schema(args) => cmd::schema::run(args, say),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Fonts(args) => cmd::fonts::run(args, say),
    }
}
