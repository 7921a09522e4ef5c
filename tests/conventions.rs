//! 公文 conventions: each breach is a warning at its file, line and column with the fix, an empty
//! required value an error; `--strict` makes the warnings errors.

mod common;

use std::path::Path;

use common::*;
use lianxi::checked;
use lianxi::diag::{Diagnostic, Severity};

/// The warnings of a copy of the example with `file` edited by `edit`, and the copy.
fn warnings_after(
    file: &str,
    edit: impl Fn(String) -> String,
) -> (tempfile::TempDir, Vec<Diagnostic>) {
    let data = edited_example(file, edit);
    let checked = checked::load(data.path()).unwrap_or_else(|f| panic!("should load:\n{f}"));
    assert!(
        checked
            .warnings
            .iter()
            .all(|w| w.severity == Severity::Warning)
    );
    (data, checked.warnings)
}

/// The example's own warning: its 抄送 "区法院、区检察院" in one entry, as the real notice has it.
const EXAMPLE_CC: &str = "一项抄送机关中用“、”连写了几个机关";

/// The warnings about `file` only, the example's own left out.
fn about<'a>(diags: &'a [Diagnostic], file: &str) -> Found<'a> {
    Found(
        diags
            .iter()
            .filter(|d| position(d).starts_with(&format!("{file}:")) && d.message != EXAMPLE_CC)
            .collect(),
    )
}

/// Diagnostics that print as one line each when an assertion fails.
struct Found<'a>(Vec<&'a Diagnostic>);

impl<'a> std::ops::Deref for Found<'a> {
    type Target = Vec<&'a Diagnostic>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::fmt::Debug for Found<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for d in &self.0 {
            writeln!(
                f,
                "{} {} [{}] {:?}",
                position(d),
                d.message,
                pointed(d),
                d.help
            )?;
        }
        Ok(())
    }
}

/// `file:line:col` of a diagnostic, the file relative to its data directory.
fn position(d: &Diagnostic) -> String {
    let loc = d.location.as_ref().expect("a located diagnostic");
    let (line, col) = loc.file.line_col(loc.span.start);
    let path = loc.file.path.to_string_lossy().replace('\\', "/");
    let file = ["sessions/", "filings/", "rosters/"]
        .iter()
        .find_map(|dir| path.rfind(dir).map(|at| path[at..].to_string()))
        .unwrap_or_else(|| path.rsplit('/').next().unwrap().to_string());
    format!("{file}:{line}:{col}")
}

/// The characters a diagnostic points at.
fn pointed(d: &Diagnostic) -> &str {
    let loc = d.location.as_ref().unwrap();
    &loc.file.text[loc.span.clone()]
}

/// `file:line:col` of the `nth` (from 0) occurrence of `needle` in `dir/file`, outside comments.
fn where_in(dir: &Path, file: &str, needle: &str, nth: usize) -> String {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let mut seen = 0;
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        for (at, _) in line.match_indices(needle) {
            if seen == nth {
                return format!("{file}:{}:{}", i + 1, line[..at].chars().count() + 1);
            }
            seen += 1;
        }
    }
    panic!("{needle} not in {file}")
}

#[test]
fn doc_number_in_ascii_brackets_with_di_and_a_leading_zero() {
    let file = "founding-notice.yaml";
    let (data, diags) = warnings_after(file, |t| {
        t.replace(
            "doc_number: 杜政办〔2021〕11号",
            "doc_number: 杜政办[2021]第011号",
        )
    });
    let found = about(&diags, file);
    assert_eq!(found.len(), 3, "{found:#?}");
    let dir = data.path();

    assert_eq!(
        found[0].message,
        "发文字号的年份用了“[]”，应当用六角括号“〔〕”"
    );
    assert_eq!(position(found[0]), where_in(dir, file, "[2021]", 0));
    assert_eq!(pointed(found[0]), "[2021]");
    assert!(found[0].help.as_deref().unwrap().contains("改为“〔2021〕”"));

    assert_eq!(found[1].message, "发文字号的序号前不加“第”字");
    assert_eq!(position(found[1]), where_in(dir, file, "第011", 0));
    assert_eq!(pointed(found[1]), "第");
    assert!(
        found[1]
            .help
            .as_deref()
            .unwrap()
            .contains("写成“杜政办〔2021〕11号”"),
        "{:?}",
        found[1].help
    );

    assert_eq!(found[2].message, "发文字号的序号不编虚位");
    assert_eq!(position(found[2]), where_in(dir, file, "011号", 0));
    assert_eq!(pointed(found[2]), "011");
    assert!(found[2].help.as_deref().unwrap().contains("写成“11”"));
}

