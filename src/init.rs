//! `lianxi init`: a new council's data directory, every file commented, that builds at once.

use std::path::Path;

use crate::diag::Diagnostic;
use crate::output::write_atomic;

/// The skeleton, from `examples/skeleton`: one example of each kind of record.
const SKELETON: &[(&str, &str)] = &[
    ("README.md", include_str!("../examples/skeleton/README.md")),
    (
        "council.yaml",
        include_str!("../examples/skeleton/council.yaml"),
    ),
    (
        "roster.yaml",
        include_str!("../examples/skeleton/roster.yaml"),
    ),
    (
        "founding-notice.yaml",
        include_str!("../examples/skeleton/founding-notice.yaml"),
    ),
    (
        "filings/2026-06-区财政局-联络员.yaml",
        include_str!("../examples/skeleton/filings/2026-06-区财政局-联络员.yaml"),
    ),
    (
        "rosters/2026-12.yaml",
        include_str!("../examples/skeleton/rosters/2026-12.yaml"),
    ),
    (
        "sessions/2026-全体会议.yaml",
        include_str!("../examples/skeleton/sessions/2026-全体会议.yaml"),
    ),
    (
        "documents/2026-12-报送年度工作总结的函.yaml",
        include_str!("../examples/skeleton/documents/2026-12-报送年度工作总结的函.yaml"),
    ),
];

/// Writes the skeleton into `dir`, which must not exist or be empty: nothing is overwritten.
pub fn init(dir: &Path) -> Result<Vec<String>, Diagnostic> {
    let occupied = std::fs::read_dir(dir)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if occupied {
        return Err(
            Diagnostic::error("目录已存在且不是空的，为免覆盖已有文件，没有写入任何内容")
                .in_file(dir)
                .help("请指定一个新目录，例如 lianxi init 我的联席会议"),
        );
    }
    for (name, text) in SKELETON {
        write_atomic(&dir.join(name), text.as_bytes())?;
    }
    let schemas = crate::model::schema::write_schemas(&dir.join(crate::model::schema::SCHEMA_DIR))?;
    let mut written: Vec<String> = SKELETON.iter().map(|(name, _)| name.to_string()).collect();
    written.extend(
        schemas
            .iter()
            .filter_map(|p| p.strip_prefix(dir).ok())
            .map(|p| p.display().to_string()),
    );
    Ok(written)
}
