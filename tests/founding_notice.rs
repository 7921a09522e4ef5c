//! The founding notice, rendered from examples/duji through the real compiler: its wording
//! against the seed document, and its geometry against GB/T 9704-2012.

mod common;

use common::*;
use lianxi::typeset::inspect::{Line, PageLayout};

const CELL: f64 = 156.0 / 28.0; // one 字, mm
const PITCH: f64 = 28.95 * 25.4 / 72.0; // one 行, mm
const PT: f64 = 25.4 / 72.0;

fn notice() -> &'static Rendered {
    static N: std::sync::OnceLock<Rendered> = std::sync::OnceLock::new();
    N.get_or_init(|| founding_notice_of(&example_dir()))
}

fn body_lines(page: &PageLayout) -> Vec<Line> {
    page.lines()
        .into_iter()
        .filter(|l| (l.size_pt() - 16.0).abs() < 0.1 && l.baseline < 262.0 && l.baseline > 37.0)
        .collect()
}

#[test]
fn every_line_of_the_seed_appears_in_order() {
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    let lines: Vec<String> = seed.lines().map(squash).filter(|l| !l.is_empty()).collect();
    let text = squash(&notice().text());
    // The seed (a web transcription) lists the 文号 before the issuing organ; on the page the
    // 标志 stands above the 文号, so the head is checked on page 1, the rest strictly in order.
    let head = squash(&notice().pages[0].text());
    assert!(
        head.starts_with("杜集区人民政府办公室文件杜政办〔2021〕11号"),
        "head: {}",
        &head[..60]
    );
    assert_eq!(lines[0], "杜政办〔2021〕11号");
    assert_eq!(lines[1], "杜集区人民政府办公室");
    let mut from = head.find("关于建立").unwrap();
    for line in &lines[2..] {
        match text[from..].find(line.as_str()) {
            Some(at) => from += at + line.len(),
            None => panic!(
                "seed line missing or out of order: {line}\n…after: {}",
                &text[from..][..300.min(text.len() - from)]
            ),
        }
    }
}

#[test]
fn roster_and_liaison_lines_pair_name_with_unit_and_post() {
    let pages = &notice().pages;
    let lines: Vec<String> = pages
        .iter()
        .flat_map(|p| p.lines())
        .map(|l| squash(&l.text()))
        .collect();
    for expected in [
        "召集人：马晨晨区政府副区长",
        "副召集人：冯光明区卫健委主任",
        "成员：徐翠侠区委编办副主任",
        "武恒区发改委副主任",
        "欧阳红林区公安分局副局长",
        "联络员：杜知文区委编办",
        "俞尧区计划生育协会",
    ] {
        assert!(
            lines.iter().any(|l| l == expected),
            "no roster line {expected}"
        );
    }
    // Two-character names carry a full-width space so they align with three-character ones.
    assert!(pages.iter().any(|p| p.text().contains("武\u{3000}恒")));
}

#[test]
fn pages_are_a4_and_the_last_is_even() {
    let pages = &notice().pages;
    for p in pages {
        assert!((p.width - 210.0).abs() < 0.1 && (p.height - 297.0).abs() < 0.1);
    }
    assert_eq!(
        pages.len() % 2,
        0,
        "版记 page must be even, got {} pages",
        pages.len()
    );
}

#[test]
fn full_pages_have_22_lines_on_a_28_95pt_pitch() {
    let pages = &notice().pages;
    let mut full = 0;
    for (i, page) in pages.iter().enumerate().skip(1) {
        let lines = body_lines(page);
        if lines.is_empty()
            || lines[0].baseline > 37.0 + PITCH
            || lines.last().unwrap().baseline < 250.0
        {
            continue;
        }
        full += 1;
        assert_eq!(lines.len(), 22, "page {} has {} lines", i + 1, lines.len());
        assert!(
            (lines[0].baseline - 44.24).abs() < 0.2,
            "first baseline {}",
            lines[0].baseline
        );
        for pair in lines.windows(2) {
            let gap = pair[1].baseline - pair[0].baseline;
            assert!((gap - PITCH).abs() < 0.02, "page {} pitch {gap} mm", i + 1);
        }
    }
    // Pages the keep rules end a line early (a widow, an orphan, a heading kept with its text)
    // hold 21 lines and are not counted here.
    assert!(full >= 2, "expected several full pages, found {full}");
}