#[test]
fn meeting_notice_doc_number_in_full_width_round_brackets_without_hao() {
    let file = "sessions/2026-全体会议.yaml";
    let (data, diags) = warnings_after(file, |t| {
        t.replace(
            "doc_number: 杜卫健〔2026〕58号",
            "doc_number: 杜卫健（2026）58",
        )
    });
    let found = about(&diags, file);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(
        found[0].message,
        "发文字号的年份用了“（）”，应当用六角括号“〔〕”"
    );
    assert_eq!(
        position(found[0]),
        where_in(data.path(), file, "（2026）", 0)
    );
    assert_eq!(found[1].message, "发文字号的序号后要加“号”字");
    let after = where_in(data.path(), file, "（2026）58", 0);
    let (line, col) = after.rsplit_once(':').unwrap();
    let col: usize = col.parse().unwrap();
    assert_eq!(position(found[1]), format!("{line}:{}", col + 8));
    assert!(
        found[1]
            .help
            .as_deref()
            .unwrap()
            .contains("杜卫健（2026）58号")
    );
}

#[test]
fn a_date_typed_in_running_text_is_written_the_chinese_way() {
    let file = "founding-notice.yaml";
    let (data, diags) = warnings_after(file, |t| {
        t.replace(
            "区政府决定建立",
            "区政府于2021-07-21决定建立，自2021年07月起",
        )
    });
    let found = about(&diags, file);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(
        found[0].message,
        "公文中的日期“2021-07-21”要写成“2021年7月21日”"
    );
    assert_eq!(
        position(found[0]),
        where_in(data.path(), file, "2021-07-21决定", 0)
    );
    assert_eq!(pointed(found[0]), "2021-07-21");
    assert_eq!(found[1].message, "日期中的“07月”编了虚位");
    assert_eq!(position(found[1]), where_in(data.path(), file, "07月起", 0));
    assert!(found[1].help.as_deref().unwrap().contains("写成“7月”"));
}

#[test]
fn half_width_punctuation_in_chinese_text_but_not_in_times_numbers_or_addresses() {
    let file = "council.yaml";
    let (data, diags) = warnings_after(file, |t| {
        t.replace(
            "负责做好事业单位性质的托育机构审批登记、规范管理以及登记信息推送工作。",
            "负责做好事业单位性质的托育机构审批登记,规范管理(含信息推送):每日9:00前报送1,000条,见https://www.example.gov.cn/a?b=1,ISO 9001:2015。",
        )
    });
    let found = about(&diags, file);
    let dir = data.path();
    let expected = [
        ("逗号", ",", "，", where_in(dir, file, ",规范", 0)),
        ("左括号", "(", "（", where_in(dir, file, "(含", 0)),
        ("右括号", ")", "）", where_in(dir, file, "):每日", 0)),
        ("冒号", ":", "：", where_in(dir, file, ":每日", 0)),
        ("逗号", ",", "，", where_in(dir, file, ",见", 0)),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (d, (name, half, full, at)) in found.iter().zip(expected) {
        assert_eq!(d.message, format!("中文里用了半角{name}“{half}”"));
        assert_eq!(
            d.help.as_deref(),
            Some(format!("改为全角{name}“{full}”").as_str())
        );
        assert_eq!(position(d), at);
        assert_eq!(pointed(d), half);
    }
}

#[test]
fn ascii_quotes_become_opening_and_closing_chinese_quotes() {
    let file = "council.yaml";
    let (data, diags) = warnings_after(file, |t| {
        t.replace(
            "按照“集中统筹、分级保障”的原则",
            "按照\"集中统筹、分级保障\"的原则",
        )
    });
    let found = about(&diags, file);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].message, "中文里用了半角引号“\"”");
    assert_eq!(found[0].help.as_deref(), Some("改为全角引号““”"));
    assert_eq!(position(found[0]), where_in(data.path(), file, "\"集中", 0));
    assert_eq!(found[1].help.as_deref(), Some("改为全角引号“””"));
    assert_eq!(
        position(found[1]),
        where_in(data.path(), file, "\"的原则", 0)
    );
}

