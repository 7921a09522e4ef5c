//! Councils unlike 杜集's: their own role names, seats by post, run-in seats, unit groups, no
//! office — the model accepts them, every document follows them, and contradictions are
//! reported at file:line:col.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use lianxi::diag::Diagnostic;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// The problems loading `dir` after editing `file`.
fn problems(dir: &Path, file: &str, edit: impl Fn(String) -> String) -> Vec<Diagnostic> {
    let data = edited_copy(dir, file, edit);
    match lianxi::checked::load(data.path()) {
        Ok(_) => panic!("edited data should not load"),
        Err(f) => f.0,
    }
}

fn has(diags: &[Diagnostic], message: &str, file_line: &str) {
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains(message)
                && d.position().is_some_and(|p| p.contains(file_line))),
        "no “{message}” at {file_line}: {diags:#?}"
    );
}

#[test]
fn a_role_the_council_does_not_have_is_refused_with_the_roles_it_has() {
    let diags = problems(&example("district-shangcheng-zwgk"), "roster.yaml", |t| {
        t.replace("role: 副组长", "role: 副组长长")
    });
    has(&diags, "“副组长长”不是联席会议的领导职务", "roster.yaml:7:");
    assert!(
        diags[0]
            .help
            .as_deref()
            .unwrap()
            .contains("是否想写“副组长”")
    );
}

#[test]
fn a_seat_is_one_shape() {
    let diags = problems(&example("district-shangcheng-zwgk"), "roster.yaml", |t| {
        t.replace(
            "  - units: [区委组织部, 区委宣传部]",
            "  - unit: 区审计局\n    units: [区委组织部, 区委宣传部]",
        )
    });
    has(
        &diags,
        "一个席位不能同时写 unit 和 units",
        "roster.yaml:11:",
    );
    let diags = problems(&example("district-shangcheng-zwgk"), "roster.yaml", |t| {
        t.replacen("    post: 分管负责人\n", "", 1)
    });
    has(&diags, "几个单位连写的席位没有写 post", "roster.yaml:11:");
}

#[test]
fn a_slot_the_data_cannot_fill_is_an_error_where_it_was_typed() {
    let diags = problems(
        &example("city-yunfu-binzang"),
        "founding-notice.yaml",
        |t| t.replace("{副召集人}担任副召集人", "{副召集任}担任副召集人"),
    );
    has(
        &diags,
        "“{副召集任}”不是可以自动填入的内容",
        "founding-notice.yaml:17:",
    );
    // 广州's council has no office: {办公室所在单位} has nothing to say.
    let diags = problems(
        &example("city-guangzhou-yuecai"),
        "founding-notice.yaml",
        |t| {
            t.replace(
                "  - insert: rules",
                "  - insert: rules\n  - text: 办公室设在{办公室所在单位}。",
            )
        },
    );
    has(&diags, "无从填入：没有写办公室", "founding-notice.yaml:");
}

#[test]
fn a_seat_defined_by_post_needs_no_filing_and_refuses_one() {
    let data = copy_dir(&example("district-shangcheng-zwgk"));
    std::fs::create_dir_all(data.path().join("filings")).unwrap();
    std::fs::write(
        data.path().join("filings/2021-01-区财政局-成员.yaml"),
        "filed_on: 2021-01-04\neffective: 2021-01-04\nunit: 区财政局\nseat: 成员\n\
         taking_over: { name: 周敏, post: 局长 }\nreason: 工作变动\nfiled_by: 陈立\n",
    )
    .unwrap();
    let diags = match lianxi::checked::load(data.path()) {
        Ok(_) => panic!("a filing for a seat by post should be refused"),
        Err(f) => f.0,
    };
    has(&diags, "按职务确定", "2021-01-区财政局-成员.yaml:4:");
}

#[test]
fn run_in_seats_print_as_the_council_writes_them() {
    let notice = founding_notice_of(&example("district-shangcheng-zwgk"));
    let text = squash(&notice.text());
    assert!(text.contains("组长：区政府分管领导副组长：区政府办公室主要负责人和分管负责人"));
    assert!(text.contains("成员：区委组织部、区委宣传部分管负责人；区发改经信局、区教育局、"));
    assert!(text.contains("市生态环境局上城分局、各街道办事处主要负责人。"));
    // No seat prints a blank name column: the post stands where a name would.
    let lines: Vec<String> = notice
        .pages
        .iter()
        .flat_map(|p| p.lines())
        .map(|l| squash(&l.text()))
        .collect();
    assert!(lines.iter().any(|l| l.starts_with("组长：区政府分管领导")));
}

