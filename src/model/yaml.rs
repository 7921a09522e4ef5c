//! The one place that calls serde-saphyr: reads a YAML file into a typed value, or explains why not.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde_saphyr::{DuplicateKeyPolicy, MergeKeyPolicy, MessageFormatter};

use schemars::JsonSchema;

use super::schema::schema_for;
use super::tree::Node;
use super::validate;
use crate::diag::{Diagnostic, SourceFile};

/// Larger than any council's data: a roster of 5,000 people is about 0.3 MB.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Reads `path` as UTF-8 text, or explains in Chinese why it cannot be read.
pub fn read_source(path: &Path) -> Result<SourceFile, Diagnostic> {
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > MAX_FILE_BYTES
    {
        return Err(Diagnostic::error(format!(
            "文件过大（{:.1} MB），超过 {} MB 的上限",
            meta.len() as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        ))
        .in_file(path)
        .help("请确认选对了文件；数据文件只应包含联席会议的信息"));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        let msg = match e.kind() {
            std::io::ErrorKind::NotFound => "找不到文件".to_string(),
            _ => format!("无法读取文件：{e}"),
        };
        Diagnostic::error(msg)
            .in_file(path)
            .help("请检查文件名和所在目录是否正确")
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
        let line = bytes[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Diagnostic::error(format!(
            "文件不是 UTF-8 编码（第 {line} 行起无法解码），可能是 GBK/ANSI 编码"
        ))
        .in_file(path)
        .help("请用记事本或 WPS 打开该文件，选择“另存为”，编码选 UTF-8 后保存")
    })?;
    Ok(SourceFile {
        path: path.to_path_buf(),
        text: Arc::from(text),
    })
}

/// Parses a source file into `T`, or explains every problem found. Syntax is checked first, so
/// an indentation mistake is reported as such and not as a missing field somewhere else; a file
/// that does not read into `T` is checked against `T`'s schema, so that all its unknown fields,
/// missing fields and wrong values are reported at once, each where it is.
pub fn parse<T: DeserializeOwned + JsonSchema>(file: &SourceFile) -> Result<T, Vec<Diagnostic>> {
    if file
        .text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(vec![
            Diagnostic::error("文件是空的")
                .at(file, 0..0)
                .help("请按示例填写内容"),
        ]);
    }
    let lints = syntax_lints(file);
    if !lints.is_empty() {
        return Err(lints);
    }
    serde_saphyr::from_str_with_options::<IgnoredAny>(&file.text, options())
        .map_err(|e| vec![to_diagnostic(file, &e, true)])?;
    let first = match serde_saphyr::from_str_with_options::<T>(&file.text, options()) {
        Ok(value) => return Ok(value),
        Err(e) => to_diagnostic(file, &e, false),
    };
    let Ok(tree) = serde_saphyr::from_str_with_options::<Node>(&file.text, options()) else {
        return Err(vec![first]);
    };
    let mut diags: Vec<Diagnostic> = validate::problems(&tree, &schema_for::<T>())
        .into_iter()
        .map(|p| Diagnostic::error(p.message).at(file, p.span).help(p.help))
        .collect();
    // The reader's own message, unless the schema found the same problem (the same message, or
    // one on the same line).
    let line = |d: &Diagnostic| d.location.as_ref().map(|l| l.file.line_col(l.span.start).0);
    if !diags
        .iter()
        .any(|d| line(d) == line(&first) || d.message.starts_with(&first.message))
    {
        diags.push(first);
    }
    diags.sort_by_key(|d| d.location.as_ref().map_or(0, |l| l.span.start));
    Err(diags)
}