#[test]
fn a_number_typed_before_a_heading_or_an_item_would_print_twice() {
    let file = "founding-notice.yaml";
    let (data, diags) = warnings_after(file, |t| {
        t.replace("  - heading: 主要职责", "  - heading: 一、主要职责")
            .replacen(
                "  - item: |-\n      联席会议各成员单位",
                "  - item: |-\n      (一)联席会议各成员单位",
                1,
            )
    });
    let found = about(&diags, file);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].message, "一级标题会自动编号，这里又写了编号“一、”");
    assert_eq!(
        position(found[0]),
        where_in(data.path(), file, "一、主要职责", 0)
    );
    assert_eq!(pointed(found[0]), "一、");
    let help = found[0].help.as_deref().unwrap();
    assert!(
        help.contains("删除开头的“一、”") && help.contains("“一、一、”"),
        "{help}"
    );

    // "(一)" is one warning, not three: its ASCII brackets are part of the typed number.
    assert_eq!(found[1].message, "二级条目会自动编号，这里又写了编号“(一)”");
    assert_eq!(position(found[1]), where_in(data.path(), file, "(一)", 0));
    assert_eq!(pointed(found[1]), "(一)");
    assert!(found[1].help.as_deref().unwrap().contains("“（一）(一)”"));
}

#[test]
fn agenda_items_are_numbered_too() {
    let file = "sessions/2026-全体会议.yaml";
    let (data, diags) = warnings_after(file, |t| {
        t.replace("  - title: 召集人讲话", "  - title: 4.召集人讲话")
    });
    let found = about(&diags, file);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].message, "会议议程会自动编号，这里又写了编号“4.”");
    assert_eq!(
        position(found[0]),
        where_in(data.path(), file, "4.召集人", 0)
    );
}

#[test]
fn a_bar_in_a_one_line_title_prints_as_it_is() {
    let file = "founding-notice.yaml";
    let (data, diags) = warnings_after(file, |t| {
        t.replace(
            "title: |\n  关于建立杜集区3岁以下婴幼儿照护服务工作\n  联席会议制度的通知\n",
            "title: 关于建立杜集区3岁以下婴幼儿照护服务工作|联席会议制度的通知\n",
        )
    });
    let found = about(&diags, file);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].message, "标题中的“|”会原样印出");
    assert_eq!(position(found[0]), where_in(data.path(), file, "|联席", 0));
    assert!(found[0].help.as_deref().unwrap().contains("title: |"));
}

#[test]
fn the_example_copies_two_organs_in_one_cc_entry() {
    // The real notice prints "区法院、区检察院" as one 抄送 entry; lianxi joins entries with "，".
    let checked = checked::load(&example_dir()).unwrap();
    assert_eq!(
        checked.warnings.len(),
        1,
        "{:?}",
        Found(checked.warnings.iter().collect())
    );
    let d = &checked.warnings[0];
    assert_eq!(d.message, EXAMPLE_CC);
    assert_eq!(
        position(d),
        where_in(&example_dir(), "founding-notice.yaml", "、区检察院", 0)
    );
    let help = d.help.as_deref().unwrap();
    assert!(
        help.contains("“区法院”“区检察院”分别写成一项") && help.contains("  - 区检察院"),
        "{help}"
    );
}

#[test]
fn recipients_joined_by_a_comma_but_not_organs_of_one_kind() {
    let file = "founding-notice.yaml";
    let (data, diags) = warnings_after(file, |t| {
        t.replace("  - 开发区管委会\n", "  - 开发区管委会，区直各单位\n")
    });
    // "区政府各部门、各直属机构" (one kind of organ, 顿号 as usual) is not flagged.
    let found = about(&diags, file);
    let recipients: Vec<_> = found
        .iter()
        .filter(|d| d.message.contains("主送"))
        .collect();
    assert_eq!(recipients.len(), 1, "{found:#?}");
    assert_eq!(recipients[0].message, "一项主送机关中用“，”连写了几个机关");
    assert_eq!(
        position(recipients[0]),
        where_in(data.path(), file, "，区直各单位", 0)
    );
}

