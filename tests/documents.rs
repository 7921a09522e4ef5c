//! General documents (`documents/*.yaml`): every head element at its place, 信函格式, joint
//! issues, 上行文, and attachments of every kind — measured on the laid-out frames.

mod common;

use std::path::Path;

use common::*;
use lianxi::diag::Diagnostic;
use lianxi::model;
use lianxi::typeset::inspect::{Line, PageLayout, Run};

const CELL: f64 = 156.0 / 28.0;
const PT: f64 = 25.4 / 72.0;
/// One line: 28.95 pt.
const PITCH: f64 = 28.95 * PT;

const ADJUSTMENT: &str = "documents/2026-10-调整组成人员的通知.yaml";
const LETTER: &str = "documents/2026-11-核对成员和联络员信息的函.yaml";
const JOINT: &str = "documents/2026-11-托育机构安全检查的联合通知.yaml";
const REPORT: &str = "documents/2026-12-工作情况的报告.yaml";

/// The document made from `file` of `dir`, laid out; with a 份号 placeholder when `numbered`.
fn rendered_from(dir: &Path, file: &str, numbered: bool) -> Rendered {
    let mut doc = document_named(dir, file.trim_end_matches(".yaml"));
    if numbered {
        doc.view["copy_number"] = "000000".into();
    }
    render(doc)
}

fn rendered(file: &str) -> Rendered {
    rendered_from(&example_dir(), file, false)
}

