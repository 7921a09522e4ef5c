//! Page breaks at every body length: a notice's body is grown one sentence at a time until it
//! has crossed more than a whole page, so that its end (and every heading) passes every line
//! of a page. At each step the signature page carries 正文 (GB/T 9704 7.3.5.5), the 署名 and
//! the date share a page, no heading line ends a page and no person's name is broken.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use lianxi::typeset::inspect::{Line, PageLayout};

/// 19 characters: about two thirds of a line, so the body's end visits every line position.
const SENTENCE: &str = "各成员单位要按时报送本单位工作进展情况。";
/// Enough steps to grow the body by more than a page (22 lines).
const STEPS: usize = 36;

fn skeleton_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/skeleton")
}

/// Body-size lines inside the type area (page numbers and the 4号 版记 left out).
fn body_lines(page: &PageLayout) -> Vec<Line> {
    page.lines()
        .into_iter()
        .filter(|l| l.baseline > 37.0 && l.baseline < 262.0 && (l.size_pt() - 16.0).abs() < 0.5)
        .collect()
}

fn is_heading_line(text: &str) -> bool {
    let level_1 = text
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count()
        > 0
        && text
            .chars()
            .skip_while(|c| "一二三四五六七八九十".contains(*c))
            .next()
            == Some('、');
    let level_2 = text.starts_with('（')
        && text
            .chars()
            .skip(1)
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .count()
            > 0
        && text.contains('）');
    level_1 || level_2
}

/// What must hold of one laid-out notice; `issuer` and `date` are its signature's words, and
/// `names` the people whose names it prints.
fn check(notice: &Rendered, issuer: &str, date: &str, names: &[String], step: &str) -> usize {
    let pages: Vec<Vec<Line>> = notice.pages.iter().map(body_lines).collect();
    let date_page = pages
        .iter()
        .rposition(|lines| lines.iter().any(|l| l.text() == date && l.x0() > 100.0))
        .unwrap_or_else(|| panic!("{step}: no 成文日期 {date}"));
    let lines = &pages[date_page];
    let date_at = lines.iter().position(|l| l.text() == date).unwrap();
    assert!(
        date_at > 0 && lines[date_at - 1].text() == issuer,
        "{step}: the 署名 is not on the date's page {}",
        date_page + 1
    );
    if date_page > 0 {
        let stop = lines
            .iter()
            .position(|l| l.text().starts_with("附件："))
            .unwrap_or(date_at - 1);
        assert!(
            stop >= 2,
            "{step}: page {} holds {stop} line(s) of 正文 above the signature",
            date_page + 1
        );
    }
    let mut body_pages = pages.iter().enumerate().take(date_page);
    for (i, lines) in &mut body_pages {
        if let Some(last) = lines.last() {
            assert!(
                !(is_heading_line(&last.text()) && last.x1() < 184.0 - 2.0 * 5.57),
                "{step}: page {} ends with the heading '{}'",
                i + 1,
                last.text()
            );
        }
    }
    let text: String = pages
        .iter()
        .flatten()
        .map(|l| l.text())
        .collect::<Vec<_>>()
        .join("\n");
    let joined = text.replace('\n', "");
    for name in names {
        assert_eq!(
            text.matches(name.as_str()).count(),
            joined.matches(name.as_str()).count(),
            "{step}: the name {name} is broken across lines"
        );
    }
    date_page
}

/// Every `name:` of the roster of `dir`.
fn person_names(dir: &Path) -> Vec<String> {
    let roster = std::fs::read_to_string(dir.join("roster.yaml")).unwrap();
    roster
        .lines()
        .filter_map(|l| l.trim().strip_prefix("name:"))
        .map(|n| n.trim().trim_matches('"').to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// Grows `anchor` (a text in `file`) by `k` sentences for every k, and checks each build.
fn grow(dir: &Path, file: &str, anchor: &str, document: &str, issuer: &str, date: &str) {
    let names = person_names(dir);
    let mut signature_pages = Vec::new();
    for k in 0..=STEPS {
        let data = if k == 0 {
            copy_dir(dir)
        } else {
            edited_copy(dir, file, |t| {
                t.replacen(anchor, &format!("{anchor}{}", SENTENCE.repeat(k)), 1)
            })
        };
        let notice = rendered_named(data.path(), document);
        let step = format!("{document} +{k} sentences");
        signature_pages.push(check(&notice, issuer, date, &names, &step));
    }
    assert!(
        signature_pages.last().unwrap() > signature_pages.first().unwrap(),
        "the body should have grown over a page: signature pages {signature_pages:?}"
    );
}

#[test]
fn a_founding_notice_keeps_its_signature_with_the_text_at_every_length() {
    grow(
        &skeleton_dir(),
        "founding-notice.yaml",
        "决定建立示例区养老服务工作联席会议制度。",
        "founding-notice",
        "示例区人民政府办公室",
        "2026年1月15日",
    );
}

#[test]
fn a_meeting_notice_keeps_its_signature_with_the_text_at_every_length() {
    grow(
        &example_dir(),
        "sessions/2026-全体会议.yaml",
        "部署2027年重点任务，",
        "sessions/2026-全体会议-notice",
        "杜集区卫生健康委员会",
        "2026年11月30日",
    );
}

#[test]
fn an_unsealed_notice_with_an_attachment_keeps_its_signature_with_the_text() {
    let unsealed = edited_copy(&skeleton_dir(), "founding-notice.yaml", |t| {
        t.replace("seal: stamped", "seal: none")
            .replace("# attachments: [roster]", "attachments: [roster]")
    });
    grow(
        unsealed.path(),
        "founding-notice.yaml",
        "决定建立示例区养老服务工作联席会议制度。",
        "founding-notice",
        "示例区人民政府办公室",
        "2026年1月15日",
    );
}