/// Mistakes the parser would report at the wrong place, or only the first of: Tab or full-width
/// space in an indentation, a full-width colon after a key. Each is reported at its character.
fn syntax_lints(file: &SourceFile) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut offset = 0;
    // Inside a block scalar (`key: |`), lines are text: only their indentation is syntax.
    let mut block_indent: Option<usize> = None;
    for line in file.text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent_len = body.len() - body.trim_start_matches([' ', '\t', '\u{3000}']).len();
        let indent = &body[..indent_len];
        let content = &body[indent_len..];
        if let Some(b) = block_indent
            && (content.is_empty() || indent.len() > b)
        {
            offset += line.len();
            continue;
        }
        block_indent = None;
        for (i, c) in indent.char_indices() {
            let (message, help) = match c {
                '\t' => (
                    "不能用 Tab 键缩进",
                    "YAML 只能用空格缩进，请把这个 Tab 换成两个空格",
                ),
                '\u{3000}' => ("缩进中有全角空格", "请把全角空格换成两个半角空格"),
                _ => continue,
            };
            diags.push(
                Diagnostic::error(message)
                    .at(file, offset + i..offset + i + c.len_utf8())
                    .help(help),
            );
        }
        if let Some(colon) = full_width_colon_after_key(content) {
            let at = offset + indent_len + colon;
            let key = content[..colon].trim_start_matches("- ");
            diags.push(
                Diagnostic::error(format!("字段名 `{key}` 后用了全角冒号“：”"))
                    .at(file, at..at + '：'.len_utf8())
                    .help(format!(
                        "YAML 的冒号须为半角“:”，后面再空一格：写成 `{key}: …`"
                    )),
            );
        }
        let value = content.split_once(": ").map_or(content, |(_, v)| v);
        let value = value.trim_start_matches("- ").trim_end();
        if matches!(value, "|" | "|-" | "|+" | ">" | ">-" | ">+") {
            block_indent = Some(indent.len());
        }
        offset += line.len();
    }
    diags
}

/// Where "：" stands right after a field name (`name：王敏`, `- post：主任`).
fn full_width_colon_after_key(content: &str) -> Option<usize> {
    if content.starts_with('#') {
        return None;
    }
    let start = if content.starts_with("- ") { 2 } else { 0 };
    let key_end = content[start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map(|i| i + start)?;
    (key_end > start && content[key_end..].starts_with('：')).then_some(key_end)
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: DuplicateKeyPolicy::Error,
        merge_keys: MergeKeyPolicy::Error,
    }
}

/// Byte range of a serde-saphyr location in its source text.
pub fn span_of(location: &serde_saphyr::Location) -> Range<usize> {
    let span = location.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(start), Some(len)) => start as usize..(start + len) as usize,
        _ => 0..0,
    }
}

fn to_diagnostic(file: &SourceFile, err: &serde_saphyr::Error, syntax: bool) -> Diagnostic {
    let raw = serde_saphyr::DefaultMessageFormatter
        .format_message(err.without_snippet())
        .into_owned();
    let (message, help) = explain(&raw, syntax);
    let span = err.location().map(|l| span_of(&l)).unwrap_or(0..0);
    let span = if span == (0..0) {
        err.location()
            .map(|l| offset_of_line_col(&file.text, l.line() as usize, l.column() as usize))
            .map_or(0..0, |o| o..o)
    } else {
        span
    };
    // The parser notices an unclosed quote where the file ends; the mistake is at the quote.
    let lower = raw.to_lowercase();
    let span = if syntax && (lower.contains("unclosed quote") || lower.contains("quoted scalar")) {
        unclosed_quote(&file.text, span.start).map_or(span, |at| at..at + 1)
    } else {
        span
    };
    let diag = Diagnostic::error(message).at(file, span);
    match help {
        Some(h) => diag.help(h),
        None => diag,
    }
}

/// The last quote before `until` that opens a value and is not closed on its line.
fn unclosed_quote(text: &str, until: usize) -> Option<usize> {
    let mut found = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > until {
            break;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        let value_at = content
            .find(": ")
            .map(|i| i + 2)
            .or_else(|| {
                content
                    .trim_start()
                    .starts_with("- ")
                    .then(|| content.find("- ").unwrap() + 2)
            })
            .unwrap_or(0);
        let value = &content[value_at..];
        let trimmed = value.trim_start();
        let at = value_at + value.len() - trimmed.len();
        if let Some(quote) = trimmed.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let rest = &trimmed[1..];
            let closed = if quote == '"' {
                let mut escaped = false;
                rest.chars().any(|c| {
                    let close = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    close
                })
            } else {
                rest.replace("''", "").contains('\'')
            };
            if !closed {
                found = Some(offset + at);
            }
        }
        offset += line.len();
    }
    found
}

fn offset_of_line_col(text: &str, line: usize, col: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .chars()
            .take(col.saturating_sub(1))
            .map(char::len_utf8)
            .sum::<usize>()
}

