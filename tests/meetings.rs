//! Meetings: the notice convening the 2026 plenary with its 参会回执, and the minutes — names
//! come from the roster as it stood on the meeting date.

mod common;

use std::path::Path;

use common::*;
use lianxi::checked;
use lianxi::diag::Diagnostic;
use lianxi::typeset::inspect::{Line, PageLayout};

const CELL: f64 = 156.0 / 28.0;
const PT: f64 = 25.4 / 72.0;
const SESSION: &str = "sessions/2026-全体会议.yaml";

fn rendered(dir: &Path, suffix: &str) -> Rendered {
    let meeting = |d: &lianxi::documents::Document| {
        d.name.starts_with("sessions/") && d.name.ends_with(suffix)
    };
    render(documents_of(dir).into_iter().find(meeting).expect(suffix))
}

fn lines(r: &Rendered) -> Vec<Line> {
    r.pages
        .iter()
        .flat_map(PageLayout::lines)
        .filter(|l| l.baseline < 262.5)
        .collect()
}

#[test]
fn the_notice_announces_time_place_people_agenda_and_requirements() {
    let notice = rendered(&example_dir(), "-notice");
    let text = squash(&notice.text());
    for part in [
        "关于召开杜集区3岁以下婴幼儿照护服务工作联席会议2026年全体会议的通知",
        "联席会议各成员单位：",
        "经召集人同意，定于2026年12月10日召开杜集区3岁以下婴幼儿照护服务工作联席会议2026年全体会议。现将有关事项通知如下：",
        "一、会议时间2026年12月10日（星期四）上午9:00，8:40开始签到。",
        "二、会议地点区政府三楼第一会议室。",
        "三、参会人员联席会议召集人刘洋，副召集人冯光明，",
        "四、会议议程1.通报2026年全区3岁以下婴幼儿照护服务工作推进情况（区卫健委）；",
        "五、有关要求1.请各成员单位于2026年12月5日前将参会回执（见附件）报送联席会议办公室。",
        "联系人：何静，联系电话：0561-3057716。",
        "附件：参会回执",
    ] {
        assert!(text.contains(part), "missing: {part}");
    }
    // Page 1 shows body text; the 版记 closes the last, even page.
    assert!(squash(&notice.pages[0].text()).contains("现将有关事项通知如下"));
    assert_eq!(notice.pages.len() % 2, 0);
    assert!(
        notice
            .pages
            .last()
            .unwrap()
            .text()
            .contains("抄送：区政府办公室。")
    );
}

#[test]
fn the_reply_form_is_an_attachment_page_with_a_table_inside_the_type_area() {
    let notice = rendered(&example_dir(), "-notice");
    let page = notice
        .pages
        .iter()
        .find(|p| p.lines().first().is_some_and(|l| l.text() == "附件"))
        .expect("附件 page");
    let l = page.lines();
    assert_eq!(l[1].text(), "参会回执");
    assert!((l[1].baseline - l[0].baseline - 2.0 * 28.95 * PT).abs() < 0.05);
    assert!(squash(&page.text()).contains("单位姓名职务联系电话备注"));
    assert!(squash(&page.text()).contains("请于2026年12月5日前将回执报送联席会议办公室。"));
    let rows = page.rules.iter().filter(|r| r.x1 - r.x0 > 150.0).count();
    assert!(
        rows >= 9,
        "a header and at least eight rows, found {rows} full-width rules"
    );
    for r in &page.rules {
        assert!(
            r.x0 >= 28.0 - r.thickness && r.x1 <= 184.0 + r.thickness,
            "{r:?}"
        );
    }
}

#[test]
fn the_minutes_head_follows_the_jiyao_format() {
    let minutes = rendered(&example_dir(), "-minutes");
    let page = &minutes.pages[0];
    let all = page.lines();
    let mark = &all[0];
    assert_eq!(mark.text(), "杜集区3岁以下婴幼儿照护服务工作联席会议纪要");
    assert!(mark.runs.iter().all(|r| r.rgb == [255, 0, 0]));
    assert!(
        (mark.baseline - 0.88 * mark.size_pt() * PT - 72.0).abs() < 0.5,
        "纪要标志 top 72 mm"
    );
    assert!(((mark.x0() + mark.x1()) / 2.0 - 106.0).abs() < 0.5);
    assert_eq!(all[1].text(), "第1期");
    assert_eq!(all[2].text(), "联席会议办公室2026年12月15日");
    let rule = page
        .rules
        .iter()
        .find(|r| r.rgb == [255, 0, 0])
        .expect("red rule");
    assert!((rule.x1 - rule.x0 - 156.0).abs() < 0.05);
    // No seal on 纪要.
    let images = minutes.typeset.pages.pages().iter().any(|p| {
        p.frame
            .items()
            .any(|(_, i)| matches!(i, typst::layout::FrameItem::Image(..)))
    });
    assert!(!images);
}

