//! Values from YAML print verbatim and never run as Typst code.

mod common;

use common::*;
use lianxi::fill::escape::typst_literal;
use minijinja::Value;
use proptest::prelude::*;
use typst::syntax::{self, SyntaxKind, SyntaxNode};

fn erroneous(node: &SyntaxNode) -> bool {
    !node.errors_and_warnings().0.is_empty()
}

/// The string a Typst string literal denotes, if `code` is exactly one string literal.
fn parse_string_literal(code: &str) -> Option<String> {
    let root = syntax::parse_code(code);
    if erroneous(&root) {
        return None;
    }
    let exprs: Vec<_> = root
        .children()
        .filter(|n| n.kind() != SyntaxKind::Space)
        .collect();
    match exprs.as_slice() {
        [node] => node.cast::<syntax::ast::Str>().map(|s| s.get().to_string()),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string_round_trips_through_a_typst_literal(s in any::<String>()) {
        let lit = typst_literal(&Value::from(s.clone())).unwrap();
        // Nothing but letters, digits, printable non-ASCII and \u{..} escapes inside the quotes.
        let inner = &lit[1..lit.len() - 1];
        let safe = inner.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '\\' | '{' | '}') || !c.is_ascii());
        prop_assert!(safe, "unsafe character in {}", lit);
        prop_assert_eq!(parse_string_literal(&lit), Some(s));
    }

    #[test]
    fn a_value_in_markup_is_one_string_and_nothing_else(s in any::<String>()) {
        let lit = typst_literal(&Value::from(s)).unwrap();
        let markup = syntax::parse(&format!("前#{lit};后"));
        prop_assert!(!erroneous(&markup));
        let kinds: Vec<SyntaxKind> = markup.children().map(|n| n.kind()).collect();
        prop_assert_eq!(kinds, vec![SyntaxKind::Text, SyntaxKind::Hash, SyntaxKind::Str, SyntaxKind::Semicolon, SyntaxKind::Text]);
    }
}

/// What each document kind must print, verbatim, from `tests/fixtures/canary` — a council whose
/// every free-text field is Typst or Jinja syntax, a path, quotes, emoji or a CJK Extension B
/// character (white space is compared loosely: a newline may print as a line break).
const CANARY: &[(&str, &[&str])] = &[
    (
        "founding-notice",
        &[
            "#read(\"/etc/passwd\")文件",
            "]#panic(\"x\")[〔2021〕1号",
            "$x$ *a*",
            "_a_ @ref <label>",
            "// comment，/* unclosed：",
            "C:\\路径\\ \"引号\"\n= heading",
            "{{ x }}",
            "{% if %}",
            "*a* _a_ @ref <label>\n= heading 主要职责",
            "#set text(red)",
            "#show: none",
            "𠀋😀",
            "{{ x }} {% if %} 职责",
            "// comment /* unclosed 工作规则",
            "联席会议由]#panic(\"x\")[、𠀋😀单位等部门组成",
            "*a*",
            "#let x = 1_a_",
            "@ref",
            "]#panic(\"x\")[<label>",
            "// comment",
            "/* unclosed",
            "$x$",
            "𠀋😀单位C:\\",
            "{{ x }}",
            "{% if %}",
            "\"引号\"",
            "#let y = 2",
            "（#read(\"/etc/passwd\")）",
            "抄送：]#panic(\"x\")[，$x$。",
            "#read(\"/etc/passwd\")联席会议成员名单",
        ],
    ),
    (
        "filings/canary",
        &[
            "#read(\"/etc/passwd\")联席会议成员（联络员）调整备案表",
            "C:\\路径\\ \"引号\" '单引号'",
            "{{ x }}",
            "#read(\"/etc/passwd\")",
            "]#panic(\"x\")[$x$",
            "]#panic(\"x\")[",
            "// comment",
            "/* unclosed",
            "*a*",
            "_a_",
            "@ref <label>\n= heading",
        ],
    ),
    (
        "sessions/canary-notice",
        &[
            "@ref <label>",
            "// comment〔2022〕2号",
            "/* unclosed 通知",
            "C:\\路径\\：",
            "\"引号\" 经召集人同意",
            "#read(\"/etc/passwd\")会议室。",
            "列席人员：]#panic(\"x\")[、{% if %}。",
            "$x$ 议题（*a*）；",
            "_a_ 议题。",
            "= heading\n#set text(red)",
            "联系人：{{ x }}，联系电话：#show: none。",
            "#let z = 3",
            "抄送：𠀋😀。",
            "#read(\"/etc/passwd\")",
        ],
    ),
    (
        "sessions/canary-minutes",
        &[
            "#read(\"/etc/passwd\")联席会议纪要",
            "]#panic(\"x\")[",
            "$x$",
            "*a* _a_ 概况。",
            "一、@ref。<label> 内容",
            "（责任单位：]#panic(\"x\")[；",
            "二、// comment 内容",
            "请假：$x$（𠀋😀单位C:\\，C:\\/* unclosed代）",
            "分送：{{ x }}。",
            "{% if %}",
        ],
    ),
    (
        "roster-2022-06-01",
        &[
            "#read(\"/etc/passwd\")联席会议成员名单",
            "*a*#let x = 1_a_",
            "@ref]#panic(\"x\")[<label>",
            "// comment]#panic(\"x\")[/* unclosed",
            "$x$𠀋😀单位C:\\",
            "#read(\"/etc/passwd\")]#panic(\"x\")[",
            "{% if %}\"引号\"",
        ],
    ),
];

