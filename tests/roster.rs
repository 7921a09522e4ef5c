//! The roster over time: filings replayed on the founding roster, the filing forms, and the
//! reissued roster appendix — checked on the laid-out pages.

mod common;

use common::*;
use lianxi::checked;
use lianxi::diag::Diagnostic;
use lianxi::documents::{self, roster_appendix::RosterLayout};

/// The example's roster appendix as of `date`, laid out, as squashed text.
fn roster_text(date: &str) -> String {
    let checked::Checked { data, history, .. } = checked::load(&example_dir()).unwrap();
    squash(
        &render(documents::roster_appendix(
            &data,
            &history,
            &roster_request(date),
        ))
        .text(),
    )
}

#[test]
fn the_founding_notice_keeps_the_roster_as_founded() {
    let text = squash(&founding_notice_of(&example_dir()).text());
    for name in [
        "召集人：马晨晨区政府副区长",
        "周超区教育局副局长",
        "朱旭区发改委",
        "孙惠敏区卫健委",
    ] {
        assert!(text.contains(name), "{name}");
    }
    for later in ["刘洋", "李晓明", "王立新", "何静"] {
        assert!(!text.contains(later), "{later} joined after the founding");
    }
}

#[test]
fn the_current_roster_applies_every_filing() {
    let text = roster_text("2026-11-28");
    for now in [
        "召集人：刘洋区政府副区长",
        "王立新区教育局副局长",
        "孙丽区民政局副局长",
        "李晓明区发改委",
        "赵敏区民政局",
        "何静区卫健委",
        "俞尧区计划生育协会",
    ] {
        assert!(text.contains(now), "{now} missing");
    }
    for gone in ["马晨晨", "周超", "朱大敏", "朱旭", "周东", "孙惠敏"] {
        assert!(!text.contains(gone), "{gone} left the council");
    }
    assert!(text.contains("（2026年11月更新）"));
}

#[test]
fn a_roster_between_filings_shows_exactly_the_earlier_ones() {
    let text = roster_text("2024-06-01");
    for now in ["刘洋", "王立新", "李晓明", "朱大敏", "周东", "孙惠敏"] {
        assert!(
            text.contains(now),
            "{now} should be on the 2024-06-01 roster"
        );
    }
    for not_yet in ["孙丽", "赵敏", "何静", "马晨晨", "周超", "朱旭"] {
        assert!(
            !text.contains(not_yet),
            "{not_yet} is not on the 2024-06-01 roster"
        );
    }
}

#[test]
fn a_change_counts_from_its_effective_day() {
    assert!(roster_text("2022-02-28").contains("朱旭区发改委"));
    assert!(roster_text("2022-03-01").contains("李晓明区发改委"));
}

#[test]
fn the_appendix_is_an_attachment_page() {
    let checked::Checked { data, history, .. } = checked::load(&example_dir()).unwrap();
    let page = render(documents::roster_appendix(
        &data,
        &history,
        &roster_request("2026-11-28"),
    ));
    let lines = page.pages[0].lines();
    let label = &lines[0];
    assert_eq!(label.text(), "附件");
    assert_eq!(label.runs[0].family, "FandolHei");
    assert!((label.x0() - 28.0).abs() < 0.05 && (label.baseline - 44.24).abs() < 0.2);
    let title = &lines[1];
    assert_eq!((title.size_pt() * 10.0).round(), 220.0);
    assert!(
        (title.baseline - label.baseline - 2.0 * 28.95 * 25.4 / 72.0).abs() < 0.05,
        "title on line 3"
    );
    // The last page is numbered and nothing leaves the type area.
    for p in &page.pages {
        for l in p.lines().iter().filter(|l| l.baseline < 262.0) {
            assert!(l.x0() >= 27.95 && l.x1() <= 184.2, "{}", l.text());
        }
    }
}

#[test]
fn the_table_layout_lists_every_seat_in_rows() {
    let checked::Checked { data, history, .. } = checked::load(&example_dir()).unwrap();
    let mut request = roster_request("2026-11-28");
    request.layout = RosterLayout::Table;
    let page = render(documents::roster_appendix(&data, &history, &request));
    let text = squash(&page.text());
    assert!(text.contains("序号单位姓名职务联系电话"));
    assert!(text.contains("1区政府刘洋副区长"), "{text}");
    assert!(text.contains("2区卫健委冯光明主任"), "{text}");
    assert!(
        text.contains("区民政局孙丽副局长") && text.contains("13805619087"),
        "{text}"
    );
    // A grid line reaches half its stroke past the outer corner.
    for p in &page.pages {
        for r in &p.rules {
            assert!(
                r.x0 >= 28.0 - r.thickness && r.x1 <= 184.0 + r.thickness,
                "table rule outside the type area: {r:?}"
            );
        }
    }
}

