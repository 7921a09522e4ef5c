//! `lianxi check`: check the data and list the roster's history.

use lianxi::checked;
use lianxi::diag::Failure;

use super::{Output, print_history};
use crate::cli::CheckArgs;

pub fn run(args: CheckArgs, say: &Output) -> Result<(), Failure> {
    let CheckArgs { dir, strict } = args;
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
