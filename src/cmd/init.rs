//! `lianxi init`: a new data directory from the skeleton.

use lianxi::diag::Failure;

use super::Output;
use crate::cli::InitArgs;

pub fn run(args: InitArgs, say: &Output) -> Result<(), Failure> {
    let InitArgs { dir } = args;
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
