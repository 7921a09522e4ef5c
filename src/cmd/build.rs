//! `lianxi build`: every document of a data directory.

use lianxi::build::{self, Policy};
use lianxi::checked;
use lianxi::diag::Failure;
use lianxi::documents::roster_appendix::RosterRequest;

use super::{Output, finish, print_fonts};
use crate::cli::{self, BuildArgs, Target};

pub fn run(args: BuildArgs, say: &Output) -> Result<(), Failure> {
    let BuildArgs {
        target: Target { dir, out, as_of },
        format,
        all_or_nothing,
        copies,
        split,
        pdfa,
        no_pdfa,
        fonts,
    } = args;
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
