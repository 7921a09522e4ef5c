//! The one place that calls serde-saphyr: reads a YAML file into a typed value, or explains why not.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde_saphyr::{DuplicateKeyPolicy, MergeKeyPolicy, MessageFormatter};

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

/// Parses a source file into `T`. Syntax is checked first, so an indentation mistake is reported
/// as such and not as a missing field somewhere else.
pub fn parse<T: DeserializeOwned>(file: &SourceFile) -> Result<T, Diagnostic> {
    if file
        .text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Diagnostic::error("文件是空的")
            .at(file, 0..0)
            .help("请按示例填写内容"));
    }
    serde_saphyr::from_str_with_options::<IgnoredAny>(&file.text, options())
        .map_err(|e| to_diagnostic(file, &e, true))?;
    serde_saphyr::from_str_with_options::<T>(&file.text, options())
        .map_err(|e| to_diagnostic(file, &e, false))
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
    let diag = Diagnostic::error(message).at(file, span);
    match help {
        Some(h) => diag.help(h),
        None => diag,
    }
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
    if lower.contains("unknown variant") {
        return (
            format!("取值无效：{raw}"),
            Some("请从上面列出的可选值中选一个".into()),
        );
    }
    if syntax || lower.contains("expected ':'") || lower.contains("simple key") {
        let help = "请检查缩进是否对齐、冒号后是否有空格、是否误用了全角冒号“：”、引号是否成对";
        return (format!("YAML 格式错误：{raw}"), Some(help.into()));
    }
    if raw.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return (raw.to_string(), None); // our own message, already in Chinese
    }
    (format!("内容不符合要求：{raw}"), None)
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