#[test]
fn lines_hold_28_characters_within_the_type_area() {
    let mut full_lines = 0;
    for page in &notice().pages {
        for line in body_lines(page) {
            // A 16 pt glyph box is 0.07 mm wider than its 5.571 mm cell, and a line ending in a
            // held-together punctuation pair may reach 0.07 mm further.
            assert!(
                line.x0() > 28.0 - 0.05 && line.x1() < 184.0 + 0.2,
                "outside the type area: {} ({:.2}–{:.2} mm)",
                line.text(),
                line.x0(),
                line.x1()
            );
            let text: Vec<char> = line.text().chars().collect();
            let all_wide = text.iter().all(|c| !c.is_ascii());
            if all_wide && (line.x1() - 184.0).abs() < 0.2 {
                let indent = ((line.x0() - 28.0) / CELL).round() as usize;
                assert!(
                    indent == 0 || indent == 2,
                    "line starts {} cells in: {}",
                    indent,
                    line.text()
                );
                assert!(
                    text.len() + indent <= 28,
                    "more than 28 cells: {}",
                    line.text()
                );
                if text.len() + indent == 28 {
                    full_lines += 1;
                }
            }
        }
    }
    assert!(
        full_lines > 50,
        "only {full_lines} lines of exactly 28 characters"
    );
}

#[test]
fn characters_advance_one_cell() {
    let page = &notice().pages[2];
    let line = body_lines(page)
        .into_iter()
        .find(|l| l.x1() < 170.0 && l.text().chars().count() > 8)
        .unwrap();
    let xs: Vec<f64> = line.runs.iter().flat_map(|r| r.glyph_x.clone()).collect();
    let advances: Vec<f64> = xs.windows(2).map(|w| w[1] - w[0]).collect();
    let typical = advances[advances.len() / 2];
    assert!((typical - CELL).abs() < 0.02, "advance {typical} mm");
}

#[test]
fn head_follows_clause_7_2() {
    let page = &notice().pages[0];
    let lines = page.lines();
    let masthead = lines
        .iter()
        .find(|l| l.runs.iter().all(|r| r.rgb == [255, 0, 0]))
        .expect("red masthead");
    let em_top = masthead.baseline - 0.88 * masthead.size_pt() * PT;
    assert!((em_top - 72.0).abs() < 0.5, "标志 top {em_top}");
    assert!(((masthead.x0() + masthead.x1()) / 2.0 - 106.0).abs() < 0.5);
    assert!(masthead.x1() - masthead.x0() <= 156.0 + 0.05);

    let number = lines
        .iter()
        .find(|l| l.text() == "杜政办〔2021〕11号")
        .expect("文号");
    assert!(
        ((number.x0() + number.x1()) / 2.0 - 106.0).abs() < 0.5,
        "文号 centred"
    );
    let number_top = number.baseline - 0.88 * 16.0 * PT;
    let masthead_bottom = masthead.baseline + 0.12 * masthead.size_pt() * PT;
    assert!(
        (number_top - masthead_bottom - 2.0 * PITCH).abs() < 0.3,
        "two blank lines under the 标志"
    );

    let rule = page
        .rules
        .iter()
        .find(|r| r.rgb == [255, 0, 0])
        .expect("red rule");
    assert!((rule.x0 - 28.0).abs() < 0.05 && (rule.x1 - 184.0).abs() < 0.05);
    let number_bottom = number.baseline + 0.12 * 16.0 * PT;
    assert!(
        (rule.y - number_bottom - 4.0).abs() < 0.1,
        "rule 4 mm under the 文号: {}",
        rule.y - number_bottom
    );

    let title: Vec<&Line> = lines
        .iter()
        .filter(|l| (l.size_pt() - 22.0).abs() < 0.1)
        .collect();
    assert_eq!(title.len(), 2);
    for t in &title {
        assert!(
            ((t.x0() + t.x1()) / 2.0 - 106.0).abs() < 0.5,
            "title line centred"
        );
        assert!(t.runs.iter().all(|r| r.family == "Lianxi Serif SC"));
    }
    let title_top = title[0].baseline - 0.88 * 22.0 * PT;
    assert!(
        (title_top - rule.y - 2.0 * PITCH).abs() < 0.3,
        "two blank lines under the rule"
    );
}

#[test]
fn headings_use_their_fonts() {
    for page in &notice().pages {
        for line in page.lines() {
            let text = line.text();
            let first = &line.runs[0].family;
            if text.starts_with("一、") || text.starts_with("三、") {
                assert_eq!(first, "FandolHei", "{text}");
            }
            if text.starts_with("（一）") || text.starts_with("（十八）") {
                assert_eq!(first, "FandolKai", "{text}");
            }
        }
    }
}

