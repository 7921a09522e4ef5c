//! Layout cases the example does not exercise: the blank page before the 版记, the unsealed and
//! seal-image signatures, balanced titles, 附注, and characters no font can show.

mod common;

use common::*;
use lianxi::typeset::inspect::PageLayout;

const CELL: f64 = 156.0 / 28.0;
const PT: f64 = 25.4 / 72.0;

fn page_number(page: &PageLayout) -> Option<String> {
    page.lines()
        .into_iter()
        .find(|l| l.baseline > 262.0)
        .map(|l| l.text())
}

fn filler_paragraphs(lines: usize) -> String {
    // Each paragraph is exactly one full line (2 indent + 26 characters).
    format!(
        "#for i in range({lines}) {{ paragraph(\"联席会议成员单位要建立完善本单位相关工作机制积极主动\") }}\n"
    )
}

/// `lines` one-line paragraphs followed by a 版记, laid out.
fn body_then_imprint(lines: usize) -> Vec<PageLayout> {
    render_typst(&format!(
        "#import \"/gbt9704.typ\": *\n#show: official-document\n{}\
         #imprint(\"杜集区人民政府办公室\", \"2021年7月21日印发\", cc: \"区委办公室。\")\n",
        filler_paragraphs(lines)
    ))
}

#[test]
fn imprint_shares_an_even_page_when_it_fits() {
    let pages = body_then_imprint(22 + 5);
    assert_eq!(pages.len(), 2);
    assert_eq!(page_number(&pages[1]).as_deref(), Some("— 2 —"));
}

#[test]
fn imprint_moves_to_the_next_page_from_an_odd_page() {
    let pages = body_then_imprint(5);
    assert_eq!(pages.len(), 2);
    assert!(
        pages[1].text().starts_with("抄送："),
        "page 2 holds only the 版记"
    );
    // No blank page was inserted, so the 版记 page keeps its number (GB/T 9704 7.5).
    assert_eq!(page_number(&pages[1]).as_deref(), Some("— 2 —"));
}

#[test]
fn a_full_even_page_gets_a_blank_page_and_neither_is_numbered() {
    let pages = body_then_imprint(22 + 21);
    assert_eq!(pages.len(), 4);
    assert!(pages[2].runs.is_empty(), "page 3 is blank");
    assert!(page_number(&pages[3]).is_none() && page_number(&pages[2]).is_none());
    assert_eq!(page_number(&pages[1]).as_deref(), Some("— 2 —"));
    let last_rule = pages[3].rules.iter().map(|r| r.y).fold(0.0, f64::max);
    assert!((last_rule - 262.0).abs() < 0.05);
}

/// The page with the 成文日期 on it.
fn signature_page(notice: &Rendered) -> &PageLayout {
    notice
        .pages
        .iter()
        .rev()
        .find(|p| p.text().contains("2021年7月21日\n"))
        .unwrap()
}

fn founding_notice_with(edit: impl Fn(String) -> String) -> Rendered {
    founding_notice_of(edited_example("founding-notice.yaml", edit).path())
}

#[test]
fn unsealed_signature_is_set_two_characters_from_the_right() {
    let notice = &founding_notice_with(|t| t.replace("seal: stamped", "seal: none"));
    let page = signature_page(notice);
    let lines = page.lines();
    let date = lines.iter().find(|l| l.text() == "2021年7月21日").unwrap();
    let issuer = lines
        .iter()
        .find(|l| l.text() == "杜集区人民政府办公室" && l.baseline < date.baseline)
        .unwrap();
    // The 署名 (10 字) is longer than the date: 署名 右空二字, date 2 字 right of its start.
    assert!(
        (issuer.x1() - (184.0 - 2.0 * CELL)).abs() < 0.15,
        "署名 x1 {}",
        issuer.x1()
    );
    assert!((date.x0() - issuer.x0() - 2.0 * CELL).abs() < 0.15);
}

