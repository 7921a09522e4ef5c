//! `lianxi schema`: the JSON Schemas editors check the data files with.

use lianxi::diag::Failure;

use super::Output;
use crate::cli::SchemaArgs;

pub fn run(args: SchemaArgs, say: &Output) -> Result<(), Failure> {
    let SchemaArgs { dir, out } = args;
    let out = out.unwrap_or_else(|| dir.join(lianxi::model::schema::SCHEMA_DIR));
    for path in lianxi::model::schema::write_schemas(&out)? {
        if !say.quiet {
            eprintln!("已生成 {}", path.display());
        }
    }
    Ok(())
}
