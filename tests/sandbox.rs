//! The compiler's world is sealed: it serves the generated document, the GB/T 9704 library, the
//! fonts and the images the data names inside its directory — nothing else.

mod common;

use std::path::Path;

use common::*;
use lianxi::documents::Document;

/// The messages of a failed compile of `source`.
fn refused(source: &str) -> String {
    let doc = Document::scratch(Path::new("probe.typ"));
    match typesetter().typeset(&doc, source) {
        Ok(_) => panic!("should not compile: {source}"),
        Err(f) => {
            f.0.iter()
                .map(|d| d.message.clone())
                .collect::<Vec<_>>()
                .join("\n")
        }
    }
}

fn printed(source: &str) -> String {
    render_typst(source)
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn files_outside_the_sandbox_cannot_be_read() {
    for probe in [
        "#read(\"/etc/passwd\")",
        "#read(\"../../../../etc/passwd\")",
        "#read(\"/fonts.typ/../../etc/hostname\")",
        "#image(\"/etc/passwd\")",
        "#read(\"/assets/seal.png\")",
        "#read(\"Cargo.toml\")",
    ] {
        let err = refused(probe);
        assert!(err.contains("排版失败"), "{probe}: {err}");
        assert!(!err.contains("root:"), "{probe} leaked a file");
    }
}

#[test]
fn packages_are_refused() {
    let err = refused("#import \"@preview/cetz:0.3.0\": *");
    assert!(err.contains("packages are disabled"), "{err}");
}

#[test]
fn today_is_the_documents_date_and_inputs_are_empty() {
    // A scratch document is dated 2000-01-01.
    let text =
        printed("#datetime.today().display(\"[year]-[month]-[day]\")\n\n输入#sys.inputs.len()项");
    assert!(text.contains("2000-01-01"), "{text}");
    assert!(text.contains("输入0项"), "{text}");
}

#[test]
fn a_seal_image_must_stay_inside_the_data_directory() {
    for (name, why) in [
        ("/etc/passwd", "只能使用数据目录内的相对路径"),
        ("../outside.png", "路径中不能有“..”"),
        ("missing.png", "找不到这个文件或文件夹"),
        ("council.yaml", "只支持 PNG、JPG 或 SVG 图片"),
    ] {
        let data = edited_example("founding-notice.yaml", |t| {
            t.replace("seal: stamped", &format!("seal:\n  image: '{name}'"))
        });
        let checked = lianxi::checked::load(data.path()).unwrap();
        let err =
            lianxi::documents::all(&checked, Some(&roster_request("2026-11-28"))).unwrap_err();
        assert!(
            err.0[0].message.contains(why),
            "{name}: {}",
            err.0[0].message
        );
        assert!(
            err.0[0]
                .position()
                .unwrap()
                .contains("founding-notice.yaml:")
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_data_directory_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("seal.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    let data = edited_example("founding-notice.yaml", |t| {
        t.replace("seal: stamped", "seal:\n  image: seal.svg")
    });
    std::os::unix::fs::symlink(
        outside.path().join("seal.svg"),
        data.path().join("seal.svg"),
    )
    .unwrap();
    let checked = lianxi::checked::load(data.path()).unwrap();
    let err = lianxi::documents::all(&checked, Some(&roster_request("2026-11-28"))).unwrap_err();
    assert!(
        err.0[0].message.contains("指向数据目录之外的链接"),
        "{}",
        err.0[0].message
    );
}