#[test]
fn since_lists_the_changes_between_two_dates() {
    let checked::Checked { data, history, .. } = checked::load(&example_dir()).unwrap();
    let mut request = roster_request("2026-11-28");
    request.since = Some(lianxi::model::Date::parse("2024-06-01").unwrap());
    let text = squash(&render(documents::roster_appendix(&data, &history, &request)).text());
    assert!(text.contains("变更说明（2024年6月1日以后）："));
    assert!(
        text.contains("1.区民政局成员：朱大敏→孙丽（2025年6月1日起）"),
        "{text}"
    );
    assert!(text.contains("3.区卫健委联络员：孙惠敏→何静（2026年9月7日起）"));
    assert!(
        !text.contains("刘洋（2024年1月10日起）"),
        "older changes are not listed"
    );
}

#[test]
fn each_filing_gets_a_one_page_form() {
    let docs: Vec<_> = documents_of(&example_dir())
        .into_iter()
        .filter(|d| d.name.starts_with("filings/"))
        .collect();
    assert_eq!(docs.len(), 6);
    let form = render(
        docs.into_iter()
            .find(|d| d.name.contains("2024-01"))
            .unwrap(),
    );
    assert_eq!(form.pages.len(), 1);
    // The √ of a ticked box reads where its box is; the wording is compared without it.
    let text = squash(&form.text()).replace('√', "");
    // Labels that span two rows (调整前, 调整后) sit between them; the rows read in order.
    for field in [
        "调整备案表",
        "填报单位（盖章）区政府",
        "填报日期2024年1月12日",
        "调整类别召集人成员联络员",
        "姓名马晨晨单位及职务区政府副区长调整前联系电话",
        "姓名刘洋单位及职务区政府副区长调整后办公电话手机",
        "调整原因工作变动职务调整其他",
        "单位意见负责人（签字）：（盖章）年月日",
        "备案日期：2024年1月12日",
        "备注区政府领导分工调整。",
    ] {
        assert!(text.contains(field), "{field} not in {text}");
    }
    // One ticked box (调整类别) and one ticked reason: the √ marks.
    assert_eq!(form.text().matches('√').count(), 2);
    let rules = &form.pages[0].rules;
    // A grid line reaches half its stroke past the outer corner.
    for r in rules {
        assert!(
            r.x0 >= 28.0 - r.thickness && r.x1 <= 184.0 + r.thickness,
            "rule outside the type area: {r:?}"
        );
    }
    assert!(
        rules
            .iter()
            .any(|r| (r.x0 - 28.0).abs() < 0.3 && (r.x1 - 184.0).abs() < 0.3),
        "156 mm wide"
    );
}

/// The errors `History::build` reports for the example plus one extra filing.
fn filing_errors(name: &str, yaml: &str) -> Vec<Diagnostic> {
    let data = copy_dir(&example_dir());
    std::fs::create_dir_all(data.path().join("filings")).unwrap();
    for entry in std::fs::read_dir(example_dir().join("filings")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            data.path().join("filings").join(entry.file_name()),
        )
        .unwrap();
    }
    std::fs::write(data.path().join("filings").join(name), yaml).unwrap();
    match checked::load(data.path()) {
        Ok(_) => panic!("the filing should be refused"),
        Err(f) => f.0,
    }
}

fn position(d: &Diagnostic) -> String {
    let p = d.position().unwrap();
    p.rsplit_once("filings/")
        .map_or(p.clone(), |(_, tail)| tail.to_string())
}

const BASE: &str = "filed_on: 2026-10-08\nreason: 工作变动\nfiled_by: 王影\n";

#[test]
fn a_leaver_who_does_not_hold_the_seat_is_refused() {
    let yaml = format!(
        "{BASE}effective: 2026-10-01\nunit: 区税务局\nseat: 成员\nleaving:\n  name: 王影\ntaking_over:\n  name: 张三\n"
    );
    let diags = filing_errors("x.yaml", &yaml);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(position(&diags[0]), "x.yaml:8:9");
    assert!(
        diags[0]
            .message
            .contains("王影在2026年10月1日并不担任区税务局的成员（当时区税务局的成员是杜鹏）"),
        "{}",
        diags[0].message
    );
}

