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

const NASTY: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "]#panic(\"x\")[",
    "$x^2$",
    "*粗体* _斜体_",
    "@ref <label>",
    "// 注释 /* 未闭合",
    "C:\\路径\\",
    "\" + panic(\"PWNED\") + \"",
    "{{ x }} {% if %}",
    "#let a = 1; #set text(red)",
    "𠀋😀",
];

#[test]
fn hostile_text_in_every_notice_field_prints_verbatim() {
    let data = copy_dir(&example_dir());
    let path = data.path().join("founding-notice.yaml");
    let quoted = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let mut text = std::fs::read_to_string(&path).unwrap();
    text = text.replace(
        "masthead: 杜集区人民政府办公室文件",
        &format!("masthead: {}", quoted(NASTY[0])),
    );
    text = text.replace("  - 各镇人民政府", &format!("  - {}", quoted(NASTY[1])));
    text = text.replace(
        "issuer: 杜集区人民政府办公室",
        &format!("issuer: {}", quoted(NASTY[2])),
    );
    text = text.replace("  - 区委办公室", &format!("  - {}", quoted(NASTY[3])));
    text = text.replace(
        "printer: 杜集区人民政府办公室",
        &format!("printer: {}", quoted(NASTY[4])),
    );
    text = text.replace(
        "  - heading: 主要职责",
        &format!("  - heading: {}", quoted(NASTY[5])),
    );
    text = text.replace(
        "  - heading: 工作规则",
        &format!("  - heading: {}", quoted(NASTY[6])),
    );
    text = text.replace(
        "  - heading: 工作要求",
        &format!(
            "  - text: {}\n  - item: {}\n  - point: {}\n  - subpoint: {}\n  - heading: 工作要求",
            quoted(NASTY[7]),
            quoted(NASTY[8]),
            quoted(NASTY[9]),
            quoted(NASTY[10])
        ),
    );
    text = text.replace(
        "title: |\n  关于建立",
        &format!("title: |\n  {}\n  关于建立", NASTY[3]),
    );
    std::fs::write(&path, text).unwrap();
    let roster = data.path().join("roster.yaml");
    let r = std::fs::read_to_string(&roster)
        .unwrap()
        .replace("name: 冯光明", "name: '<b>冯</b>'");
    std::fs::write(&roster, r).unwrap();

    let notice = &founding_notice_of(data.path());
    let printed = squash(&notice.text());
    for s in NASTY.iter().chain(&["<b>冯</b>"]) {
        assert!(printed.contains(&squash(s)), "not printed verbatim: {s}");
    }
    // Nothing turned bold, red or into math: only the masthead is red, text stays in our fonts.
    for page in &notice.pages {
        for run in &page.runs {
            assert!(
                run.rgb == [0, 0, 0] || run.text.contains("read"),
                "unexpected colour on {}",
                run.text
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