#[test]
fn a_seal_image_from_the_data_directory_is_placed_over_the_signature() {
    let data = copy_dir(&example_dir());
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="420" height="420"><circle cx="210" cy="210" r="200" fill="none" stroke="#ff0000" stroke-width="14"/></svg>"##;
    std::fs::write(data.path().join("seal.svg"), svg).unwrap();
    let path = data.path().join("founding-notice.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("seal: stamped", "seal:\n  image: seal.svg");
    std::fs::write(&path, text).unwrap();
    let notice = &founding_notice_of(data.path());
    let page = signature_page(notice);
    let date = page
        .lines()
        .into_iter()
        .find(|l| l.text() == "2021年7月21日")
        .unwrap();
    assert!(
        (date.x1() - (184.0 - 4.0 * CELL)).abs() < 0.1,
        "sealed layout keeps 右空四字"
    );
    let image = notice
        .typeset
        .pages
        .pages()
        .iter()
        .any(|p| p.frame.items().any(|(_, item)| has_image(item)));
    assert!(image, "the seal image is on the page");
}

#[test]
fn a_one_line_title_is_broken_into_balanced_lines() {
    let notice = &founding_notice_with(|t| {
        t.replace(
            "title: |\n  关于建立杜集区3岁以下婴幼儿照护服务工作\n  联席会议制度的通知",
            "title: 关于进一步加强全区婴幼儿照护服务机构安全管理工作的通知",
        )
    });
    let title: Vec<_> = notice.pages[0]
        .lines()
        .into_iter()
        .filter(|l| (l.size_pt() - 22.0).abs() < 0.1)
        .collect();
    assert_eq!(title.len(), 2);
    let (a, b) = (
        title[0].text().chars().count(),
        title[1].text().chars().count(),
    );
    assert!(a.abs_diff(b) <= 2, "balanced lines: {a} and {b} characters");
    for t in &title {
        assert!(((t.x0() + t.x1()) / 2.0 - 106.0).abs() < 0.5);
    }
}

#[test]
fn annotation_follows_the_date_in_parentheses() {
    let notice = &founding_notice_with(|t| {
        t.replace("# 抄送机关", "annotation: 此件公开发布\n\n# 抄送机关")
    });
    let page = notice
        .pages
        .iter()
        .rev()
        .find(|p| p.text().contains("（此件公开发布）"))
        .unwrap();
    let lines = page.lines();
    let date = lines
        .iter()
        .position(|l| l.text() == "2021年7月21日")
        .unwrap();
    let note = &lines[date + 1];
    assert_eq!(note.text(), "（此件公开发布）");
    assert!((note.x0() - (28.0 + 2.0 * CELL)).abs() < 0.1);
    assert!((note.baseline - lines[date].baseline - 28.95 * PT).abs() < 0.05);
}

#[test]
fn a_character_no_font_has_is_reported_not_dropped_silently() {
    let notice = &founding_notice_with(|t| {
        t.replace(
            "issuer: 杜集区人民政府办公室",
            "issuer: 杜集区人民政府办公室\u{2A6A5}",
        )
    });
    let missing = &notice.typeset.missing;
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0].ch, '\u{2A6A5}');
    // The warning names the character, its code point, the document and where it was typed.
    let sources = [&lianxi::diag::SourceFile {
        path: "founding-notice.yaml".into(),
        text: std::sync::Arc::from("issuer: 杜集区人民政府办公室\u{2A6A5}\n"),
    }];
    let warning = missing[0].diagnostic("founding-notice", &sources, false);
    assert!(warning.message.contains("founding-notice 第") && warning.message.contains("U+2A6A5"));
    assert_eq!(warning.position().unwrap(), "founding-notice.yaml:1:19");
    assert!(!warning.is_error() && missing[0].diagnostic("x", &sources, true).is_error());
}

#[test]
fn a_rare_gbk_name_prints_through_the_fallback_font() {
    let notice = &founding_notice_with(|t| {
        t.replace(
            "issuer: 杜集区人民政府办公室",
            "issuer: 杜集区人民政府办公室喆堃",
        )
    });
    assert!(
        notice.typeset.missing.is_empty(),
        "{:?}",
        notice.typeset.missing
    );
    let run = notice
        .pages
        .iter()
        .flat_map(|p| p.runs.iter())
        .find(|r| r.text.contains('堃'))
        .unwrap();
    assert_eq!(run.family, "Lianxi Serif SC");
}

#[test]
fn editing_a_members_name_changes_the_notice() {
    let data = edited_example("roster.yaml", |t| t.replace("name: 徐翠侠", "name: 徐翠霞"));
    let text = squash(&founding_notice_of(data.path()).text());
    assert!(text.contains("徐翠霞区委编办副主任"));
    assert!(!text.contains("徐翠侠"));
}

#[test]
fn a_roster_attachment_follows_the_signature_on_its_own_page() {
    let notice = founding_notice_with(|t| {
        t.replace(
            "# 发文机关署名。",
            "attachments: [roster]\n\n# 发文机关署名。",
        )
    });
    let pages = &notice.pages;
    // 附件说明: one blank line under the body, "附件：" at 2 字, the name at 5 字.
    let (i, note) = pages
        .iter()
        .enumerate()
        .find_map(|(i, p)| {
            p.lines()
                .into_iter()
                .find(|l| l.text().starts_with("附件："))
                .map(|l| (i, l))
        })
        .expect("附件说明");
    assert!((note.x0() - (28.0 + 2.0 * CELL)).abs() < 0.1);
    assert!(
        (note
            .runs
            .iter()
            .find(|r| r.text.contains("杜集区"))
            .unwrap()
            .glyph_x[0]
            - (28.0 + 5.0 * CELL))
            .abs()
            < 0.1
    );
    // The attachment starts a page with "附件" on line 1; the roster is the founding one.
    let first = pages[i + 1..]
        .iter()
        .position(|p| p.lines()[0].text() == "附件")
        .expect("attachment page")
        + i
        + 1;
    let text = squash(&pages[first].text());
    assert!(
        text.starts_with("附件杜集区3岁以下婴幼儿照护服务工作联席会议成员名单召集人：马晨晨"),
        "{text}"
    );
    // Page numbers continue through the attachment; the 版记 stays on the last, even page.
    assert_eq!(
        page_number(&pages[first]),
        Some(format!("— {} —", first + 1))
    );
    assert_eq!(pages.len() % 2, 0);
    assert!(pages.last().unwrap().text().contains("抄送："));
}
