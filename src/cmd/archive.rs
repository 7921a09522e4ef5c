//! `lianxi archive`: file the final documents as PDF/A, or verify an archive.

use lianxi::archive::Outcome;
use lianxi::checked;
use lianxi::diag::Failure;
use lianxi::documents::roster_appendix::RosterRequest;

use super::Output;
use crate::cli::ArchiveArgs;

pub fn run(args: ArchiveArgs, say: &Output) -> Result<(), Failure> {
    let ArchiveArgs {
        dir,
        to,
        supersede,
        format,
        verify,
        as_of,
        fonts,
    } = args;
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
