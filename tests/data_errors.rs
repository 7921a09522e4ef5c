//! Bad input: each mistake is reported at its file, line and column, in Chinese, with a way out.

mod common;

use common::*;
use lianxi::diag::Diagnostic;
use lianxi::model;

/// Loads a copy of the example with `file` edited by `edit`; returns the diagnostics.
fn errors_after(file: &str, edit: impl Fn(String) -> String) -> Vec<Diagnostic> {
    let data = edited_example(file, edit);
    match model::load(data.path()) {
        Ok(_) => panic!("edited data should not load"),
        Err(f) => f.0,
    }
}

fn one(diags: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(diags.len(), 1, "{diags:#?}");
    &diags[0]
}

/// `file:line:col` of the first occurrence of `needle` in the example's `file` (columns count characters).
fn where_is(file: &str, needle: &str) -> String {
    where_in(&example_dir(), file, needle)
}

/// `file:line:col` moved to column `col`.
fn at_column(position: String, col: usize) -> String {
    format!("{}:{col}", position.rsplit_once(':').unwrap().0)
}

fn position(d: &Diagnostic) -> String {
    let p = d.position().unwrap();
    p.rsplit_once('/')
        .map_or(p.clone(), |(_, tail)| tail.to_string())
}

#[test]
fn unknown_field_suggests_the_nearest() {
    let diags = errors_after("roster.yaml", |t| {
        t.replacen(
            "role: 召集人, name: 马晨晨",
            "role: 召集人, nmae: 马晨晨",
            1,
        )
    });
    let d = one(&diags);
    assert_eq!(position(d), where_is("roster.yaml", "name: 马晨晨"));
    assert!(d.message.contains("未知字段 `nmae`"));
    assert!(d.help.as_deref().unwrap().contains("是否想写 `name`"));
}

#[test]
fn impossible_date_says_why() {
    let diags = errors_after("founding-notice.yaml", |t| {
        t.replace("date: 2021-07-21", "date: 2021-02-30")
    });
    let d = one(&diags);
    assert!(d.message.contains("2021年2月只有28天"), "{}", d.message);
    assert_eq!(
        position(d),
        at_column(where_is("founding-notice.yaml", "date: 2021-07-21"), 7)
    );
}

#[test]
fn missing_field_is_named() {
    let diags = errors_after("founding-notice.yaml", |t| {
        t.replace("doc_number: 杜政办〔2021〕11号\n", "")
    });
    let d = one(&diags);
    assert!(
        d.message.contains("缺少必填字段 `doc_number`"),
        "{}",
        d.message
    );
    // A field missing from the file itself is reported at the file's first field.
    assert_eq!(position(d), where_is("founding-notice.yaml", "masthead:"));
}

#[test]
fn unknown_unit_points_at_the_reference_and_suggests_a_unit() {
    let diags = errors_after("roster.yaml", |t| {
        t.replace(
            "{ name: 刘刚, unit: 区教育局 }",
            "{ name: 刘刚, unit: 区教肓局 }",
        )
    });
    let d = one(&diags);
    assert!(
        d.message.contains("“区教肓局”不是成员单位"),
        "{}",
        d.message
    );
    assert!(d.help.as_deref().unwrap().contains("是否想写“区教育局”"));
    assert_eq!(position(d), where_is("roster.yaml", "区教育局 }"));
}

#[test]
fn several_mistakes_are_reported_together() {
    let diags = errors_after("roster.yaml", |t| {
        t.replace("unit: 区委编办, post", "unit: 区委边办, post")
            .replace(
                "{ name: 朱旭, unit: 区发改委 }",
                "{ name: 朱旭, unit: 区发该委 }",
            )
    });
    assert_eq!(diags.len(), 2, "{diags:#?}");
}

#[test]
fn a_unit_may_have_only_one_liaison() {
    let diags = errors_after("roster.yaml", |t| {
        t.replace(
            "{ name: 朱旭, unit: 区发改委 }",
            "{ name: 朱旭, unit: 区委编办 }",
        )
    });
    assert!(
        one(&diags).message.contains("已有联络员（杜知文）"),
        "{}",
        diags[0].message
    );
}

