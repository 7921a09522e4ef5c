//! Input that would exhaust a machine is refused with a clear message; large real data works.

mod common;

use common::*;
use lianxi::model;

fn errors_with_council(text: &str) -> Vec<lianxi::diag::Diagnostic> {
    let data = copy_dir(&example_dir());
    std::fs::write(data.path().join("council.yaml"), text).unwrap();
    model::load(data.path()).unwrap_err().0
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut bomb =
        String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for (prev, name) in ('a'..='i').zip('b'..='j') {
        let refs = vec![format!("*{prev}"); 10].join(",");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let diags = errors_with_council(&bomb);
    assert!(
        diags[0].message.contains("文件内容过多"),
        "{}",
        diags[0].message
    );
    assert!(diags[0].position().unwrap().contains("council.yaml:"));
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!("name: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    assert!(
        errors_with_council(&deep)[0]
            .message
            .contains("嵌套层次过深")
    );
    // Block nesting needs its indentation: 500 levels are already 250,000 spaces.
    let deep_map: String = (0..500)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .collect();
    assert!(
        errors_with_council(&deep_map)[0]
            .message
            .contains("嵌套层次过深")
    );
}

#[test]
fn a_100_mb_file_is_refused_without_reading_it() {
    let data = copy_dir(&example_dir());
    let file = std::fs::File::create(data.path().join("council.yaml")).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap(); // sparse: no 100 MB written to disk
    let diags = model::load(data.path()).unwrap_err().0;
    assert!(
        diags[0].message.contains("文件过大（100.0 MB）"),
        "{}",
        diags[0].message
    );
}

#[test]
fn a_roster_of_5000_people_loads_and_lists() {
    let data = copy_dir(&example_dir());
    std::fs::remove_dir_all(data.path().join("filings")).unwrap();
    std::fs::remove_dir_all(data.path().join("sessions")).unwrap();
    let mut council = String::from(
        "name: 大型联席会议\nlead_unit: 单位0\noffice: { name: 办公室, host_unit: 单位0 }\nfunctions: 职责\nrules: 规则\nunits:\n",
    );
    let mut roster = String::from(
        "date: 2021-07-21\nleaders:\n  - { role: 召集人, name: 召集人甲, unit: 区政府, post: 副区长 }\nmembers:\n",
    );
    let mut liaisons = String::from("liaisons:\n");
    for i in 0..2500 {
        council.push_str(&format!("  - {{ name: 单位{i}, duties: 职责{i} }}\n"));
        roster.push_str(&format!(
            "  - {{ name: 成员{i}, unit: 单位{i}, post: 副局长 }}\n"
        ));
        liaisons.push_str(&format!("  - {{ name: 联络员{i}, unit: 单位{i} }}\n"));
    }
    std::fs::write(data.path().join("council.yaml"), council).unwrap();
    std::fs::write(data.path().join("roster.yaml"), roster + &liaisons).unwrap();
    let checked = lianxi::checked::load(data.path()).unwrap_or_else(|f| panic!("{f}"));
    let roster = checked.history.at(as_of());
    assert_eq!(
        roster
            .holders(&lianxi::model::filing::SeatKind::Member)
            .len(),
        2500
    );
    assert_eq!(
        roster
            .holders(&lianxi::model::filing::SeatKind::Liaison)
            .len(),
        2500
    );
    let doc = lianxi::documents::roster_appendix(
        &checked.data,
        &checked.history,
        &roster_request("2026-11-28"),
    );
    let source = lianxi::fill::Filler::new().fill(&doc).unwrap();
    assert!(source.contains("成员4999") || source.contains("联络员2499"));
}
