//! Numbered copies (份号): one layout, only the six digits change; each copy starts on an odd page.

mod common;

use common::*;
use lianxi::typeset::copies;
use lianxi::typeset::inspect::inspect;

const PT: f64 = 25.4 / 72.0;

#[test]
fn each_copy_starts_on_an_odd_page_with_its_number_top_left() {
    let mut doc = documents_of(&example_dir())
        .into_iter()
        .find(|d| d.name.ends_with("-notice") && d.numbered)
        .unwrap();
    doc.view["copy_number"] = copies::PLACEHOLDER.into();
    let laid_out = render(doc);
    let per_copy = laid_out.pages.len();
    let sets = copies::numbered_copies(&laid_out.typeset.pages, 3).expect("placeholder on page 1");
    let pages: Vec<_> = sets.into_iter().flatten().collect();
    let pages = inspect(&copies::assemble(&laid_out.typeset.pages, pages));
    let per_copy = per_copy + per_copy % 2;
    assert_eq!(pages.len(), 3 * per_copy);
    for k in 0..3 {
        let first = &pages[k * per_copy];
        assert_eq!(
            (k * per_copy) % 2,
            0,
            "copy {} starts on an odd page",
            k + 1
        );
        let number = &first.lines()[0];
        assert_eq!(number.text(), format!("{:06}", k + 1));
        assert!((number.x0() - 28.0).abs() < 0.05, "flush left");
        assert!(
            (number.baseline - (37.0 + (28.95 - 16.0) / 2.0 * PT + 0.88 * 16.0 * PT)).abs() < 0.1,
            "line 1"
        );
        assert_eq!(number.size_pt(), 16.0);
        // Page numbers restart with each copy.
        let footer = first
            .lines()
            .into_iter()
            .find(|l| l.baseline > 262.0)
            .unwrap();
        assert_eq!(footer.text(), "— 1 —");
        // Everything else is the same layout.
        assert_eq!(
            first.text().replace(&format!("{:06}", k + 1), ""),
            pages[0].text().replace("000001", "")
        );
    }
}

#[test]
fn split_writes_one_file_per_copy() {
    let out = tempfile::tempdir().unwrap();
    let run = lianxi_build(&example_dir(), out.path(), &["--copies", "2", "--split"]);
    assert!(run.status.success(), "{}", stderr(&run));
    for name in [
        "founding-notice-000001.pdf",
        "founding-notice-000002.pdf",
        "sessions/2026-全体会议-minutes-000002.pdf",
    ] {
        assert!(out.path().join(name).is_file(), "{name}");
    }
    assert!(
        out.path().join("roster-2026-11-28.pdf").is_file(),
        "documents without 份号 are written once"
    );
    assert!(!out.path().join("founding-notice.pdf").exists());
}