#[test]
fn the_canary_prints_verbatim_through_every_document_kind() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/canary");
    let checked = lianxi::checked::load(&dir).unwrap_or_else(|f| panic!("{f}"));
    let docs = lianxi::documents::all(&checked, Some(&roster_request("2022-06-01"))).unwrap();
    assert_eq!(docs.len(), CANARY.len(), "every document kind is covered");
    for doc in docs {
        let (_, expected) = CANARY
            .iter()
            .find(|(name, _)| *name == doc.name)
            .expect(&doc.name);
        let rendered = render(doc);
        let printed = squash(&rendered.layout_text());
        for s in *expected {
            assert!(
                printed.contains(&squash(s)),
                "{}: not printed verbatim: {s}\n{printed}",
                rendered.doc.name
            );
        }
        // Only the red 标志 above the red rule may be coloured; nothing became math.
        let head = rendered.pages[0]
            .rules
            .iter()
            .filter(|r| r.rgb == [255, 0, 0])
            .map(|r| r.y)
            .fold(0.0, f64::max);
        for (i, page) in rendered.pages.iter().enumerate() {
            for run in &page.runs {
                let red_head = i == 0 && run.baseline < head;
                assert!(
                    run.rgb == [0, 0, 0] || red_head,
                    "{}: unexpected colour on {}",
                    rendered.doc.name,
                    run.text
                );
                assert!(!run.family.contains("Math"), "math mode in {}", run.text);
            }
        }
        // The characters no bundled font has are reported, not silently dropped.
        if printed.contains('😀') {
            assert!(
                rendered.typeset.missing.iter().any(|m| m.ch == '😀'),
                "{}",
                rendered.doc.name
            );
        }
    }
}

#[test]
fn templates_never_evaluate_or_splice_into_strings() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, line) in text.lines().enumerate() {
            let at = format!("{}:{}", path.display(), i + 1);
            assert!(!line.contains("eval("), "{at}: eval");
            assert!(!line.contains("|safe"), "{at}: |safe bypasses escaping");
            // `{{` between quotes would splice a value into a Typst string.
            let quoted = line.split('"').skip(1).step_by(2);
            assert!(
                !quoted.into_iter().any(|q| q.contains("{{")),
                "{at}: value inside a Typst string"
            );
        }
    }
}
