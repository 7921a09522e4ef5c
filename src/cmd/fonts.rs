//! `lianxi fonts`: which font each role uses, and from where.

use lianxi::diag::Failure;

use super::{Output, print_fonts};
use crate::cli::FontsArgs;

pub fn run(args: FontsArgs, say: &Output) -> Result<(), Failure> {
    let FontsArgs { dir, fonts } = args;
    let data = dir.as_deref().map(lianxi::model::load).transpose()?;
    let typesetter = fonts.typesetter(data.as_ref());
    print_fonts(&typesetter, &mut std::io::stdout().lock());
    say.warn(&fonts.check(&typesetter, data.as_ref())?);
    Ok(())
}