#[test]
fn the_minutes_record_the_meeting_from_the_roster_on_its_date() {
    let minutes = rendered(&example_dir(), "-minutes");
    let text = squash(&minutes.text());
    assert!(text.contains(
        "2026年12月10日，联席会议召集人、区政府副区长刘洋在区政府三楼第一会议室主持召开杜集区3岁以下婴幼儿照护服务工作联席会议2026年全体会议。"
    ));
    assert!(text.contains("现将会议议定事项纪要如下："));
    assert!(text.contains("一、关于普惠托育服务扩容。会议要求"));
    assert!(text.contains("（责任单位：区卫健委、区财政局；完成时限：2027年6月30日前）"));
    assert!(text.contains(
        "请假：杜鹏（区税务局副局长，区税务局总经济师李强代）、陆嘉（区消防救援大队指导员）"
    ));
    assert!(
        text.contains("列席：各镇人民政府、街道办事处分管负责同志、区托育综合服务中心负责同志")
    );
    // Present: the 2026 roster (filings applied), not those on leave, not the founding names.
    let present = text
        .split("出席：")
        .nth(1)
        .unwrap()
        .split("请假：")
        .next()
        .unwrap();
    for name in [
        "刘洋（区政府副区长）",
        "王立新（区教育局副局长）",
        "孙丽（区民政局副局长）",
        "何静（区卫健委妇幼健康科科长）",
    ] {
        assert!(present.contains(name), "{name} not present");
    }
    for name in ["杜鹏", "陆嘉", "马晨晨", "周超", "孙惠敏"] {
        assert!(
            !present.contains(name),
            "{name} should not be listed as present"
        );
    }
    assert!(
        squash(&minutes.pages.last().unwrap().text())
            .contains("分送：区委办公室，区政府办公室，联席会议各成员单位。")
    );
}

#[test]
fn attendance_labels_are_heiti_with_names_hanging_after_the_colon() {
    let minutes = rendered(&example_dir(), "-minutes");
    let all = lines(&minutes);
    let start = all
        .iter()
        .position(|l| l.text().starts_with("出席："))
        .unwrap();
    let first = &all[start];
    assert_eq!(first.runs[0].family, "FandolHei");
    assert!((first.x0() - (28.0 + 2.0 * CELL)).abs() < 0.1);
    let name_x = first
        .runs
        .iter()
        .find(|r| r.family == "FandolFang R")
        .unwrap()
        .glyph_x[0];
    assert!((name_x - (28.0 + 5.0 * CELL)).abs() < 0.1);
    let next = &all[start + 1];
    assert!(
        (next.x0() - (28.0 + 5.0 * CELL)).abs() < 0.1,
        "continuation aligned after the colon"
    );
    // One blank line above 出席.
    assert!(
        (first.baseline - all[start - 1].baseline - 2.0 * 28.95 * PT).abs() < 0.05
            || first.baseline < 60.0
    );
}

/// The example with one more filing.
fn with_filing(effective: &str) -> tempfile::TempDir {
    let data = copy_dir(&example_dir());
    let filing = format!(
        "filed_on: {effective}\neffective: {effective}\nunit: 区财政局\nseat: 成员\nleaving:\n  name: 张俊影\ntaking_over:\n  name: 韩冬梅\n  post: 副局长\nreason: 职务调整\nfiled_by: 吴琼\n"
    );
    std::fs::write(data.path().join("filings/x.yaml"), filing).unwrap();
    data
}

#[test]
fn a_filing_before_the_meeting_changes_both_documents_after_it_neither() {
    let before = with_filing("2026-11-20");
    let minutes = squash(&rendered(before.path(), "-minutes").text());
    assert!(minutes.contains("韩冬梅（区财政局副局长）") && !minutes.contains("张俊影"));
    let after = with_filing("2026-12-20");
    let minutes = squash(&rendered(after.path(), "-minutes").text());
    assert!(minutes.contains("张俊影（区财政局副局长）") && !minutes.contains("韩冬梅"));
}

#[test]
fn a_convenor_change_before_the_meeting_renames_the_chair_in_both() {
    let data = with_filing("2026-11-20");
    std::fs::write(
        data.path().join("filings/y.yaml"),
        "filed_on: 2026-11-25\neffective: 2026-11-25\nunit: 区政府\nseat: 召集人\nleaving:\n  name: 刘洋\ntaking_over:\n  name: 周新民\n  post: 副区长\nreason: 工作变动\nfiled_by: 何静\n",
    )
    .unwrap();
    assert!(squash(&rendered(data.path(), "-notice").text()).contains("联席会议召集人周新民"));
    assert!(
        squash(&rendered(data.path(), "-minutes").text())
            .contains("联席会议召集人、区政府副区长周新民在")
    );
}