fn near(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

fn is_red(run: &Run) -> bool {
    run.rgb[0] > 200 && run.rgb[1] < 80 && run.rgb[2] < 80
}

/// Top of a run's em box (the templates set em boxes 0.88 em above the baseline).
fn em_top(run: &Run) -> f64 {
    run.baseline - 0.88 * run.size_pt * PT
}

fn em_bottom(run: &Run) -> f64 {
    run.baseline + 0.12 * run.size_pt * PT
}

fn line_with(page: &PageLayout, needle: &str) -> Line {
    page.lines()
        .into_iter()
        .find(|l| squash(&l.text()).contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle} on the page:\n{}", page.text()))
}

/// Where `needle` stands on the page, across runs (marks are set in runs of their own): its
/// first glyph's start and run (baseline, size, family), its last glyph's end.
fn run_with(page: &PageLayout, needle: &str) -> Run {
    let wanted: Vec<char> = needle.chars().collect();
    for line in page.lines() {
        // (character, glyph start, glyph end, run) for every glyph of the line.
        let mut glyphs = Vec::new();
        for run in &line.runs {
            let chars: Vec<char> = run.text.chars().collect();
            for (i, (c, x)) in chars.iter().zip(&run.glyph_x).enumerate() {
                let end = run.glyph_x.get(i + 1).copied().unwrap_or(run.x_end);
                glyphs.push((*c, *x, end, run));
            }
        }
        let found = (0..glyphs.len()).find(|&i| {
            glyphs.len() - i >= wanted.len()
                && glyphs[i..i + wanted.len()]
                    .iter()
                    .zip(&wanted)
                    .all(|(g, c)| g.0 == *c)
        });
        if let Some(i) = found {
            let (_, x0, _, first) = glyphs[i];
            let mut run = first.clone();
            run.text = needle.to_string();
            run.glyph_x = vec![x0];
            run.x_end = glyphs[i + wanted.len() - 1].2;
            return run;
        }
    }
    panic!("no run with {needle}:\n{}", page.text())
}

/// The font family `needle` is set in, wherever it first stands in `r`.
fn family_of(r: &Rendered, needle: &str) -> String {
    let page = r
        .pages
        .iter()
        .find(|p| squash(&p.text()).contains(needle))
        .unwrap_or_else(|| panic!("{needle} is in the document"));
    run_with(page, needle).family
}

/// The one error the data in `dir` gets, which must say `says`.
fn the_error(dir: &Path, says: &str) -> Diagnostic {
    let diags = match model::load(dir) {
        Ok(_) => panic!("the edited data should not load"),
        Err(f) => f.0,
    };
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(diags[0].message.contains(says), "{}", diags[0].message);
    diags.into_iter().next().unwrap()
}

fn position(d: &Diagnostic, dir: &Path) -> String {
    let p = d.position().unwrap();
    p.strip_prefix(&format!("{}/", dir.display()))
        .unwrap_or(&p)
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// 信函格式 (GB/T 9704 10.1)
// ---------------------------------------------------------------------------------------------

#[test]
fn a_letter_has_its_mark_at_30_mm_and_red_double_lines_of_170_mm() {
    let letter = rendered(LETTER);
    let page = &letter.pages[0];
    let mark: Vec<&Run> = page.runs.iter().filter(|r| is_red(r)).collect();
    assert!(!mark.is_empty(), "a red 标志");
    assert_eq!(
        mark.iter().map(|r| r.text.as_str()).collect::<String>(),
        "杜集区卫生健康委员会",
        "a letter's 标志 is the organ's name alone"
    );
    let top = mark.iter().map(|r| em_top(r)).fold(f64::MAX, f64::min);
    let bottom = mark.iter().map(|r| em_bottom(r)).fold(0.0, f64::max);
    assert!(
        near(top, 30.0, 0.3),
        "标志 top {top:.2} mm from the paper top"
    );
    let x0 = mark.iter().map(|r| r.glyph_x[0]).fold(f64::MAX, f64::min);
    let x1 = mark.iter().map(|r| r.x_end).fold(0.0, f64::max);
    assert!(
        near((x0 + x1) / 2.0, 105.0, 0.5),
        "标志 centred: {x0:.2}–{x1:.2}"
    );

    let mut red: Vec<_> = page.rules.iter().filter(|r| r.rgb == [255, 0, 0]).collect();
    red.sort_by(|a, b| a.y.total_cmp(&b.y));
    assert_eq!(red.len(), 4, "two red double lines: {red:?}");
    for rule in &red {
        assert!(
            near(rule.x0, 20.0, 0.1) && near(rule.x1, 190.0, 0.1),
            "{rule:?}"
        );
    }
    let (upper, lower) = (&red[..2], &red[2..]);
    assert!(upper[0].thickness > upper[1].thickness, "上粗下细");
    assert!(lower[0].thickness < lower[1].thickness, "上细下粗");
    assert!(near(upper[0].y - bottom, 4.0, 0.3), "4 mm under the 标志");
    assert!(upper[1].y - upper[0].y < 3.0, "a double line");
    assert!(near(lower[1].y, 277.0, 0.2), "20 mm above the paper bottom");
    assert!(lower[1].y - lower[0].y < 3.0);
    // Only page 1 carries them.
    for p in &letter.pages[1..] {
        assert!(!p.rules.iter().any(|r| r.rgb == [255, 0, 0]));
    }

    // 文号 flush right and 紧急程度 flush left, 7/8 of a 3号 character under the line.
    let number = run_with(page, "杜卫健函〔2026〕41号");
    assert!(near(number.x_end, 184.0, 0.3), "文号 x1 {}", number.x_end);
    let below = em_top(&number) - upper[1].y;
    assert!(
        near(below, 7.0 / 8.0 * 16.0 * PT, 0.3),
        "文号 {below:.2} mm under the line"
    );
    let urgency = run_with(page, "加急");
    assert!(near(urgency.glyph_x[0], 28.0, 0.1));
    assert!(near(urgency.baseline, number.baseline, 0.05));
    // The 一、 heading "核对内容" is 黑体.
    assert_eq!(
        urgency.family,
        family_of(&letter, "核对内容"),
        "紧急程度 in 黑体"
    );
}

#[test]
fn a_letter_has_no_page_number_on_page_1_and_a_version_record_without_printer() {
    let letter = rendered(LETTER);
    let foot = |p: &PageLayout| {
        p.lines()
            .into_iter()
            .filter(|l| l.baseline > 262.0 && l.baseline < 277.0)
            .map(|l| squash(&l.text()))
            .collect::<String>()
    };
    assert_eq!(foot(&letter.pages[0]), "", "no number on page 1");
    assert_eq!(foot(&letter.pages[1]), "—2—");
    let last = letter.pages.last().unwrap();
    let text = squash(&last.text());
    assert!(text.contains("抄送：区政府办公室。"), "{text}");
    assert!(!text.contains("印发"), "a letter's 版记 has no 印发 line");
    // The 抄送 line stands at the foot of the type area.
    let cc = line_with(last, "抄送");
    assert!(
        cc.baseline > 250.0 && cc.baseline < 262.0,
        "{}",
        cc.baseline
    );
}

#[test]
fn a_letter_with_nothing_under_the_line_has_its_title_two_lines_below_it() {
    let data = edited_example(LETTER, |t| {
        t.replace("urgency: 加急\n", "")
            .replace("doc_number: 杜卫健函〔2026〕41号\n", "")
    });
    let letter = rendered_from(data.path(), LETTER, false);
    let page = &letter.pages[0];
    let thin = page
        .rules
        .iter()
        .filter(|r| r.rgb == [255, 0, 0])
        .map(|r| r.y)
        .fold(f64::MAX, f64::min)
        + 1.2;
    let title = run_with(page, "关于核对");
    let gap = em_top(&title) - thin;
    assert!(
        near(gap, 2.0 * PITCH, 0.5),
        "title {gap:.2} mm under the line"
    );
}

// ---------------------------------------------------------------------------------------------
// 版头 of 文件格式: 份号, 密级, 紧急程度, 签发人, joint 标志
// ---------------------------------------------------------------------------------------------

#[test]
fn copy_number_secrecy_and_urgency_stack_top_left_in_heiti() {
    let data = edited_example(ADJUSTMENT, |t| {
        t.replace(
            "kind: 通知\n",
            "kind: 通知\nsecrecy: { level: 机密, term: 1年 }\nurgency: 特急\n",
        )
    });
    let notice = rendered_from(data.path(), ADJUSTMENT, true);
    let page = &notice.pages[0];
    // The 附件 label is 黑体.
    let label = notice
        .pages
        .iter()
        .flat_map(|p| &p.runs)
        .find(|r| r.text == "附件")
        .expect("the 附件 label");
    let heiti = label.family.clone();
    let marks: Vec<Run> = ["000000", "机密★1年", "特急"]
        .iter()
        .map(|m| run_with(page, m))
        .collect();
    for (i, mark) in marks.iter().enumerate() {
        assert!(near(mark.glyph_x[0], 28.0, 0.1), "{} flush left", mark.text);
        assert_eq!(mark.family, heiti, "{} in 黑体", mark.text);
        assert!(near(mark.size_pt, 16.0, 0.01));
        // Lines 1, 2 and 3 of the type area.
        let line_top = 37.0 + i as f64 * PITCH;
        assert!(
            mark.baseline > line_top && mark.baseline < line_top + PITCH,
            "{} on line {}: baseline {:.2}",
            mark.text,
            i + 1,
            mark.baseline
        );
    }
    // The 标志 keeps its place: 35 mm under the type area's top.
    let mark = page.runs.iter().find(|r| is_red(r)).unwrap();
    assert!(near(em_top(mark), 72.0, 0.3));

    // Without a 份号 the 密级 keeps line 2, the 紧急程度 line 3.
    let unnumbered = rendered_from(data.path(), ADJUSTMENT, false);
    let page = &unnumbered.pages[0];
    for (line, mark) in [(1, "机密★1年"), (2, "特急")] {
        let baseline = run_with(page, mark).baseline;
        let top = 37.0 + line as f64 * PITCH;
        assert!(
            baseline > top && baseline < top + PITCH,
            "{mark}: {baseline:.2}"
        );
    }
}

#[test]
fn an_upward_report_puts_the_signer_on_the_number_line() {
    let report = rendered(REPORT);
    let page = &report.pages[0];
    let line = line_with(page, "签发人：冯光明");
    let number = run_with(page, "杜卫健〔2026〕66号");
    assert!(near(number.baseline, line.baseline, 0.05), "one line");
    assert!(
        near(number.glyph_x[0], 28.0 + CELL, 0.2),
        "文号 1 字 from the left"
    );
    assert!(
        near(line.x1(), 184.0 - CELL, 0.2),
        "签发人 1 字 from the right"
    );
    let label = run_with(page, "签发人");
    let name = run_with(page, "冯光明");
    let body = run_with(page, "区人民政府");
    // The heading sentence of a （一） item is 楷体.
    let kaiti = family_of(&report, "健全工作机制");
    assert_ne!(kaiti, body.family);
    assert_eq!(label.family, body.family, "“签发人：” in 仿宋");
    assert_eq!(name.family, kaiti, "the name in 楷体");
    // Two lines under the 标志.
    let mark = page.runs.iter().find(|r| is_red(r)).unwrap();
    let gap = em_top(&number) - em_bottom(mark);
    assert!(near(gap, 2.0 * PITCH, 0.3), "{gap:.2}");
}

#[test]
fn a_joint_report_lists_its_signers_two_a_line_with_the_number_on_the_last() {
    let data = edited_example(REPORT, |t| {
        t.replace(
            "issuer: 杜集区卫生健康委员会\nseal: stamped\n",
            "issuers:\n  - name: 杜集区卫生健康委员会\n  - name: 杜集区教育局\n  - name: 杜集区民政局\n",
        )
        .replace("signers: [冯光明]", "signers: [冯光明, 王立新, 孙丽]")
    });
    let report = rendered_from(data.path(), REPORT, false);
    let page = &report.pages[0];
    let first = line_with(page, "签发人：冯光明");
    let second = line_with(page, "孙丽");
    let number = run_with(page, "杜卫健〔2026〕66号");
    assert!(near(second.baseline - first.baseline, PITCH, 0.1));
    assert!(
        near(number.baseline, second.baseline, 0.05),
        "文号 on the last 签发人 line"
    );
    let first_name = run_with(page, "冯光明");
    let third = run_with(page, "孙丽");
    assert!(
        near(third.glyph_x[0], first_name.glyph_x[0], 0.1),
        "aligned under the first name"
    );
    assert!(near(first.x1(), 184.0 - CELL, 0.2));
}

#[test]
fn a_joint_mark_stacks_the_organs_with_the_suffix_centred_on_their_right() {
    let joint = rendered(JOINT);
    let page = &joint.pages[0];
    let red: Vec<Line> = page
        .lines()
        .into_iter()
        .filter(|l| l.runs.iter().all(is_red))
        .collect();
    let names: Vec<&Line> = red.iter().filter(|l| l.text() != "文件").collect();
    assert_eq!(names.len(), 2, "{red:#?}");
    // Lead organ first, the other under it, both spread to one width.
    assert_eq!(
        squash(&names[0].text()),
        "杜集区卫生健康委员会文件".replace("文件", "")
    );
    assert!(squash(&names[1].text()).starts_with("杜集区教育局"));
    let name_runs = |l: &Line| -> Vec<Run> {
        l.runs
            .iter()
            .filter(|r| r.text != "文件")
            .cloned()
            .collect()
    };
    let (a, b) = (name_runs(names[0]), name_runs(names[1]));
    let x0 = |rs: &[Run]| rs.iter().map(|r| r.glyph_x[0]).fold(f64::MAX, f64::min);
    let x1 = |rs: &[Run]| rs.iter().map(|r| r.x_end).fold(0.0, f64::max);
    assert!(
        near(x0(&a), x0(&b), 0.3) && near(x1(&a), x1(&b), 0.3),
        "one width"
    );
    assert!(
        near(em_top(&a[0]), 72.0, 0.3),
        "top 35 mm under the type area's top"
    );
    let suffix = page
        .runs
        .iter()
        .find(|r| is_red(r) && r.text == "文件")
        .expect("文件");
    assert!(suffix.glyph_x[0] > x1(&a), "文件 right of the names");
    let names_middle = (em_top(&a[0]) + em_bottom(&b[0])) / 2.0;
    let suffix_middle = (em_top(suffix) + em_bottom(suffix)) / 2.0;
    assert!(near(names_middle, suffix_middle, 0.3), "centred vertically");
    let whole = (x0(&a) + suffix.x_end) / 2.0;
    assert!(
        near(whole, 106.0, 0.5),
        "the 标志 centred on the type area: {whole:.2}"
    );
    assert!(
        x0(&a) >= 27.9 && suffix.x_end <= 184.1,
        "inside the type area"
    );
}

#[test]
fn every_organ_of_a_joint_issue_signs_and_the_last_stands_over_the_date() {
    let joint = rendered(JOINT);
    let page = joint
        .pages
        .iter()
        .find(|p| p.text().contains("2026年11月20日"))
        .unwrap();
    let date = line_with(page, "2026年11月20日");
    let names = line_with(page, "杜集区教育局");
    assert!(
        squash(&names.text()).starts_with("杜集区卫生健康委员会"),
        "lead organ first"
    );
    assert!(near(date.baseline - names.baseline, PITCH, 0.1));
    assert!(near(date.x1(), 184.0 - 4.0 * CELL, 0.2), "date 右空四字");
    let last = run_with(page, "杜集区教育局");
    let last_centre = (last.glyph_x[0] + last.x_end) / 2.0;
    assert!(near(last_centre, (date.x0() + date.x1()) / 2.0, 0.5));
    let lead = run_with(page, "杜集区卫生健康委员会");
    assert!(
        lead.x_end + 2.0 * CELL <= last.glyph_x[0],
        "2 字 apart at least"
    );
}

#[test]
fn unsealed_joint_signatures_stack_lead_first_each_two_characters_from_the_right() {
    let data = edited_example(JOINT, |t| t.replace("seal: stamped", "seal: none"));
    let joint = rendered_from(data.path(), JOINT, false);
    let page = joint
        .pages
        .iter()
        .find(|p| p.text().contains("2026年11月20日"))
        .unwrap();
    let lead = line_with(page, "杜集区卫生健康委员会");
    let other = line_with(page, "杜集区教育局");
    let date = line_with(page, "2026年11月20日");
    assert!(near(other.baseline - lead.baseline, PITCH, 0.1));
    assert!(near(date.baseline - other.baseline, PITCH, 0.1));
    for l in [&lead, &other] {
        assert!(
            near(l.x1(), 184.0 - 2.0 * CELL, 0.2),
            "右空二字: {}",
            l.x1()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Attachments
// ---------------------------------------------------------------------------------------------

#[test]
fn a_pdf_attachment_shows_every_page_of_the_file() {
    let joint = rendered(JOINT);
    let with_image: Vec<usize> = joint
        .typeset
        .pages
        .pages()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.frame.items().any(|(_, i)| has_image(i)))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(with_image.len(), 2, "the PDF has two pages");
    assert_eq!(with_image[1], with_image[0] + 1);
    let head = squash(&joint.pages[with_image[0]].text());
    assert!(head.starts_with("附件2托育机构安全自查表"), "{head}");
    // Page numbers run on through the attachment.
    let number = format!("—{}—", with_image[1] + 1);
    assert!(squash(&joint.pages[with_image[1]].text()).contains(&number));
    let text = squash(&joint.text());
    assert!(
        text.contains("附件：1.安全专项检查任务分工表2.托育机构安全自查表"),
        "{text}"
    );
}

#[test]
fn a_table_attachment_starts_its_page_with_label_title_and_heads() {
    let joint = rendered(JOINT);
    let page = joint
        .pages
        .iter()
        .find(|p| squash(&p.text()).starts_with("附件1"))
        .expect("附件1");
    let text = squash(&page.text());
    assert!(text.starts_with("附件1安全专项检查任务分工表"), "{text}");
    for cell in ["序号", "检查事项", "牵头单位", "区市场局", "卫生保健检查"] {
        assert!(text.contains(cell), "{cell}");
    }
}

#[test]
fn a_pdf_outside_the_data_directory_is_refused_at_its_line() {
    let outside = tempfile::NamedTempFile::with_suffix(".pdf").unwrap();
    std::fs::copy(
        example_dir().join("附件/托育机构安全自查表.pdf"),
        outside.path(),
    )
    .unwrap();
    for (path, says) in [
        ("../outside.pdf", "路径中不能有“..”"),
        (
            outside.path().to_str().unwrap(),
            "只能使用数据目录内的相对路径",
        ),
        ("附件/没有这个文件.pdf", "找不到这个文件"),
        ("council.yaml", "附件只能是 PDF 文件"),
    ] {
        let data = edited_example(JOINT, |t| t.replace("附件/托育机构安全自查表.pdf", path));
        let d = the_error(data.path(), says);
        assert!(d.help.is_some());
        assert_eq!(
            position(&d, data.path()),
            where_in(data.path(), JOINT, path),
            "{path}"
        );
    }
}

#[test]
fn a_file_that_is_not_a_readable_pdf_is_refused() {
    let data = edited_example(JOINT, |t| {
        t.replace("附件/托育机构安全自查表.pdf", "附件/坏.pdf")
    });
    std::fs::write(data.path().join("附件/坏.pdf"), b"%PDF-1.7 not really").unwrap();
    let d = the_error(data.path(), "不能读取 PDF 文件");
    assert_eq!(
        position(&d, data.path()),
        where_in(data.path(), JOINT, "附件/坏.pdf")
    );
}

#[test]
fn the_adjustment_notice_attaches_the_roster_with_the_changes_since_the_last_issue() {
    let notice = rendered(ADJUSTMENT);
    let text = squash(&notice.text());
    assert!(text.contains("附件：杜集区3岁以下婴幼儿照护服务工作联席会议成员名单"));
    let attachment = notice
        .pages
        .iter()
        .position(|p| squash(&p.text()).starts_with("附件杜集区3岁以下"))
        .expect("the roster attachment starts a page");
    let rest: String = notice.pages[attachment..]
        .iter()
        .map(|p| squash(&p.text()))
        .collect();
    // As of 2026-10-20: the 2026-09 liaison change is in; the list of changes starts at the
    // founding notice, the last time the roster was issued.
    assert!(rest.contains("何静"));
    assert!(!rest.contains("孙惠敏区卫健委"), "the old liaison is gone");
    assert!(rest.contains("变更说明（2021年7月21日以后）："), "{rest}");
    assert!(
        rest.contains("6.区卫健委联络员：孙惠敏→何静（2026年9月7日起）"),
        "{rest}"
    );
}

#[test]
fn the_changes_start_at_the_latest_reissue_before_the_notice() {
    // Dated after rosters/2026-11.yaml (2026-11-28), the notice lists only what changed after
    // that day: nothing, so no 变更说明 — while the roster is still the current one.
    let data = edited_example(ADJUSTMENT, |t| {
        t.replace("date: 2026-10-20", "date: 2027-01-10")
    });
    let notice = rendered_from(data.path(), ADJUSTMENT, false);
    let text = squash(&notice.text());
    assert!(text.contains("何静"));
    assert!(!text.contains("变更说明"), "{text}");
    // `since` given by hand wins.
    let data = edited_example(ADJUSTMENT, |t| {
        t.replace("date: 2026-10-20", "date: 2027-01-10")
            .replace("  - roster: {}", "  - roster: { since: 2025-01-01 }")
    });
    let text = squash(&rendered_from(data.path(), ADJUSTMENT, false).text());
    assert!(text.contains("变更说明（2025年1月1日以后）："), "{text}");
    assert!(
        text.contains("1.区民政局成员：朱大敏→孙丽（2025年6月1日起）"),
        "{text}"
    );
    assert!(!text.contains("马晨晨→刘洋"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// What a general document must say to be made
// ---------------------------------------------------------------------------------------------

#[test]
fn a_report_without_signer_is_refused_at_its_number() {
    let data = edited_example(REPORT, |t| t.replace("signers: [冯光明]\n", ""));
    let d = the_error(data.path(), "须标注签发人");
    assert_eq!(
        position(&d, data.path()),
        where_in(data.path(), REPORT, "杜卫健〔2026〕66号")
    );
}

#[test]
fn a_table_row_of_the_wrong_width_is_refused_at_the_row() {
    let data = edited_example(JOINT, |t| {
        t.replace(
            "[\"2\", 食品安全检查, 区教育局, 区市场局, 12月31日]",
            "[\"2\", 食品安全检查, 区教育局, 12月31日]",
        )
    });
    let d = the_error(data.path(), "这一行有 4 格，但表格有 5 列");
    assert_eq!(
        position(&d, data.path()),
        where_in(data.path(), JOINT, "[\"2\", 食品安全检查")
    );
}

#[test]
fn issuer_and_issuers_together_are_refused() {
    let data = edited_example(JOINT, |t| {
        t.replace("issuers:\n", "issuer: 杜集区卫生健康委员会\nissuers:\n")
    });
    the_error(data.path(), "同时写了 issuer 和 issuers");
}

// ---------------------------------------------------------------------------------------------
// Every body length: the closing keeps 正文 on its page and its 署名 with its date
// ---------------------------------------------------------------------------------------------

/// 19 characters: about two thirds of a line, so the body's end visits every line of a page.
const SENTENCE: &str = "各成员单位要按时报送本单位工作进展情况。";

/// `file` with one more paragraph of `sentences` sentences at the end of its body.
fn grown(file: &str, sentences: usize) -> tempfile::TempDir {
    edited_example(file, |t| {
        t.replacen(
            "\nattachments:",
            &format!("\n  - text: {}\nattachments:", SENTENCE.repeat(sentences)),
            1,
        )
    })
}

/// The closing of `r` (附件说明, names, date) stands on one page below 正文, the names on the
/// line above the date; returns that page's index.
fn closing_holds(r: &Rendered, names: &[&str], date: &str, step: &str) -> usize {
    let at = r
        .pages
        .iter()
        .rposition(|p| p.lines().iter().any(|l| squash(&l.text()) == date))
        .unwrap_or_else(|| panic!("{step}: no date"));
    let lines = r.pages[at].lines();
    let date_line = lines
        .iter()
        .position(|l| squash(&l.text()) == date)
        .unwrap();
    let above = squash(&lines[date_line - 1].text());
    assert!(
        names.iter().all(|n| above.contains(n)),
        "{step}: the 署名 {names:?} is not on the line above the date (page {}): {above}",
        at + 1
    );
    let note = lines
        .iter()
        .position(|l| squash(&l.text()).starts_with("附件："))
        .unwrap_or_else(|| panic!("{step}: the 附件说明 is not on the date's page {}", at + 1));
    assert!(
        note > 0,
        "{step}: page {} has no 正文 above the 附件说明",
        at + 1
    );
    at
}

#[test]
fn a_letters_closing_keeps_to_its_text_at_every_body_length() {
    let mut pages_seen = std::collections::BTreeSet::new();
    for k in 1..=36 {
        let letter = rendered_from(grown(LETTER, k).path(), LETTER, false);
        let step = format!("{k} sentences");
        pages_seen.insert(closing_holds(
            &letter,
            &["杜集区卫生健康委员会"],
            "2026年11月16日",
            &step,
        ));
        // Page 1 alone has the double lines and no number.
        let red = |p: &PageLayout| p.rules.iter().filter(|r| r.rgb == [255, 0, 0]).count();
        assert_eq!(red(&letter.pages[0]), 4, "{step}");
        assert!(letter.pages[1..].iter().all(|p| red(p) == 0), "{step}");
        assert!(!squash(&letter.pages[0].text()).contains("—1—"), "{step}");
        // The 版记 closes an even last page (duplex printing).
        assert_eq!(letter.pages.len() % 2, 0, "{step}");
        assert!(squash(&letter.pages.last().unwrap().text()).contains("抄送：区政府办公室。"));
    }
    assert!(
        pages_seen.len() >= 2,
        "the closing moved across pages: {pages_seen:?}"
    );
}

#[test]
fn a_joint_closing_keeps_to_its_text_at_every_body_length() {
    let mut pages_seen = std::collections::BTreeSet::new();
    for k in 1..=36 {
        let joint = rendered_from(grown(JOINT, k).path(), JOINT, false);
        let step = format!("{k} sentences");
        let names = ["杜集区卫生健康委员会", "杜集区教育局"];
        pages_seen.insert(closing_holds(&joint, &names, "2026年11月20日", &step));
    }
    assert!(
        pages_seen.len() >= 2,
        "the closing moved across pages: {pages_seen:?}"
    );
}

#[test]
fn joint_signatures_of_two_to_four_organs_with_short_and_long_names_stay_apart_and_inside() {
    let organs = [
        "杜集区妇联",
        "杜集区卫生健康委员会",
        "杜集区人力资源和社会保障局",
        "团区委",
    ];
    for count in 2..=4 {
        for rotate in 0..organs.len() {
            let names: Vec<&str> = (0..count)
                .map(|i| organs[(i + rotate) % organs.len()])
                .collect();
            let issuers: String = names.iter().map(|n| format!("  - name: {n}\n")).collect();
            let data = edited_example(JOINT, |t| {
                t.replace(
                    "  - name: 杜集区卫生健康委员会\n    seal: stamped\n  - name: 杜集区教育局\n    seal: stamped\n",
                    &issuers,
                )
            });
            let joint = rendered_from(data.path(), JOINT, false);
            let step = format!("{names:?}");
            // The 标志: every organ's name stacked, inside the type area.
            let red: Vec<&Run> = joint.pages[0].runs.iter().filter(|r| is_red(r)).collect();
            let x0 = red.iter().map(|r| r.glyph_x[0]).fold(f64::MAX, f64::min);
            let x1 = red.iter().map(|r| r.x_end).fold(0.0, f64::max);
            assert!(x0 >= 27.9 && x1 <= 184.1, "{step}: 标志 {x0:.2}–{x1:.2}");
            let baselines: std::collections::BTreeSet<i64> = red
                .iter()
                .filter(|r| r.text != "文件")
                .map(|r| (r.baseline * 10.0) as i64)
                .collect();
            assert_eq!(baselines.len(), count, "{step}: one line per organ");
            // The signatures: each name once, none overlapping another, inside the type area;
            // the last over the date.
            let page = joint
                .pages
                .iter()
                .find(|p| p.text().contains("2026年11月20日"))
                .unwrap();
            let mut boxes: Vec<(f64, f64, f64)> = names
                .iter()
                .map(|n| {
                    let r = run_with(page, n);
                    (r.baseline, r.glyph_x[0], r.x_end)
                })
                .collect();
            for (b, a, z) in &boxes {
                assert!(
                    *a >= 27.9 && *z <= 184.1,
                    "{step}: a name at {a:.2}–{z:.2} on {b:.2}"
                );
            }
            boxes.sort_by(|p, q| p.partial_cmp(q).unwrap());
            for pair in boxes.windows(2) {
                if (pair[0].0 - pair[1].0).abs() < 1.0 {
                    assert!(
                        pair[0].2 + CELL <= pair[1].1,
                        "{step}: names touch: {pair:?}"
                    );
                } else {
                    // Rows far enough apart for two 42 mm seals.
                    assert!(pair[1].0 - pair[0].0 > 42.0, "{step}: rows {pair:?}");
                }
            }
            let date = line_with(page, "2026年11月20日");
            let last = run_with(page, names[count - 1]);
            let centre = (last.glyph_x[0] + last.x_end) / 2.0;
            assert!(near(centre, (date.x0() + date.x1()) / 2.0, 0.5), "{step}");
        }
    }
}

#[test]
fn a_text_attachment_can_carry_the_councils_rules_from_the_data() {
    let data = edited_example(ADJUSTMENT, |t| {
        t.replace(
            "  - roster: {}\n",
            "  - roster: {}\n  - text:\n      title: \"{联席会议}工作规则\"\n      body:\n        - insert: rules\n",
        )
    });
    let notice = rendered_from(data.path(), ADJUSTMENT, false);
    let text = squash(&notice.text());
    assert!(
        text.contains("附件：1.杜集区3岁以下婴幼儿照护服务工作联席会议成员名单2.杜集区3岁以下婴幼儿照护服务工作联席会议工作规则"),
        "{text}"
    );
    let page = notice
        .pages
        .iter()
        .find(|p| squash(&p.text()).starts_with("附件2"))
        .expect("附件2 starts a page");
    let page_text = squash(&page.text());
    assert!(
        page_text.contains("联席会议办公室不刻制印章，因工作需要印发有关文件由区卫健委代章。"),
        "{page_text}"
    );
}

#[test]
fn the_mark_may_print_a_short_name_and_the_signature_the_full_one() {
    let data = edited_example(REPORT, |t| {
        t.replace("seal: stamped\n", "seal: stamped\nmasthead: 杜集区卫健委\n")
    });
    let report = rendered_from(data.path(), REPORT, false);
    let mark: String = report.pages[0]
        .runs
        .iter()
        .filter(|r| is_red(r))
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(mark, "杜集区卫健委文件");
    assert!(squash(&report.text()).contains("杜集区卫生健康委员会2026年12月20日"));
}

#[test]
fn a_founding_notice_issued_as_a_letter_takes_the_letter_format() {
    // 穗府办函〔2019〕89号 founded its council in 信函格式.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/city-guangzhou-yuecai");
    let notice = founding_notice_of(&dir);
    let page = &notice.pages[0];
    let red = page.rules.iter().filter(|r| r.rgb == [255, 0, 0]).count();
    assert_eq!(red, 4, "two red double lines");
    let number = run_with(page, "穗府办函〔2019〕89号");
    assert!(near(number.x_end, 184.0, 0.3), "文号 flush right");
    let mark = page.runs.iter().find(|r| is_red(r)).unwrap();
    assert!(near(em_top(mark), 30.0, 0.3));
    assert!(!squash(&notice.text()).contains("印发"), "no 印发 line");
}
