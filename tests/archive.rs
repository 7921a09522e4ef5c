//! `lianxi archive`: append-only, with a manifest; `--supersede` keeps both versions; `--verify`
//! finds a flipped byte.

mod common;

use common::*;
use std::path::Path;

fn archive(data: &Path, to: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "archive",
        data.to_str().unwrap(),
        "--to",
        to.to_str().unwrap(),
        "--as-of",
        "2026-11-28",
        "--no-system-fonts",
    ];
    args.extend(extra);
    lianxi(&args)
}

fn manifest(to: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(to.join("manifest.json")).unwrap()).unwrap()
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            if entry.path().is_dir() {
                stack.push(entry.path());
            } else {
                let rel = entry.path().strip_prefix(dir).unwrap().to_owned();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn archiving_writes_each_document_once_as_pdfa_with_a_manifest() {
    let to = tempfile::tempdir().unwrap();
    let run = archive(&example_dir(), to.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let m = manifest(to.path());
    let entries = m["entries"].as_array().unwrap();
    // 11 before documents/ and the 联络员会议: its notice and minutes, and 4 documents.
    assert_eq!(entries.len(), 17);
    let minutes = entries
        .iter()
        .find(|e| e["kind"] == "纪要")
        .expect("the minutes are archived");
    assert_eq!(minutes["file"], "2026/纪要/2026-全体会议-minutes.pdf");
    assert_eq!(minutes["number"], "第1期");
    assert_eq!(minutes["retention"], "永久");
    assert_eq!(minutes["date"], "2026-12-15");
    let notice = entries
        .iter()
        .find(|e| e["number"] == "杜政办〔2021〕11号")
        .unwrap();
    assert_eq!(notice["file"], "2021/通知/founding-notice.pdf");
    // Every 文种 in its own folder, with its 保管期限.
    for (number, file, retention) in [
        (
            "杜卫健函〔2026〕41号",
            "2026/函/2026-11-核对成员和联络员信息的函.pdf",
            "定期30年",
        ),
        (
            "杜卫健〔2026〕66号",
            "2026/报告/2026-12-工作情况的报告.pdf",
            "永久",
        ),
        (
            "杜卫健〔2026〕62号",
            "2026/通知/2026-11-托育机构安全检查的联合通知.pdf",
            "永久",
        ),
    ] {
        let e = entries
            .iter()
            .find(|e| e["number"] == number)
            .unwrap_or_else(|| panic!("{number} archived"));
        assert_eq!(e["file"], file);
        assert_eq!(e["retention"], retention);
    }
    for e in entries {
        let bytes = std::fs::read(to.path().join(e["file"].as_str().unwrap())).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("<pdfaid:part>2"), "{} is PDF/A-2", e["file"]);
        assert_eq!(e["sha256"].as_str().unwrap().len(), 64);
    }

    // The same data again: nothing written, the manifest unchanged byte for byte.
    let before = std::fs::read(to.path().join("manifest.json")).unwrap();
    let run = archive(&example_dir(), to.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        std::fs::read(to.path().join("manifest.json")).unwrap(),
        before
    );
    assert_eq!(files_under(to.path()).len(), 18);
}

#[test]
fn a_changed_document_is_refused_unless_superseded_and_then_both_versions_stay() {
    let to = tempfile::tempdir().unwrap();
    assert!(archive(&example_dir(), to.path(), &[]).status.success());
    let old_minutes = to.path().join("2026/纪要/2026-全体会议-minutes.pdf");
    let old_bytes = std::fs::read(&old_minutes).unwrap();
    let listed = files_under(to.path());
    let manifest_before = std::fs::read(to.path().join("manifest.json")).unwrap();

    let data = edited_example("roster.yaml", |t| t.replace("徐翠侠", "徐翠霞"));
    let run = archive(data.path(), to.path(), &[]);
    assert!(!run.status.success());
    let said = stderr(&run);
    assert!(
        said.contains("与已归档的版本不同") && said.contains("--supersede"),
        "{said}"
    );
    assert_eq!(
        files_under(to.path()),
        listed,
        "a refused run writes nothing"
    );
    assert_eq!(
        std::fs::read(to.path().join("manifest.json")).unwrap(),
        manifest_before
    );

    let run = archive(data.path(), to.path(), &["--supersede"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        std::fs::read(&old_minutes).unwrap(),
        old_bytes,
        "the old version stays"
    );
    let m = manifest(to.path());
    let v2 = m["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["file"] == "2026/纪要/2026-全体会议-minutes.v2.pdf")
        .expect("the new version is listed");
    assert_eq!(v2["version"], 2);
    assert_eq!(v2["supersedes"], "2026/纪要/2026-全体会议-minutes.pdf");
    // Founding notice, minutes, both rosters, the adjustment notice's and the letter's roster
    // attachments name the member; the filings do not change.
    assert_eq!(m["entries"].as_array().unwrap().len(), 23);
}

#[test]
fn verify_finds_a_flipped_byte_and_a_missing_file() {
    let to = tempfile::tempdir().unwrap();
    assert!(archive(&example_dir(), to.path(), &[]).status.success());
    let verify = |to: &Path| lianxi(&["archive", "--verify", to.to_str().unwrap()]);
    let run = verify(to.path());
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("17 个文件与清单一致"),
        "{}",
        stderr(&run)
    );

    let filing = to.path().join("2024/备案表/2024-01-区政府-召集人.pdf");
    let mut bytes = std::fs::read(&filing).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&filing, bytes).unwrap();
    std::fs::remove_file(to.path().join("2026/纪要/2026-全体会议-minutes.pdf")).unwrap();
    let run = verify(to.path());
    assert!(!run.status.success());
    let said = stderr(&run);
    assert!(
        said.contains("2024-01-区政府-召集人.pdf") && said.contains("SHA-256 不符"),
        "{said}"
    );
    assert!(
        said.contains("2026-全体会议-minutes.pdf") && said.contains("不见了"),
        "{said}"
    );
}

#[test]
fn an_archive_holds_ofd_beside_pdf_and_supersedes_each_on_its_own() {
    let to = tempfile::tempdir().unwrap();
    for extra in [&[][..], &["--format", "ofd"][..]] {
        let run = archive(&example_dir(), to.path(), extra);
        assert!(run.status.success(), "{}", stderr(&run));
    }
    let files = files_under(to.path());
    assert!(
        files.contains(&"2026/纪要/2026-全体会议-minutes.ofd".to_string()),
        "{files:?}"
    );
    assert!(
        files.contains(&"2026/纪要/2026-全体会议-minutes.pdf".to_string()),
        "{files:?}"
    );
    assert_eq!(manifest(to.path())["entries"].as_array().unwrap().len(), 34);

    // The same data again changes nothing; changed minutes are refused, then superseded in OFD
    // alone.
    let run = archive(&example_dir(), to.path(), &["--format", "ofd"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let data = edited_example("sessions/2026-全体会议.yaml", |t| {
        t.replacen("第1期", "第2期", 1)
    });
    let refused = archive(data.path(), to.path(), &["--format", "ofd"]);
    assert!(!refused.status.success());
    let run = archive(data.path(), to.path(), &["--format", "ofd", "--supersede"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let entries = manifest(to.path())["entries"].as_array().unwrap().clone();
    let newest = entries.last().unwrap();
    assert_eq!(newest["file"], "2026/纪要/2026-全体会议-minutes.v2.ofd");
    assert_eq!(newest["supersedes"], "2026/纪要/2026-全体会议-minutes.ofd");
    assert_eq!(entries.len(), 35, "the PDF is untouched");
    let verified = lianxi(&["archive", "--verify", to.path().to_str().unwrap()]);
    assert!(verified.status.success(), "{}", stderr(&verified));
}