#[test]
fn an_unknown_unit_is_refused_with_a_suggestion() {
    let yaml = format!(
        "{BASE}effective: 2026-10-01\nunit: 区税物局\nseat: 联络员\nleaving:\n  name: 王影\ntaking_over:\n  name: 张三\n"
    );
    let diags = filing_errors("x.yaml", &yaml);
    assert_eq!(position(&diags[0]), "x.yaml:5:7");
    assert!(
        diags[0]
            .help
            .as_deref()
            .unwrap()
            .contains("是否想写“区税务局”")
    );
}

#[test]
fn two_changes_of_one_seat_on_one_day_are_refused() {
    // The example already changes 区卫健委's liaison on 2026-09-07.
    let yaml = format!(
        "{BASE}effective: 2026-09-07\nunit: 区卫健委\nseat: 联络员\nleaving:\n  name: 何静\ntaking_over:\n  name: 张三\n"
    );
    let diags = filing_errors("zz.yaml", &yaml);
    assert_eq!(position(&diags[0]), "zz.yaml:4:12");
    assert!(
        diags[0].message.contains("已有一次调整"),
        "{}",
        diags[0].message
    );
}

#[test]
fn a_change_dated_before_the_founding_is_refused() {
    let yaml = format!(
        "{BASE}effective: 2021-07-01\nunit: 区税务局\nseat: 联络员\nleaving:\n  name: 王影\ntaking_over:\n  name: 张三\n"
    );
    let diags = filing_errors("x.yaml", &yaml);
    assert_eq!(position(&diags[0]), "x.yaml:4:12");
    assert!(
        diags[0]
            .message
            .contains("不在联席会议成立（2021年7月21日）之后")
    );
}

#[test]
fn one_person_in_two_seats_needs_the_data_to_say_so() {
    let yaml = format!(
        "{BASE}effective: 2026-10-01\nunit: 区税务局\nseat: 联络员\nleaving:\n  name: 王影\ntaking_over:\n  name: 杜鹏\n"
    );
    let diags = filing_errors("x.yaml", &yaml);
    assert_eq!(position(&diags[0]), "x.yaml:10:9");
    assert!(
        diags[0]
            .message
            .contains("杜鹏在2026年10月1日已担任区税务局的成员"),
        "{}",
        diags[0].message
    );
    // With concurrent: true the same filing is accepted.
    let data = copy_dir(&example_dir());
    std::fs::create_dir_all(data.path().join("filings")).unwrap();
    std::fs::write(
        data.path().join("filings/x.yaml"),
        format!("{yaml}  concurrent: true\n"),
    )
    .unwrap();
    let history = checked::load(data.path()).unwrap().history;
    assert_eq!(
        history
            .at(lianxi::model::Date::parse("2026-10-02").unwrap())
            .holders(&lianxi::model::filing::SeatKind::Liaison)
            .iter()
            .filter(|h| h.name.as_deref() == Some("杜鹏"))
            .count(),
        1
    );
}

/// What the filer writes of the person leaving (the post held when leaving) is what the form
/// prints; the roster's record fills what the filing leaves out (issue #14: a field a user fills
/// must do something).
#[test]
fn the_form_prints_the_leaving_post_the_filer_wrote() {
    let data = edited_example("filings/2023-02-区教育局-成员.yaml", |t| {
        t.replace(
            "  name: 周超\n  post: 副局长",
            "  name: 周超\n  post: 党组成员、副局长",
        )
    });
    let form = render(
        documents_of(data.path())
            .into_iter()
            .find(|d| d.name.contains("2023-02"))
            .unwrap(),
    );
    let text = squash(&form.text());
    // The value wraps in its cell, so its two lines read around the row's labels.
    assert!(
        text.contains("区教育局党组成") && text.contains("员、副局长调整前"),
        "{text}"
    );
    let unchanged = render(
        documents_of(&example_dir())
            .into_iter()
            .find(|d| d.name.contains("2023-02"))
            .unwrap(),
    );
    assert!(squash(&unchanged.text()).contains("姓名周超单位及职务区教育局副局长"));
}