#[test]
fn meetings_of_a_council_by_post_name_who_came_and_print_the_post_for_the_rest() {
    let docs = documents_of(&example("district-shangcheng-zwgk"));
    let minutes = render(
        docs.iter()
            .find(|d| d.name.ends_with("-minutes"))
            .unwrap()
            .clone(),
    );
    let text = squash(&minutes.text());
    // The chair is the 组长 (the council's first role), and the minutes name who sat in it.
    assert!(text.contains("联席会议组长、区政府副区长王建国"), "{text}");
    assert!(text.contains("出席：王建国（区政府副区长）、区政府办公室主要负责人和分管负责人、李红（区委组织部副部长）、区委宣传部分管负责人、区发改经信局、区教育局"));
    assert!(text.contains("周敏（区财政局局长）、区人力社保局、"));
    let notice = render(
        docs.iter()
            .find(|d| d.name.starts_with("sessions/") && d.name.ends_with("-notice"))
            .unwrap()
            .clone(),
    );
    let text = squash(&notice.text());
    assert!(text.contains("经组长同意"));
    assert!(
        text.contains(
            "联席会议组长区政府分管领导，副组长区政府办公室主要负责人和分管负责人，联席会议成员"
        ),
        "{text}"
    );
}

#[test]
fn a_renamed_council_reissues_its_roster_under_the_new_name() {
    let data = copy_dir(&example_dir());
    let council = std::fs::read_to_string(data.path().join("council.yaml")).unwrap();
    std::fs::write(
        data.path().join("council.yaml"),
        council.replacen(
            "\n# 牵头单位",
            "\nrenamed:\n  - { date: 2025-01-01, name: 杜集区托育服务工作联席会议 }\n\n# 牵头单位",
            1,
        ),
    )
    .unwrap();
    let docs = documents_of(data.path());
    let founding = render(
        docs.iter()
            .find(|d| d.name == "founding-notice")
            .unwrap()
            .clone(),
    );
    // Documents dated before the renaming keep the old name.
    assert!(!squash(&founding.text()).contains("杜集区托育服务工作联席会议"));
    let roster = render(
        docs.iter()
            .find(|d| d.name == "rosters/2026-11")
            .unwrap()
            .clone(),
    );
    assert!(squash(&roster.text()).contains("杜集区托育服务工作联席会议成员名单"));
    let minutes = render(
        docs.iter()
            .find(|d| d.name.ends_with("-minutes"))
            .unwrap()
            .clone(),
    );
    assert!(squash(&minutes.text()).contains("杜集区托育服务工作联席会议纪要"));
}

#[test]
fn leader_roles_of_the_council_are_what_filings_change() {
    let data = copy_dir(&example("county-mengzi-kxsz"));
    std::fs::create_dir_all(data.path().join("filings")).unwrap();
    std::fs::write(
        data.path().join("filings/2012-03-总召集人.yaml"),
        "filed_on: 2012-03-01\neffective: 2012-03-01\nunit: 县政府\nseat: 总召集人\n\
         leaving: { name: 付坤林 }\ntaking_over: { name: 李明, post: 县委常委、副县长 }\n\
         reason: 工作变动\nfiled_by: 王芳\n",
    )
    .unwrap();
    let checked = lianxi::checked::load(data.path()).unwrap_or_else(|f| panic!("{f}"));
    let docs = lianxi::documents::all(&checked, None).unwrap();
    let form = render(
        docs.iter()
            .find(|d| d.name.starts_with("filings/"))
            .unwrap()
            .clone(),
    );
    let text = squash(&form.text());
    assert!(text.contains("总召集人"), "{text}");
    assert!(text.contains("付坤林") && text.contains("李明"));
    // A role the council does not have is refused.
    std::fs::write(
        data.path().join("filings/2012-03-总召集人.yaml"),
        "filed_on: 2012-03-01\neffective: 2012-03-01\nunit: 县政府\nseat: 副召集人\n\
         taking_over: { name: 李明 }\nreason: 工作变动\nfiled_by: 王芳\n",
    )
    .unwrap();
    let diags = lianxi::checked::load(data.path())
        .err()
        .expect("no such role")
        .0;
    has(
        &diags,
        "联席会议没有“副召集人”这一职务",
        "2012-03-总召集人.yaml:4:",
    );
}

#[test]
fn a_reissue_in_the_run_in_layout_writes_one_paragraph_per_role() {
    let data = copy_dir(&example("city-guangzhou-yuecai"));
    std::fs::create_dir_all(data.path().join("rosters")).unwrap();
    std::fs::write(
        data.path().join("rosters/2020-01.yaml"),
        "date: 2020-01-02\nlayout: run_in\nnote: ''\n",
    )
    .unwrap();
    let docs = documents_of(data.path());
    let roster = render(
        docs.iter()
            .find(|d| d.name == "rosters/2020-01")
            .unwrap()
            .clone(),
    );
    let text = squash(&roster.text());
    assert!(text.contains("总召集人：市政府副市长黎明。召集人：市政府副秘书长马曙、市人力资源社会保障局局长郭志勇。成员：市委宣传部副部长朱小燚、"), "{text}");
    assert!(!text.contains("更新"), "an empty note prints nothing");
}