#[test]
fn signature_is_laid_out_for_a_seal() {
    let page = notice().pages.last().unwrap();
    let lines = page.lines();
    let date = lines
        .iter()
        .find(|l| l.text() == "2021年7月21日")
        .expect("成文日期");
    assert!(
        (date.x1() - (184.0 - 4.0 * CELL)).abs() < 0.1,
        "date 右空四字: {}",
        date.x1()
    );
    let issuer = lines
        .iter()
        .find(|l| l.text() == "杜集区人民政府办公室" && l.baseline < date.baseline)
        .unwrap();
    assert!((date.baseline - issuer.baseline - PITCH).abs() < 0.05);
    let centre = |l: &Line| (l.x0() + l.x1()) / 2.0;
    assert!(
        (centre(issuer) - centre(date)).abs() < 0.2,
        "署名 centred over the date"
    );
}

#[test]
fn imprint_sits_on_the_type_area_bottom_of_the_last_page() {
    let page = notice().pages.last().unwrap();
    let mut rules: Vec<_> = page.rules.iter().filter(|r| r.rgb == [0, 0, 0]).collect();
    rules.sort_by(|a, b| a.y.total_cmp(&b.y));
    assert_eq!(rules.len(), 3);
    assert!(
        (rules[2].y - 262.0).abs() < 0.05,
        "last rule at {}",
        rules[2].y
    );
    let widths: Vec<f64> = rules
        .iter()
        .map(|r| (r.thickness * 100.0).round() / 100.0)
        .collect();
    assert_eq!(widths, [0.35, 0.25, 0.35]);
    for r in &rules {
        assert!((r.x0 - 28.0).abs() < 0.05 && (r.x1 - 184.0).abs() < 0.05);
    }
    let lines = page.lines();
    let cc = lines
        .iter()
        .find(|l| l.text().starts_with("抄送："))
        .expect("抄送");
    assert!((cc.x0() - (28.0 + 14.0 * PT)).abs() < 0.1 && (cc.size_pt() - 14.0).abs() < 0.01);
    let printed = lines
        .iter()
        .find(|l| l.text().ends_with("2021年7月21日印发"))
        .expect("印发");
    assert!((printed.x1() - (184.0 - 14.0 * PT)).abs() < 0.1);
    assert!(squash(&page.text()).contains(
        "抄送：区委办公室，区人大常委会办公室，区政协办公室，区监委，区法院、区检察院，区人武部。"
    ));
}

#[test]
fn page_numbers_alternate_sides_below_the_type_area() {
    for (i, page) in notice().pages.iter().enumerate() {
        let n = i + 1;
        let number = page
            .lines()
            .into_iter()
            .find(|l| l.baseline > 262.0)
            .expect("page number");
        assert_eq!(number.text(), format!("— {n} —"));
        assert!((number.size_pt() - 14.0).abs() < 0.01);
        assert_eq!(number.runs[0].family, "FandolSong");
        // The dash (0.30 em above the baseline in FandolSong) on 269 mm.
        assert!((number.baseline - 0.30 * 14.0 * PT - 269.0).abs() < 0.05);
        if n % 2 == 1 {
            assert!(
                (number.x1() - (184.0 - 14.0 * PT)).abs() < 0.1,
                "odd page {n} right: {}",
                number.x1()
            );
        } else {
            assert!(
                (number.x0() - (28.0 + 14.0 * PT)).abs() < 0.1,
                "even page {n} left: {}",
                number.x0()
            );
        }
    }
}

#[test]
fn text_is_black_except_the_masthead() {
    for page in &notice().pages {
        for run in &page.runs {
            if run.rgb != [0, 0, 0] {
                assert_eq!(run.text, "杜集区人民政府办公室文件");
            }
        }
    }
}

#[test]
fn no_character_lacks_a_glyph() {
    assert!(
        notice().typeset.missing.is_empty(),
        "{:?}",
        notice().typeset.missing
    );
    assert!(
        notice().typeset.warnings.is_empty(),
        "{:?}",
        notice().typeset.warnings
    );
}

#[test]
fn numbers_are_never_broken_across_lines() {
    for page in &notice().pages {
        let lines = page.lines();
        for pair in lines.windows(2) {
            let (a, b) = (pair[0].text(), pair[1].text());
            let split = a.ends_with(|c: char| c.is_ascii_digit())
                && b.starts_with(|c: char| c.is_ascii_digit());
            assert!(!split, "a number is split: …{a} / {b}…");
        }
    }
}
