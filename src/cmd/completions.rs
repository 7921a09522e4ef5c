//! `lianxi completions`: a shell's completion script.

use lianxi::diag::Failure;

use crate::cli::{self, CompletionsArgs};

pub fn run(args: CompletionsArgs) -> Result<(), Failure> {
    let CompletionsArgs { shell } = args;
    let shell: clap_complete::Shell = shell.parse().expect("clap checked the value");
    clap_complete::generate(shell, &mut cli::command(), "lianxi", &mut std::io::stdout());
    Ok(())
}
