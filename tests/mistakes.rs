//! A clerk's first draft: many mistakes in several files, all reported in one run, in Chinese.

mod common;

use std::path::Path;

use common::*;

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mistakes")
}

/// `file:line:col` of each reported problem, in the order printed.
fn positions(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .map(|p| {
            let tail = p.split("mistakes/").nth(1).unwrap_or(p);
            tail.to_string()
        })
        .collect()
}

#[test]
fn ten_mistakes_in_three_files_are_reported_in_one_run_in_order() {
    let out = lianxi(&["check", fixture().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let filing = "filings/2026-06-区财政局-联络员.yaml";
    assert_eq!(
        positions(&err),
        [
            "council.yaml:16:1".to_string(),
            "council.yaml:24:14".into(),
            "council.yaml:57:5".into(),
            "council.yaml:60:5".into(),
            "roster.yaml:11:7".into(),
            "roster.yaml:20:29".into(),
            "roster.yaml:21:13".into(),
            format!("{filing}:6:1"),
            format!("{filing}:6:11"),
            format!("{filing}:19:3"),
        ],
        "{err}"
    );
    for message in [
        "未知字段 `leader`",
        "缺少必填字段 `name`",
        "未知字段 `nmae`",
        "日期“2026/01/15”写法不对",
        "未知字段 `title`",
        "缺少必填字段 `unit`",
        "日期“2026-6-3x”写法不对",
        "未知字段 `phone`",
    ] {
        assert!(err.contains(message), "{message} missing in {err}");
    }
    assert!(err.contains("是否想写 `office_phone`"), "{err}");
}

/// Everything a user can see after a mistake is Chinese: no English from the YAML parser or
/// serde. Field names (in backticks) and values the user typed are theirs.
#[test]
fn no_message_carries_the_parsers_english() {
    let skeleton = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/skeleton");
    let edits: Vec<(&str, Box<dyn Fn(String) -> String>)> = vec![
        (
            "council.yaml",
            Box::new(|t| t.replace("sealing:\n  proxy: 区民政局", "sealing: 代章单位")),
        ),
        (
            "council.yaml",
            Box::new(|t| t.replace("lead_unit: 区民政局", "lead_unit: \"区民政局")),
        ),
        (
            "council.yaml",
            Box::new(|t| t.replace("lead_unit: 区民政局", "lead_unit: 区民政局\n  - 多余")),
        ),
        (
            "council.yaml",
            Box::new(|t| format!("---\n{t}\n---\nname: 第二份\n")),
        ),
        (
            "council.yaml",
            Box::new(|t| t.replace("roles: [召集人, 副召集人]", "roles: [召集人, 副召集人")),
        ),
        (
            "council.yaml",
            Box::new(|t| t.replace("lead_unit: 区民政局", "lead_unit: {区民政局")),
        ),
        (
            "roster.yaml",
            Box::new(|t| t.replace("date: 2026-01-15", "date: 2026-02-30")),
        ),
        (
            "roster.yaml",
            Box::new(|t| t.replace("date: 2026-01-15", "date: [2026]")),
        ),
        (
            "roster.yaml",
            Box::new(|t| t.replace("leaders:", "leaders: 张三")),
        ),
        (
            "roster.yaml",
            Box::new(|t| t.replace("leaders:", "leaders: &a\nextra: *a\nleaders2:")),
        ),
        (
            "founding-notice.yaml",
            Box::new(|t| t.replace("seal: stamped", "seal: 盖公章")),
        ),
        (
            "founding-notice.yaml",
            Box::new(|t| t.replace("body:", "body: 正文")),
        ),
        (
            "founding-notice.yaml",
            Box::new(|t| t.replace("body:", "body:\n  - txt: 一段")),
        ),
    ];
    // Words of lianxi's own: the data files' field names and values, and a few terms.
    let mut allowed: std::collections::BTreeSet<String> = [
        "YAML", "Tab", "UTF", "GBK", "ANSI", "WPS", "PNG", "JPG", "SVG", "lianxi", "true", "false",
        "own", "proxy", "none", "stamped", "image",
    ]
    .map(String::from)
    .into();
    for (_, schema) in lianxi::model::schema::schemas() {
        collect_names(&schema, &mut allowed);
    }
    let mut seen = String::new();
    for (file, edit) in &edits {
        let data = edited_copy(&skeleton, file, edit);
        let out = lianxi(&["check", data.path().to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{file}: {}", stderr(&out));
        seen.push_str(&stderr(&out));
    }
    seen.push_str(&stderr(&lianxi(&["check", fixture().to_str().unwrap()])));
    for line in seen.lines() {
        // What the user wrote is quoted with its line (" 7 | …") or in backticks; paths are theirs.
        if line.contains(" | ") || line.trim_start().starts_with("--> ") || line.trim() == "|" {
            continue;
        }
        let mut text = String::new();
        let mut quoted = false;
        for c in line.chars() {
            if c == '`' {
                quoted = !quoted;
            } else if !quoted {
                text.push(c);
            }
        }
        for word in text
            .split_whitespace()
            .filter(|w| !w.contains(".yaml"))
            .flat_map(|w| w.split(|c: char| !c.is_ascii_alphabetic() && c != '_'))
        {
            assert!(
                word.len() < 3 || allowed.contains(word),
                "English word `{word}` in: {line}"
            );
        }
    }
}

/// Every property name and constant of a schema.
fn collect_names(schema: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match schema {
        serde_json::Value::Object(map) => {
            if let Some(props) = map.get("properties").and_then(|p| p.as_object()) {
                out.extend(props.keys().cloned());
            }
            if let Some(c) = map.get("const").and_then(|c| c.as_str()) {
                out.insert(c.to_string());
            }
            map.values().for_each(|v| collect_names(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_names(v, out)),
        _ => {}
    }
}