#[test]
fn long_agenda_no_leave_and_an_entrusted_chair_render() {
    let data = edited_example(SESSION, |t| {
        let agenda: String = (1..=14).map(|i| format!("  - title: 第{i}项议题，听取有关成员单位关于本年度重点任务推进情况和下一步工作打算的汇报\n    presenter: 区卫健委\n")).collect();
        t.replace("chair: 召集人", "chair: 冯光明")
            .replace("agenda:\n", &format!("agenda:\n{agenda}"))
            .replace("  leave:\n    - name: 杜鹏\n      substitute:\n        name: 李强\n        post: 区税务局总经济师\n    - name: 陆嘉\n", "")
    });
    let notice = rendered(data.path(), "-notice");
    let text = squash(&notice.text());
    assert!(
        text.contains("14.第14项议题") && text.contains("18.召集人讲话。"),
        "{text}"
    );
    assert_eq!(notice.pages.len() % 2, 0);
    let minutes = rendered(data.path(), "-minutes");
    let text = squash(&minutes.text());
    assert!(text.contains("受召集人委托，联席会议副召集人、区卫健委主任冯光明在"));
    assert!(!text.contains("请假："));
    assert!(text.contains("杜鹏（区税务局副局长）"));
}

fn session_errors(edit: impl Fn(String) -> String) -> Vec<Diagnostic> {
    let data = edited_example(SESSION, edit);
    match checked::load(data.path()) {
        Ok(_) => panic!("should be refused"),
        Err(f) => f.0,
    }
}

#[test]
fn someone_on_leave_must_be_expected_that_day() {
    let diags = session_errors(|t| t.replace("    - name: 陆嘉", "    - name: 周超"));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0]
            .message
            .contains("周超不在2026年12月10日应参会的人员中"),
        "{}",
        diags[0].message
    );
    assert!(diags[0].position().unwrap().contains("2026-全体会议.yaml:"));
}

#[test]
fn an_unknown_chair_unit_or_time_is_refused() {
    let diags = session_errors(|t| t.replace("chair: 召集人", "chair: 冯光名"));
    assert!(
        diags[0]
            .help
            .as_deref()
            .unwrap()
            .contains("是否想写“冯光明”"),
        "{:?}",
        diags[0]
    );
    let diags =
        session_errors(|t| t.replace("units: [区卫健委, 区财政局]", "units: [区卫健委, 区财正局]"));
    assert!(
        diags[0].message.contains("责任单位“区财正局”不是成员单位"),
        "{}",
        diags[0].message
    );
    let diags = session_errors(|t| t.replace("start: \"09:00\"", "start: \"9点\""));
    assert!(diags[0].message.contains("时间“9点”格式不对"));
}

#[test]
fn minutes_cannot_predate_the_meeting() {
    let diags = session_errors(|t| t.replace("  date: 2026-12-15", "  date: 2026-12-01"));
    assert!(
        diags[0].message.contains("纪要日期早于会议日期"),
        "{}",
        diags[0].message
    );
}

#[test]
fn the_office_may_issue_unsealed_to_every_unit_by_name() {
    let data = edited_example(SESSION, |t| {
        t.replace("  issuer: 杜集区卫生健康委员会\n  seal: stamped", "  issuer: 杜集区3岁以下婴幼儿照护服务工作联席会议办公室\n  seal: none\n  recipients_all_units: true")
    });
    let notice = rendered(data.path(), "-notice");
    let text = squash(&notice.text());
    assert!(text.contains("区委编办，区发改委，区教育局，"), "{text}");
    assert!(text.contains("区计划生育协会："));
    // Unsealed: the 署名 sits 右空二字 (GB/T 9704 7.3.5.2) — here the date, being shorter, starts
    // 2 字 right of the 署名's start.
    let all = lines(&notice);
    let date = all.iter().find(|l| l.text() == "2026年11月30日").unwrap();
    let issuer = all
        .iter()
        .rev()
        .find(|l| l.baseline < date.baseline && l.text().ends_with("办公室"))
        .unwrap();
    assert!(
        (issuer.x1() - (184.0 - 2.0 * CELL)).abs() < 0.2,
        "署名 x1 {}",
        issuer.x1()
    );
}

#[test]
fn the_minutes_show_body_text_on_page_1_and_end_on_an_even_page() {
    let minutes = rendered(&example_dir(), "-minutes");
    assert!(squash(&minutes.pages[0].text()).contains("主持召开"));
    assert_eq!(minutes.pages.len() % 2, 0);
    let last = minutes.pages.last().unwrap();
    let bottom = last.rules.iter().map(|r| r.y).fold(0.0, f64::max);
    assert!((bottom - 262.0).abs() < 0.05);
}

