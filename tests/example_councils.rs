//! The example councils of `examples/`, each written from a real public founding notice kept
//! beside it as `source.txt`: the rendered notice says what the source says, in order, with its
//! 组成人员 section made from the roster data rather than typed.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Example directories, and how many lines of the stored page precede the document (site
/// navigation, repost time) after the `来源` / `标题` header.
const COUNCILS: &[(&str, usize)] = &[
    ("city-guangzhou-yuecai", 0),
    ("city-yunfu-binzang", 0),
    ("county-mengzi-kxsz", 0),
    ("district-shangcheng-zwgk", 0),
    ("city-xiamen-xiaofang", 0),
    ("prefecture-liangshan-xiaofang", 4),
];

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// What a comparison ignores: white space, script (traditional copies), the width of
/// punctuation, and forms GB/T 9704-2012 replaced (Chinese-numeral dates, ㈠-style numbers).
fn normalise(s: &str) -> String {
    let s = fast2s::convert(s);
    let mut out = String::new();
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        match c {
            ',' => out.push('，'),
            ':' => out.push('：'),
            ';' => out.push('；'),
            '(' => out.push('（'),
            ')' => out.push('）'),
            '?' => out.push('？'),
            '!' => out.push('！'),
            '﹝' => out.push('〔'),
            '﹞' => out.push('〕'),
            '-' | '–' | '－' => out.push('—'),
            '㈠'..='㈩' => {
                let n = c as usize - '㈠' as usize + 1;
                out.push_str(&format!(
                    "（{}）",
                    lianxi::documents::numbering::chinese_number(n)
                ));
            }
            c => out.push(c),
        }
    }
    arabic_dates(&out)
}

/// "二〇一一年九月二十六日" → "2011年9月26日" (GB/T 9704-2012 7.3.5.1 writes dates in Arabic).
fn arabic_dates(s: &str) -> String {
    let value = |c: char| match c {
        '〇' | '○' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|i| i + 1),
    };
    let number = |t: &[char]| -> Option<usize> {
        match t {
            ['十'] => Some(10),
            [a] => value(*a),
            ['十', b] => Some(10 + value(*b)?),
            [a, '十'] => Some(value(*a)? * 10),
            [a, '十', b] => Some(value(*a)? * 10 + value(*b)?),
            _ => None,
        }
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    'scan: while i < chars.len() {
        let year = chars
            .get(i..i + 4)
            .filter(|y| y.iter().all(|c| value(*c).is_some()));
        if let (Some(year), Some('年')) = (year, chars.get(i + 4)) {
            let rest = &chars[i + 5..];
            let month_end = rest.iter().position(|c| *c == '月');
            let day_end = rest.iter().position(|c| *c == '日');
            if let (Some(me), Some(de)) = (month_end, day_end)
                && me < de
                && let (Some(m), Some(d)) = (number(&rest[..me]), number(&rest[me + 1..de]))
            {
                let y: String = year
                    .iter()
                    .map(|c| char::from(b'0' + value(*c).unwrap() as u8))
                    .collect();
                out.push_str(&format!("{y}年{m}月{d}日"));
                i += 5 + de + 1;
                continue 'scan;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// A 文号 line of the stored page ("(厦府办〔2006〕254号)"): pages list it before or after the
/// title, the document prints it under the 标志.
fn doc_number(line: &str) -> Option<String> {
    let t = line.trim_matches(|c| c == '（' || c == '）');
    (t.contains('〔') && t.ends_with('号') && t.chars().count() < 20).then(|| t.to_string())
}

#[test]
fn every_example_council_says_what_its_source_says() {
    let mut failures = Vec::new();
    for &(name, furniture) in COUNCILS {
        let source = std::fs::read_to_string(dir(name).join("source.txt")).unwrap();
        let notice = founding_notice_of(&dir(name));
        let text = normalise(&notice.text());
        let first_page = normalise(&notice.pages[0].text());
        let mut from = 0;
        for raw in source.lines().skip(3 + furniture) {
            let line = normalise(raw);
            // GB/T 9704-2012 has no 主题词.
            if line.is_empty() || line.starts_with("主题词") {
                continue;
            }
            if let Some(number) = doc_number(&line) {
                if !first_page.contains(&number) {
                    failures.push(format!("{name}: 文号 {number} not on page 1"));
                }
                continue;
            }
            match text[from..].find(&line) {
                Some(at) => from += at + line.len(),
                None => failures.push(format!(
                    "{name}: source line missing or out of order:\n  {line}\n  …after: {}",
                    text[from..].chars().take(80).collect::<String>()
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_example_types_its_roster_into_the_notice() {
    for &(name, _) in COUNCILS {
        let notice = std::fs::read_to_string(dir(name).join("founding-notice.yaml")).unwrap();
        let roster = std::fs::read_to_string(dir(name).join("roster.yaml")).unwrap();
        // Every person the roster names is printed from the roster, never typed in the notice.
        for line in roster.lines().filter(|l| l.contains("name:")) {
            let person = line
                .split("name:")
                .nth(1)
                .unwrap()
                .split([',', '}'])
                .next()
                .unwrap()
                .trim();
            assert!(
                !notice.contains(person),
                "{name}: {person} is typed in founding-notice.yaml"
            );
        }
        // The 组成人员 section comes from the data: the roster lines, or slots filled from it.
        let derived = [
            "insert: roster",
            "{成员单位}",
            "{成员}",
            "{召集人}",
            "{组长}",
        ];
        assert!(
            derived.iter().any(|d| notice.contains(d)),
            "{name}: the notice derives nothing from the roster"
        );
    }
}

#[test]
fn every_example_council_builds_every_document_and_validates_against_its_schemas() {
    for &(name, _) in COUNCILS {
        let docs = documents_of(&dir(name));
        assert!(docs.iter().any(|d| d.name == "founding-notice"), "{name}");
        for doc in docs {
            let rendered = render(doc);
            assert!(!rendered.pages.is_empty());
        }
    }
}

#[test]
fn chinese_dates_and_old_numbers_normalise() {
    assert_eq!(arabic_dates("二〇一一年九月二十六日"), "2011年9月26日");
    assert_eq!(normalise("㈡研究, 協調"), "（二）研究，协调");
}