#[test]
fn tabs_are_refused_with_a_chinese_hint() {
    let diags = errors_after("council.yaml", |t| {
        t.replace("  name: 联席会议办公室", "\tname: 联席会议办公室")
    });
    let d = one(&diags);
    assert!(d.message.contains("Tab"), "{}", d.message);
    // At the tab itself.
    assert_eq!(
        position(d),
        at_column(where_is("council.yaml", "  name: 联席会议办公室"), 1)
    );
}

#[test]
fn duplicate_keys_are_refused() {
    let diags = errors_after("council.yaml", |t| {
        t.replace(
            "lead_unit: 区卫健委",
            "lead_unit: 区卫健委\nlead_unit: 区卫健委",
        )
    });
    let d = one(&diags);
    assert!(d.message.contains("写了两次"), "{}", d.message);
    let first = where_is("council.yaml", "lead_unit: 区卫健委");
    let (file_line, _) = first.rsplit_once(':').unwrap();
    let (file, line) = file_line.rsplit_once(':').unwrap();
    assert_eq!(
        position(d),
        format!("{file}:{}:1", line.parse::<usize>().unwrap() + 1),
        "the second one"
    );
}

#[test]
fn gbk_files_are_explained() {
    let data = copy_dir(&example_dir());
    // "名称: 区" in GBK.
    std::fs::write(
        data.path().join("council.yaml"),
        [0xC3, 0xFB, 0xB3, 0xC6, b':', b' ', 0xC7, 0xF8],
    )
    .unwrap();
    let diags = model::load(data.path()).unwrap_err().0;
    let d = one(&diags);
    assert!(
        d.message.contains("不是 UTF-8") && d.message.contains("第 1 行"),
        "{}",
        d.message
    );
    assert_eq!(position(d), "council.yaml");
    assert!(d.help.as_deref().unwrap().contains("另存为"));
}

#[test]
fn an_empty_file_is_explained() {
    let data = copy_dir(&example_dir());
    std::fs::write(data.path().join("roster.yaml"), "\n# nothing yet\n").unwrap();
    let diags = model::load(data.path()).unwrap_err().0;
    assert!(one(&diags).message.contains("空"), "{}", diags[0].message);
    assert_eq!(position(&diags[0]), "roster.yaml:1:1");
}

#[test]
fn hidden_direction_characters_are_refused() {
    let diags = errors_after("roster.yaml", |t| {
        t.replace("name: 马晨晨", "name: 马\u{202E}晨晨")
    });
    let d = one(&diags);
    assert!(d.message.contains("U+202E"), "{}", d.message);
    let name = where_is("roster.yaml", "马晨晨");
    let (at, col) = name.rsplit_once(':').unwrap();
    assert_eq!(
        position(d),
        format!("{at}:{}", col.parse::<usize>().unwrap() + 1),
        "points at the character"
    );
}

#[test]
fn private_use_characters_are_refused() {
    // What a 方正 font's extra glyphs leave in text pasted from Word: no standard font prints it.
    let diags = errors_after("roster.yaml", |t| {
        t.replace("name: 马晨晨", "name: 马晨\u{E1A5}晨")
    });
    let d = one(&diags);
    assert!(d.message.contains("私用区字符 U+E1A5"), "{}", d.message);
}

#[test]
fn a_missing_file_is_named() {
    let data = copy_dir(&example_dir());
    std::fs::remove_file(data.path().join("roster.yaml")).unwrap();
    let diags = model::load(data.path()).unwrap_err().0;
    let d = one(&diags);
    assert!(
        d.message.contains("找不到文件") && position(d) == "roster.yaml",
        "{d:?}"
    );
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    let diags = errors_after("council.yaml", |t| {
        t.replace(
            "name: 杜集区3岁以下婴幼儿照护服务工作联席会议",
            "name: \"杜集区联席会议",
        )
    });
    let d = one(&diags);
    assert!(d.message.contains("YAML 格式错误"), "{}", d.message);
    assert!(d.help.as_deref().unwrap().contains("引号是否成对"));
    assert_eq!(
        position(d),
        at_column(where_is("council.yaml", "name: 杜集区3岁以下"), 7)
    );
}