// ---------------------------------------------------------------------------------------------
// Meetings of every kind: each with its wording, 纪要 numbered per kind and year.
// ---------------------------------------------------------------------------------------------

const LIAISONS: &str = "sessions/2026-联络员会议.yaml";

#[test]
fn the_office_convenes_a_liaison_meeting_and_its_minutes_are_numbered_on_their_own() {
    let notice = rendered_named(&example_dir(), "sessions/2026-联络员会议-notice");
    let text = squash(&notice.text());
    assert!(
        text.contains("经联席会议办公室研究，定于2026年11月10日召开杜集区3岁以下婴幼儿照护服务工作联席会议2026年联络员会议。"),
        "{text}"
    );
    assert!(text.contains("三、参会人员各成员单位联络员。"), "{text}");
    let minutes = rendered_named(&example_dir(), "sessions/2026-联络员会议-minutes");
    let text = squash(&minutes.text());
    assert!(
        text.starts_with("杜集区3岁以下婴幼儿照护服务工作联席会议联络员会议纪要第1期"),
        "{text}"
    );
    // Chaired by a member for the office: on nobody's behalf.
    assert!(
        text.contains(
            "2026年11月10日，联席会议成员、区卫健委副主任张平丽在区卫健委四楼会议室主持召开"
        ),
        "{text}"
    );
    assert!(!text.contains("受召集人委托"));
    assert!(text.contains("出席：杜知文（区委编办）"), "{text}");
    // The plenary keeps its own 第1期 and its own 标志.
    let plenary = rendered_named(&example_dir(), "sessions/2026-全体会议-minutes");
    assert!(
        squash(&plenary.text()).starts_with("杜集区3岁以下婴幼儿照护服务工作联席会议纪要第1期")
    );
}

#[test]
fn a_second_meeting_of_a_kind_in_the_year_takes_the_next_number() {
    let data = copy_dir(&example_dir());
    let second = std::fs::read_to_string(data.path().join(LIAISONS))
        .unwrap()
        .replace("date: 2026-11-10", "date: 2026-12-22")
        .replace("date: 2026-11-12", "date: 2026-12-23")
        .replace("print_date: 2026-11-12", "print_date: 2026-12-23")
        .replace("reply_deadline: 2026-11-06", "reply_deadline: 2026-12-18")
        .replace("date: 2026-11-03", "date: 2026-12-15")
        .replace("print_date: 2026-11-03", "print_date: 2026-12-15");
    std::fs::write(data.path().join("sessions/2026-联络员会议-2.yaml"), second).unwrap();
    let first = rendered_named(data.path(), "sessions/2026-联络员会议-minutes");
    let later = rendered_named(data.path(), "sessions/2026-联络员会议-2-minutes");
    assert!(squash(&first.text()).contains("联络员会议纪要第1期"));
    assert!(squash(&later.text()).contains("联络员会议纪要第2期"));
    // A number typed in the data wins.
    let data = edited_copy(data.path(), LIAISONS, |t| {
        t.replace(
            "  issuer: 联席会议办公室\n",
            "  number: 〔2026〕5号\n  issuer: 联席会议办公室\n",
        )
    });
    let typed = rendered_named(data.path(), "sessions/2026-联络员会议-minutes");
    assert!(squash(&typed.text()).contains("联络员会议纪要〔2026〕5号"));
}

#[test]
fn a_topical_meeting_is_named_after_its_topic() {
    let data = edited_example(SESSION, |t| {
        t.replace("kind: 全体会议", "kind: 专题会议\ntopic: 托育机构安全监管")
    });
    let notice = rendered(data.path(), "-notice");
    let text = squash(&notice.text());
    assert!(
        text.contains(
            "关于召开杜集区3岁以下婴幼儿照护服务工作联席会议托育机构安全监管专题会议的通知"
        ),
        "{text}"
    );
    assert!(text.contains("经召集人同意"));
    let minutes = rendered(data.path(), "-minutes");
    let text = squash(&minutes.text());
    // Under the council's own 纪要标志, unless the data names a series of its own.
    assert!(
        text.starts_with("杜集区3岁以下婴幼儿照护服务工作联席会议纪要第1期"),
        "{text}"
    );
    assert!(
        text.contains("主持召开杜集区3岁以下婴幼儿照护服务工作联席会议托育机构安全监管专题会议。")
    );
    let data = edited_copy(data.path(), SESSION, |t| {
        t.replace(
            "  number: 第1期\n",
            "  mark: 杜集区3岁以下婴幼儿照护服务工作联席会议专题会议纪要\n",
        )
    });
    let text = squash(&rendered(data.path(), "-minutes").text());
    assert!(
        text.starts_with("杜集区3岁以下婴幼儿照护服务工作联席会议专题会议纪要第1期"),
        "{text}"
    );
}