/// Turns the parser's English into a Chinese message and a suggestion.
fn explain(raw: &str, syntax: bool) -> (String, Option<String>) {
    let lower = raw.to_lowercase();
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .split(", ")
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty())
            .collect();
        let help = match nearest(field, &known) {
            Some(best) => format!("是否想写 `{best}`？可用的字段：{}", known.join("、")),
            None => format!("可用的字段：{}", known.join("、")),
        };
        return (format!("未知字段 `{field}`"), Some(help));
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return (
            format!("缺少必填字段 `{field}`"),
            Some(format!("请在这一项下补上 `{field}: …`")),
        );
    }
    if lower.contains("duplicate") {
        return (
            "同一个字段写了两次".into(),
            Some("请删除或合并重复的字段".into()),
        );
    }
    if lower.contains("budget breached: nodes")
        || lower.contains("alias") && lower.contains("budget")
    {
        let help =
            "文件中的条目或别名（&、*）引用展开后过多，已停止读取；请不要使用别名，按示例逐项书写";
        return ("文件内容过多，无法读取".into(), Some(help.into()));
    }
    if lower.contains("budget breached: depth") || lower.contains("recursion limit") {
        let help = "缩进或括号嵌套的层数过多，已停止读取；请检查是否有未闭合的括号";
        return ("嵌套层次过深，无法读取".into(), Some(help.into()));
    }
    if lower.contains("budget breached") {
        return (format!("文件结构过于复杂，已停止读取（{raw}）"), None);
    }
    if lower.contains("tab") {
        return (
            "不能用 Tab 键缩进".into(),
            Some("YAML 只能用空格缩进，请把 Tab 换成两个空格".into()),
        );
    }
    if lower.contains("invalid boolean") {
        return ("这里只能填 true 或 false".into(), None);
    }
    if lower.contains("null into string") {
        return (
            "这里不能为空".into(),
            Some("请填写内容；如果不需要，请删除这一行".into()),
        );
    }
    if lower.contains("expected sequence") {
        let help = "列表的每一项单独一行，以“- ”开头；只有一项也要这样写";
        return ("这里应填一个列表".into(), Some(help.into()));
    }
    if lower.contains("expected string") {
        return (
            "这里应填一段文字，不能是列表或多个字段".into(),
            Some("请参照示例文件中这一项的写法".into()),
        );
    }
    if lower.contains("expected mapping")
        || lower.contains("expected a map")
        || lower.contains("expected struct")
    {
        let help = "请按示例写成若干行“字段: 值”，每行比上一级多缩进两个空格";
        return ("这里应填若干“字段: 值”".into(), Some(help.into()));
    }
    if lower.contains("expected i32")
        || lower.contains("expected u32")
        || lower.contains("invalid digit")
    {
        return ("这里应填一个数字，如 2026".into(), None);
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .split([',', ' '])
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty() && *s != "or")
            .collect();
        return (
            format!("“{value}”不是这里可选的值"),
            Some(format!(
                "可选的值：{}（各项的中文写法见示例文件的说明）",
                allowed.join("、")
            )),
        );
    }
    if syntax || lower.contains("expected ':'") || lower.contains("simple key") {
        let help = "请检查缩进是否对齐、冒号后是否有空格、是否误用了全角冒号“：”、引号是否成对";
        return (
            format!("YAML 格式错误：{}", syntax_error(&lower)),
            Some(help.into()),
        );
    }
    if raw.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return (raw.to_string(), None); // our own message, already in Chinese
    }
    (format!("内容不符合要求：{raw}"), None)
}

/// The parser's account of a syntax error, in Chinese.
fn syntax_error(lower: &str) -> &'static str {
    let said = |words: &[&str]| words.iter().all(|w| lower.contains(w));
    if said(&["unclosed quote"]) || said(&["quoted scalar"]) {
        "引号没有成对，一段文字只有开头的引号"
    } else if said(&["flow sequence"]) {
        "方括号 [ ] 没有成对，或其中各项没有用半角逗号隔开"
    } else if said(&["flow mapping"]) {
        "花括号 { } 没有成对，或其中各项没有用半角逗号隔开"
    } else if said(&["mapping values are not allowed"]) {
        "这一行多了一个冒号：值中有“: ”时请给整个值加引号"
    } else if said(&["block mapping"]) || said(&["block sequence"]) || said(&["indentation"]) {
        "缩进没有对齐：同一级的各行须从同一列开始"
    } else if said(&["multiple documents"]) || said(&["document"]) {
        "文件中有多余的“---”或“...”，或某一行的缩进不对"
    } else if said(&["cannot start any token"]) {
        "这里有不能作为开头的字符（如 Tab、@、`）；含这些字符的文字请加引号"
    } else if said(&["anchor"]) || said(&["alias"]) {
        "“&”“*”是 YAML 的别名记号；文字以它们开头时请加引号"
    } else {
        "这一行不能按 YAML 读取"
    }
}

/// The most similar known name, if any is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(word, k), *k))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}