#[test]
fn bad_indentation_is_a_syntax_error_not_a_missing_field() {
    let diags = errors_after("council.yaml", |t| {
        t.replace("  host_unit: 区卫健委", " host_unit: 区卫健委")
    });
    let d = one(&diags);
    assert!(d.message.contains("YAML 格式错误"), "{}", d.message);
    let line = where_is("council.yaml", "  host_unit: 区卫健委");
    let line = line.rsplit_once(':').unwrap().0;
    assert!(
        position(d).starts_with(&format!("{line}:")),
        "{} vs {line}",
        position(d)
    );
}

#[test]
fn a_wrong_type_says_what_was_expected() {
    let diags = errors_after("founding-notice.yaml", |t| {
        let start = t.find("cc:\n").unwrap();
        let end = t[start..].find("\n\n").unwrap() + start;
        format!("{}cc: 区委办公室{}", &t[..start], &t[end..])
    });
    let d = one(&diags);
    assert!(d.message.contains("这里应填一个列表"), "{}", d.message);
    assert_eq!(
        position(d),
        at_column(where_is("founding-notice.yaml", "cc:"), 5)
    );
    let diags = errors_after("roster.yaml", |t| {
        t.replace("date: 2021-07-21", "date: [2021]")
    });
    assert!(
        one(&diags).message.contains("这里应填一段文字"),
        "{}",
        diags[0].message
    );
}

/// Every problem of a file at once, each at its place: unknown fields, missing fields, wrong
/// kinds of value (issue #14).
#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let diags = errors_after("roster.yaml", |t| {
        t.replace(
            "{ name: 徐翠侠, unit: 区委编办, post: 副主任 }",
            "{ name: 徐翠侠, unit: 区委编办, title: 副主任 }",
        )
        .replace(
            "{ name: 武恒, unit: 区发改委, post: 副主任 }",
            "{ name: [武恒], unit: 区发改委, post: 副主任 }",
        )
        .replace(
            "{ name: 周超, unit: 区教育局, post: 副局长 }",
            "{ name: 周超, unit: 区教育局, psot: 副局长 }",
        )
        .replace("date: 2021-07-21", "date: 2021/07/21")
    });
    let got: Vec<(String, String)> = diags
        .iter()
        .map(|d| (position(d), d.message.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                at_column(where_is("roster.yaml", "date: 2021-07-21"), 7),
                "日期“2021/07/21”写法不对".to_string()
            ),
            (
                where_is("roster.yaml", "post: 副主任 }"),
                "未知字段 `title`".to_string()
            ),
            (
                at_column(where_is("roster.yaml", "武恒"), 13),
                "这里应填一段文字，不能是列表或多个字段".to_string()
            ),
            (
                where_is("roster.yaml", "post: 副局长 }"),
                "未知字段 `psot`".to_string()
            ),
        ]
    );
    // `title` is what a user calls 职务; `psot` is a typo of `post`.
    assert!(
        diags[1]
            .help
            .as_deref()
            .unwrap()
            .starts_with("是否想写 `post`")
    );
    assert!(
        diags[3]
            .help
            .as_deref()
            .unwrap()
            .starts_with("是否想写 `post`")
    );
}

#[test]
fn an_unknown_field_is_only_matched_with_a_field_it_resembles() {
    let diags = errors_after("roster.yaml", |t| {
        t.replace(
            "{ name: 徐翠侠, unit: 区委编办, post: 副主任 }",
            "{ name: 徐翠侠, unit: 区委编办, post: 副主任, remark: 兼 }",
        )
    });
    let d = one(&diags);
    assert_eq!(d.message, "未知字段 `remark`");
    let help = d.help.as_deref().unwrap();
    assert!(!help.contains("是否想写"), "{help}");
    assert!(
        help.contains("`mobile`（手机）") && help.contains("`post`（职务）"),
        "{help}"
    );
}

