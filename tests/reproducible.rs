//! A build is a pure function of the data: the same data gives the same files, byte for byte,
//! whatever the day it runs (the clock is moved with libfaketime, as a real machine's would be).

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::*;

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn build_on(day: &str, data: &Path, out: &Path) {
    let run = Command::new("faketime")
        .arg(day)
        .arg(env!("CARGO_BIN_EXE_lianxi"))
        .args(["build", "--no-system-fonts", "-q"])
        .arg(data)
        .arg("-o")
        .arg(out)
        .output()
        .expect("faketime (Debian package faketime) runs lianxi");
    assert!(run.status.success(), "{}", stderr(&run));
}

#[test]
fn two_days_build_the_same_files() {
    // The clock really moves under faketime, so the comparison below can fail.
    let year = Command::new("faketime")
        .args(["2031-06-30 23:30:00", "date", "+%Y"])
        .output()
        .expect("faketime");
    assert_eq!(String::from_utf8_lossy(&year.stdout).trim(), "2031");

    for data in [
        example_dir(),
        example_dir().join("../district-shangcheng-zwgk"),
    ] {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        build_on("2027-01-01 09:00:00", &data, a.path());
        build_on("2031-06-30 23:30:00", &data, b.path());
        let (first, second) = (tree(a.path()), tree(b.path()));
        assert!(!first.is_empty());
        assert_eq!(
            first.keys().collect::<Vec<_>>(),
            second.keys().collect::<Vec<_>>(),
            "the same files"
        );
        for (name, bytes) in &first {
            assert!(
                bytes == &second[name],
                "{name} differs between the two days"
            );
        }
        // No file is named after the day it was built.
        assert!(
            first
                .keys()
                .all(|n| !n.contains("2027") && !n.contains("2031"))
        );
    }
}
