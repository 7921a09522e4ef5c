//! YAML bytes in, no panic out: the loader and every check, over one file of a valid data
//! directory replaced by the input (the first byte picks which file).
//!
//!   cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run load corpus/load -- -max_total_time=600

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const FILES: &[&str] = &[
    "council.yaml",
    "roster.yaml",
    "founding-notice.yaml",
    "filings/2022-03-区发改委-联络员.yaml",
    "sessions/2026-全体会议.yaml",
];

/// A private copy of the example data to overwrite.
fn data_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/duji");
        let dir = std::env::temp_dir().join(format!("lianxi-fuzz-{}", std::process::id()));
        copy(&example, &dir);
        dir
    })
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, yaml)) = data.split_first() else { return };
    let dir = data_dir();
    let path = dir.join(FILES[pick as usize % FILES.len()]);
    let original = std::fs::read(&path).unwrap();
    std::fs::write(&path, yaml).unwrap();
    if let Ok(checked) = lianxi::checked::load(dir) {
        // Assembling documents from accepted data must not panic either.
        let request = lianxi::documents::roster_appendix::RosterRequest::on(lianxi::model::Date::today());
        let _ = lianxi::documents::all(&checked, Some(&request));
    }
    std::fs::write(&path, original).unwrap();
});