#[test]
fn a_missing_field_is_reported_at_its_mappings_key() {
    let diags = errors_after("council.yaml", |t| t.replace("  host_unit: 区卫健委\n", ""));
    let d = one(&diags);
    assert!(
        d.message.starts_with("缺少必填字段 `host_unit`"),
        "{}",
        d.message
    );
    assert_eq!(position(d), where_is("council.yaml", "office:"));
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("在 `office` 下补上一行 `host_unit: …`")
    );
}

#[test]
fn a_missing_field_in_several_list_items_is_reported_for_each() {
    let diags = errors_after("council.yaml", |t| {
        t.replace("  - name: 区发改委\n", "  - \n")
            .replace("  - name: 区民政局\n", "  - \n")
    });
    let missing: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.message.starts_with("缺少必填字段 `name`"))
        .collect();
    assert_eq!(missing.len(), 2, "{diags:#?}");
}

#[test]
fn a_tab_is_reported_at_the_tab() {
    let diags = errors_after("council.yaml", |t| {
        t.replace("  host_unit: 区卫健委", "\thost_unit: 区卫健委")
    });
    let d = one(&diags);
    assert_eq!(d.message, "不能用 Tab 键缩进");
    assert_eq!(
        position(d),
        at_column(where_is("council.yaml", "host_unit: 区卫健委"), 1)
    );
}

#[test]
fn every_tab_of_a_file_is_reported() {
    let diags = errors_after("council.yaml", |t| {
        t.replace("  host_unit: 区卫健委", "\thost_unit: 区卫健委")
            .replace("  name: 联席会议办公室", "\tname: 联席会议办公室")
    });
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert!(diags.iter().all(|d| d.message == "不能用 Tab 键缩进"));
}

#[test]
fn a_full_width_colon_after_a_key_is_reported_at_the_colon() {
    let diags = errors_after("council.yaml", |t| {
        t.replace("  host_unit: 区卫健委", "  host_unit：区卫健委")
    });
    let d = one(&diags);
    assert_eq!(d.message, "字段名 `host_unit` 后用了全角冒号“：”");
    assert_eq!(
        position(d),
        at_column(where_is("council.yaml", "host_unit: 区卫健委"), 12)
    );
    assert!(d.help.as_deref().unwrap().contains("`host_unit: …`"));
}

#[test]
fn a_full_width_space_in_an_indentation_is_reported() {
    let diags = errors_after("council.yaml", |t| {
        t.replace("  host_unit: 区卫健委", "\u{3000}host_unit: 区卫健委")
    });
    let d = one(&diags);
    assert_eq!(d.message, "缩进中有全角空格");
    assert_eq!(
        position(d),
        at_column(where_is("council.yaml", "host_unit: 区卫健委"), 1)
    );
}

#[test]
fn a_full_width_colon_inside_text_is_text() {
    // Block text and values may hold "：" freely: only a colon right after a field name is syntax.
    let data = edited_example("council.yaml", |t| {
        t.replace("  name: 联席会议办公室", "  name: 办公室：联席会议办公室")
    });
    assert!(model::load(data.path()).is_ok());
}

#[test]
fn an_unclosed_quote_is_reported_at_the_quote() {
    let diags = errors_after("council.yaml", |t| {
        t.replace("lead_unit: 区卫健委", "lead_unit: \"区卫健委")
    });
    let d = one(&diags);
    assert_eq!(
        d.message,
        "YAML 格式错误：引号没有成对，一段文字只有开头的引号"
    );
    assert_eq!(
        position(d),
        at_column(where_is("council.yaml", "lead_unit: 区卫健委"), 12)
    );
}
