//! PDF/A: minutes are archival by default; `--pdfa` exports every document; metadata from the model.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

fn pdfinfo(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF/A identification in the XMP packet, e.g. `Some("2B")`; typst writes it uncompressed.
fn pdfa_id(pdf: &Path) -> Option<String> {
    let bytes = std::fs::read(pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let field = |tag: &str| {
        let start = text.find(&format!("<pdfaid:{tag}>"))? + tag.len() + 9;
        Some(text[start..].split('<').next()?.to_string())
    };
    Some(format!("{}{}", field("part")?, field("conformance")?))
}

/// PDFBox Preflight's verdict (ISO 19005-1): the error codes it lists, empty when valid.
fn preflight_errors(pdf: &Path) -> Vec<String> {
    let java = Path::new("/usr/share/java");
    let jars = [
        "preflight.jar",
        "pdfbox2.jar",
        "fontbox2.jar",
        "xmpbox.jar",
        "commons-logging.jar",
        "javax.activation.jar",
        "jaxb-api.jar",
    ];
    let classpath: Vec<String> = jars
        .iter()
        .map(|j| java.join(j).to_string_lossy().into_owned())
        .collect();
    let out = Command::new("java")
        .args(["-cp", &classpath.join(":")])
        .arg("org.apache.pdfbox.preflight.Validator_A1b")
        .arg(pdf)
        .output()
        .expect("java with PDFBox Preflight (.ci/run installs libpdfbox2-java)");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("valid PDF/A-1b") || said.contains("not valid"),
        "Preflight did not run: {said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    said.lines()
        .filter_map(|l| l.split_once(" : ").map(|(code, _)| code.trim().to_string()))
        .collect()
}

#[test]
fn minutes_are_pdfa_2b_by_default_with_their_metadata_and_the_rest_are_plain() {
    let out = tempfile::tempdir().unwrap();
    let run = lianxi_build(&example_dir(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let minutes = out.path().join("sessions/2026-全体会议-minutes.pdf");
    assert_eq!(pdfa_id(&minutes).as_deref(), Some("2B"));
    let info = pdfinfo(&minutes);
    for field in [
        "Title:           杜集区3岁以下婴幼儿照护服务工作联席会议纪要第1期",
        "Author:          联席会议办公室",
        "Subject:         第1期",
        "Keywords:        纪要",
    ] {
        assert!(info.contains(field), "{field} in\n{info}");
    }
    // Preflight judges PDF/A-1; on a 2b file it may only report what PDF/A-2 permits
    // (2.1.6: ICC profile version, 7.11.2: part is not 1).
    let errors = preflight_errors(&minutes);
    let other: Vec<_> = errors
        .iter()
        .filter(|c| !["2.1.6", "7.11.2"].contains(&c.as_str()))
        .collect();
    assert!(other.is_empty(), "{other:?}");

    let notice = out.path().join("founding-notice.pdf");
    assert_eq!(pdfa_id(&notice), None);
    assert!(pdfinfo(&notice).contains("Subject:         杜政办〔2021〕11号"));
    // The negative control: Preflight does find fault with a plain PDF.
    assert!(!preflight_errors(&notice).is_empty());
}

#[test]
fn pdfa_1b_for_every_document_passes_preflight() {
    let out = tempfile::tempdir().unwrap();
    let run = lianxi_build(&example_dir(), out.path(), &["--pdfa", "a-1b"]);
    assert!(run.status.success(), "{}", stderr(&run));
    for file in [
        "founding-notice.pdf",
        "sessions/2026-全体会议-notice.pdf",
        "sessions/2026-全体会议-minutes.pdf",
        "filings/2022-03-区发改委-联络员.pdf",
        "roster-2026-11-28.pdf",
    ] {
        let pdf = out.path().join(file);
        assert_eq!(pdfa_id(&pdf).as_deref(), Some("1B"), "{file}");
        assert_eq!(preflight_errors(&pdf), Vec::<String>::new(), "{file}");
    }
}

#[test]
fn no_pdfa_exports_minutes_as_plain_pdf_and_a_bad_level_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let run = lianxi_build(&example_dir(), out.path(), &["--no-pdfa"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        pdfa_id(&out.path().join("sessions/2026-全体会议-minutes.pdf")),
        None
    );
    let run = lianxi_build(&example_dir(), out.path(), &["--pdfa", "a-9z"]);
    assert!(!run.status.success());
    assert!(
        stderr(&run).contains("可选 a-1b、a-2b、a-2u 或 a-3b"),
        "{}",
        stderr(&run)
    );
}

/// `pdfdetach -list` and the first attached file, saved and read back.
fn attachment(pdf: &Path) -> (String, Option<String>) {
    let list = Command::new("pdfdetach")
        .arg("-list")
        .arg(pdf)
        .output()
        .expect("pdfdetach (poppler-utils) is installed");
    let saved = pdf.with_extension("xml");
    let _ = Command::new("pdfdetach")
        .args(["-save", "1", "-o"])
        .arg(&saved)
        .arg(pdf)
        .output();
    (
        String::from_utf8_lossy(&list.stdout).into_owned(),
        std::fs::read_to_string(saved).ok(),
    )
}

#[test]
fn pdfa_3b_carries_the_archival_record_as_xml() {
    let out = tempfile::tempdir().unwrap();
    let run = lianxi_build(&example_dir(), out.path(), &["--pdfa", "a-3b"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let minutes = out.path().join("sessions/2026-全体会议-minutes.pdf");
    assert_eq!(pdfa_id(&minutes).as_deref(), Some("3B"));
    let (list, xml) = attachment(&minutes);
    assert!(list.contains("档案元数据.xml"), "{list}");
    let xml = xml.expect("the record is attached");
    for element in [
        "<题名>杜集区3岁以下婴幼儿照护服务工作联席会议纪要第1期</题名>",
        "<文件编号>第1期</文件编号>",
        "<责任者>联席会议办公室</责任者>",
        "<日期>20261215</日期>",
        "<文种>纪要</文种>",
        "<保管期限>永久</保管期限>",
    ] {
        assert!(xml.contains(element), "{element} in\n{xml}");
    }
    // Besides what PDF/A-2 permits, PDF/A-3 permits embedded files (1.2.9, 1.4.7).
    let other: Vec<_> = preflight_errors(&minutes)
        .into_iter()
        .filter(|c| !["2.1.6", "7.11.2", "1.2.9", "1.4.7"].contains(&c.as_str()))
        .collect();
    assert!(other.is_empty(), "{other:?}");

    // The default PDF/A-2b minutes carry no file (PDF/A-2 forbids them).
    let plain = tempfile::tempdir().unwrap();
    assert!(
        lianxi_build(&example_dir(), plain.path(), &[])
            .status
            .success()
    );
    let (list, _) = attachment(&plain.path().join("sessions/2026-全体会议-minutes.pdf"));
    assert!(list.contains("0 embedded files"), "{list}");
}