#[test]
fn an_empty_required_value_is_an_error() {
    let data = edited_example("founding-notice.yaml", |t| {
        t.replace("issuer: 杜集区人民政府办公室", "issuer: \"\"")
    });
    let council = data.path().join("council.yaml");
    let text = std::fs::read_to_string(&council).unwrap();
    std::fs::write(
        &council,
        text.replace("  - name: 区委编办", "  - name: \"  \""),
    )
    .unwrap();
    let diags = match checked::load(data.path()) {
        Ok(_) => panic!("empty values must not load"),
        Err(f) => f.0,
    };
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
    let unit = errors
        .iter()
        .find(|d| d.message == "成员单位简称是空的")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(
        position(unit),
        where_in(data.path(), "council.yaml", "\"  \"", 0)
    );
    let issuer = errors
        .iter()
        .find(|d| d.message == "发文机关署名是空的")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(
        position(issuer),
        where_in(data.path(), "founding-notice.yaml", "\"\"", 0)
    );
    assert_eq!(pointed(issuer), "\"\"");
    assert!(
        issuer
            .help
            .as_deref()
            .unwrap()
            .starts_with("请填写发文机关署名")
    );
}

#[test]
fn warnings_build_and_strict_refuses_them_all_at_once() {
    // Three warnings in two files: the example's 抄送, and a 文号 and a title bar.
    let data = edited_example("founding-notice.yaml", |t| {
        t.replace(
            "doc_number: 杜政办〔2021〕11号",
            "doc_number: 杜政办[2021]11号",
        )
    });
    let session = data.path().join("sessions/2026-全体会议.yaml");
    let text = std::fs::read_to_string(&session).unwrap();
    std::fs::write(
        &session,
        text.replace(
            "purpose: 为总结",
            "title: 关于召开|全体会议的通知\n  purpose: 为总结",
        ),
    )
    .unwrap();
    let dir = data.path().to_str().unwrap();

    let check = lianxi(&["check", dir]);
    let err = stderr(&check);
    assert!(check.status.success(), "{err}");
    assert_eq!(err.matches("警告: ").count(), 3, "{err}");
    assert!(err.contains("founding-notice.yaml:10:16"), "{err}");

    let strict = lianxi(&["check", dir, "--strict"]);
    let err = stderr(&strict);
    assert_eq!(strict.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("错误: ").count(), 3, "{err}");
    assert!(!err.contains("警告"), "{err}");
    assert!(err.contains("发文字号的年份用了“[]”"), "{err}");
    assert!(err.contains("标题中的“|”会原样印出"), "{err}");
    assert!(err.contains(EXAMPLE_CC), "{err}");

    let out = tempfile::tempdir().unwrap();
    let run = lianxi_build(data.path(), out.path(), &["--strict"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(
        stderr(&run).matches("错误: ").count(),
        3,
        "{}",
        stderr(&run)
    );
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing built"
    );

    let run = lianxi_build(data.path(), out.path(), &[]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    assert_eq!(err.matches("警告: ").count(), 3, "{err}");
    assert!(out.path().join("founding-notice.pdf").is_file());

    let quiet = lianxi(&["check", dir, "--quiet"]);
    assert!(
        quiet.status.success() && stderr(&quiet).is_empty(),
        "{}",
        stderr(&quiet)
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

    /// Whatever is typed, the checks point inside the file and never panic.
    #[test]
    fn any_text_is_checked_without_panicking(
        value in "[\\PC\\n\"'|,:;()（）〔〕\\[\\]一二、0-9号第 ]{0,40}",
        whole in "\\PC{0,60}",
    ) {
        use lianxi::diag::SourceFile;
        use lianxi::model::conventions::{FileKind, check_file};
        let quoted = value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
        for text in [
            format!("doc_number: \"{quoted}\"\ntitle: \"{quoted}\"\ncc: [\"{quoted}\"]\nbody:\n  - heading: \"{quoted}\"\n"),
            format!("title: |\n  {}\n", value.replace('\n', "\n  ")),
            whole.clone(),
        ] {
            let file = SourceFile { path: "x.yaml".into(), text: text.clone().into() };
            for kind in [FileKind::FoundingNotice, FileKind::Session, FileKind::Council] {
                for d in check_file(kind, &file) {
                    let span = d.location.unwrap().span;
                    proptest::prop_assert!(span.start <= span.end && span.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                }
            }
        }
    }
}
