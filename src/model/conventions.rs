//! 公文 conventions (GB/T 9704-2012 and common office practice) checked on the typed text.

use std::ops::Range;
use std::path::Path;

use super::CouncilData;
use super::tree::{Node, Value};
use super::yaml::read_source;
use crate::diag::{Diagnostic, Diagnostics, SourceFile};

/// Which kind of data file a source is: the same key means different things in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Council,
    Roster,
    FoundingNotice,
    Filing,
    Session,
    RosterIssue,
    Document,
}

/// The conventions of every file of loaded data: warnings, and errors for empty required values.
pub fn check(data: &CouncilData) -> Diagnostics {
    let mut files = vec![
        (FileKind::Council, &data.council.file),
        (FileKind::Roster, &data.roster.file),
    ];
    files.extend(
        data.founding_notice
            .iter()
            .map(|n| (FileKind::FoundingNotice, &n.file)),
    );
    files.extend(data.filings.iter().map(|f| (FileKind::Filing, &f.file)));
    files.extend(data.sessions.iter().map(|s| (FileKind::Session, &s.file)));
    files.extend(
        data.roster_issues
            .iter()
            .map(|r| (FileKind::RosterIssue, &r.file)),
    );
    files.extend(data.documents.iter().map(|d| (FileKind::Document, &d.file)));
    files
        .into_iter()
        .flat_map(|(kind, file)| check_file(kind, file))
        .collect()
}

/// The conventions of the files in `dir`, read afresh: for data that did not load, so that its
/// convention problems are reported with its errors. Files that cannot be read or parsed are
/// skipped (loading reports them).
pub fn check_dir(dir: &Path) -> Diagnostics {
    let mut files = vec![
        (FileKind::Council, dir.join(super::COUNCIL_FILE)),
        (FileKind::Roster, dir.join(super::ROSTER_FILE)),
        (
            FileKind::FoundingNotice,
            dir.join(super::FOUNDING_NOTICE_FILE),
        ),
    ];
    for (kind, sub) in [
        (FileKind::Filing, super::FILINGS_DIR),
        (FileKind::Session, super::SESSIONS_DIR),
        (FileKind::RosterIssue, super::ROSTERS_DIR),
        (FileKind::Document, super::DOCUMENTS_DIR),
    ] {
        files.extend(
            super::yaml_files(&dir.join(sub))
                .into_iter()
                .map(|p| (kind, p)),
        );
    }
    files
        .into_iter()
        .filter(|(_, path)| path.is_file())
        .filter_map(|(kind, path)| Some((kind, read_source(&path).ok()?)))
        .flat_map(|(kind, file)| check_file(kind, &file))
        .collect()
}

/// Every convention of one file.
pub fn check_file(kind: FileKind, file: &SourceFile) -> Diagnostics {
    let Ok(tree) = serde_saphyr::from_str::<Node>(&file.text) else {
        return Diagnostics::new();
    };
    let mut diags = Diagnostics::new();
    let mut path = Vec::new();
    walk(&tree, &mut path, &mut |path, text, span| {
        let field = Field {
            file,
            kind,
            path,
            text,
            offsets: offsets(&file.text, span.clone(), text),
            span,
        };
        diags.extend(field.check());
    });
    diags
}

fn walk<'a>(
    node: &'a Node,
    path: &mut Vec<&'a str>,
    visit: &mut impl FnMut(&str, &'a str, Range<usize>),
) {
    match &node.value {
        Value::Str(text) => visit(&path.join("."), text, node.span.clone()),
        Value::Seq(items) => items.iter().for_each(|item| walk(item, path, visit)),
        Value::Map(entries) => {
            for (key, value) in entries {
                let Value::Str(key) = &key.value else {
                    continue;
                };
                path.push(key);
                walk(value, path, visit);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Where each character of `value` was typed: the byte offset in `text` of each character, and
/// one past the end. Quotes, escapes, line breaks and indentation of the scalar are skipped.
fn offsets(text: &str, span: Range<usize>, value: &str) -> Vec<usize> {
    let mut end = span.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut pos = span.start.min(end);
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let mut out = Vec::with_capacity(value.len() + 1);
    for c in value.chars() {
        // A character is never far from where the previous one was typed: an escape, a line
        // break and its indentation lie between them at most. Looking no further keeps a long
        // value with escapes linear.
        let found = text[pos..end]
            .char_indices()
            .take(256)
            .find(|&(_, s)| s == c || (c == ' ' && s == '\n'))
            .map(|(i, s)| (pos + i, s.len_utf8()));
        match found {
            Some((at, len)) => {
                out.push(at);
                pos = at + len;
            }
            None => out.push(pos),
        }
    }
    out.push(pos);
    out
}

/// One typed text value and where it is.
struct Field<'a> {
    file: &'a SourceFile,
    kind: FileKind,
    /// The keys leading to the value, joined by ".", list indices left out: `body.heading`.
    path: &'a str,
    text: &'a str,
    /// Byte offset in the file of each character of `text`, and of its end.
    offsets: Vec<usize>,
    span: Range<usize>,
}

impl Field<'_> {
    fn check(&self) -> Diagnostics {
        let mut diags = Diagnostics::new();
        let chars: Vec<char> = self.text.chars().collect();
        if self.text.trim().is_empty() {
            if let Some(what) = self.required() {
                diags.push(
                    Diagnostic::error(format!("{what}是空的"))
                        .at(self.file, self.span.clone())
                        .help(format!(
                            "请填写{what}；这一项可以不写时，删除这一行（空引号“\"\"”不算填写）"
                        )),
                );
            }
            return diags;
        }
        let key = self.path.rsplit('.').next().unwrap_or("");
        let doc_number = matches!(
            (self.kind, self.path),
            (FileKind::FoundingNotice | FileKind::Document, "doc_number")
                | (FileKind::Session, "notice.doc_number")
        );
        if doc_number {
            diags.extend(self.doc_number(&chars));
        }
        if matches!(
            (self.kind, self.path),
            (FileKind::Session, "minutes.number")
        ) {
            diags.extend(self.year_brackets(&chars, "纪要编号"));
        }
        let mut typed = 0;
        if let Some((level, what)) = self.numbered() {
            typed = typed_number(&chars).map_or(0, |(_, len)| len);
            diags.extend(self.typed_number_at_start(&chars, level, what));
        }
        if self.is_title() {
            diags.extend(self.title_bar(&chars));
        }
        let separated = self.separated();
        if let Some(list) = separated {
            diags.extend(self.separators(&chars, list));
        }
        if !doc_number && self.is_prose(key) {
            diags.extend(self.half_width(&chars, separated.is_some(), typed));
            diags.extend(self.dates(&chars));
        }
        diags
    }

    /// A diagnostic at characters `range` of the value.
    fn warn(&self, range: Range<usize>, message: String, help: String) -> Diagnostic {
        let last = self.offsets.len() - 1;
        let start = self.offsets[range.start.min(last)];
        let end = if range.end > range.start {
            // One past the last character of the range.
            let end_char = range.end.min(last).saturating_sub(1);
            let at = self.offsets[end_char.min(last)];
            let len = self.file.text[at..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            (at + len).max(start)
        } else {
            start
        };
        Diagnostic::warning(message)
            .at(self.file, start..end)
            .help(help)
    }
}

/// What GB/T 9704 7.3.3 numbers each level with, as the first number prints.
const AUTO_NUMBERS: [&str; 4] = ["一、", "（一）", "1.", "（1）"];
const LEVEL_KEYS: [&str; 4] = ["heading", "item", "point", "subpoint"];
const LEVEL_NAMES: [&str; 4] = ["一级标题", "二级条目", "三级条目", "四级条目"];

/// Lists lianxi joins itself, and the separators an entry must not contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joined {
    /// 抄送机关, 分送机关: entries joined by "，".
    Copies,
    /// 主送机关: joined by "，"; "、" between organs of one kind is the usual form.
    Recipients,
}

impl Field<'_> {
    fn key(&self) -> &str {
        self.path.rsplit('.').next().unwrap_or("")
    }

    /// What a required value is called, when this one must not be empty.
    fn required(&self) -> Option<&'static str> {
        const MAY_BE_EMPTY: [&str; 10] = [
            "note",
            "office_phone",
            "mobile",
            "filer_phone",
            "remarks",
            "reason_note",
            "full_name",
            "unit_label",
            // Checked as times, with their own message.
            "start",
            "sign_in",
        ];
        let key = self.key();
        if self.path.starts_with("fonts") || MAY_BE_EMPTY.contains(&key) {
            return None;
        }
        let what = match (self.kind, self.path) {
            (FileKind::Council, "office.phone") => return None,
            // A table's cells: a form leaves them blank to be filled in by hand; a masthead
            // suffix written "" asks for none.
            (_, path) if path.ends_with("rows") || path.ends_with("masthead_suffix") => {
                return None;
            }
            (FileKind::Filing, "leaving.post" | "taking_over.post")
            | (FileKind::Session, "minutes.leave.substitute.post" | "minutes.attended_by.post") => {
                return None;
            }
            (FileKind::Council, "name") => "联席会议名称",
            (FileKind::Council, "renamed.name") => "新名称",
            (FileKind::Council, "units.name") => "成员单位简称",
            (FileKind::Council, "office.name") => "办公室名称",
            (FileKind::Session, "notice.contact.name") => "联系人姓名",
            (FileKind::Session, "agenda.title") => "议题",
            (FileKind::Session, "minutes.issuer") => "印发纪要的机构",
            _ => match key {
                "name" => "姓名",
                "title" => "标题",
                "roster_title" => "名单标题",
                "masthead" => "发文机关标志",
                "doc_number" => "发文字号",
                "issuer" => "发文机关署名",
                "printer" => "印发机关",
                "recipients" => "主送机关",
                "cc" => "抄送机关",
                "distribution" => "分送机关",
                "unit" | "units" | "host_unit" | "proxy" | "lead_unit" => "单位",
                "post" => "职务",
                "role" | "roles" => "领导职务",
                "duties" => "职责分工",
                "functions" => "主要职责",
                "rules" => "工作规则",
                "text" => "段落",
                "heading" => "一级标题",
                "item" | "point" | "subpoint" => "条目",
                "place" => "会议地点",
                "chair" => "主持人",
                "attendees" => "参会人员",
                "observers" => "列席人员",
                "presenter" => "汇报单位",
                "purpose" => "会议目的",
                "requirements" => "会议要求",
                "phone" => "联系电话",
                "number" => "纪要编号",
                "summary" => "会议概况",
                "topic" => "事项主题",
                "filed_by" => "填报人",
                "seat" => "调整类别",
                "formal_name" => "规范简称",
                "director" => "办公室主任",
                "annotation" => "附注",
                "image" => "印章图片",
                _ => "这一项",
            },
        };
        Some(what)
    }

    /// The numbering level the template gives this value, and what the value is called.
    fn numbered(&self) -> Option<(usize, &'static str)> {
        let key = self.key();
        let in_body = match self.kind {
            FileKind::FoundingNotice => self.path.starts_with("body."),
            FileKind::Document => {
                self.path.starts_with("body.") || self.path.starts_with("attachments.text.body.")
            }
            FileKind::Council => {
                self.path.starts_with("functions.") || self.path.starts_with("rules.")
            }
            _ => false,
        };
        if in_body && let Some(level) = LEVEL_KEYS.iter().position(|k| *k == key) {
            return Some((level, LEVEL_NAMES[level]));
        }
        match (self.kind, self.path) {
            (FileKind::Session, "agenda.title") => Some((2, "会议议程")),
            (FileKind::Session, "notice.requirements") => Some((2, "会议要求")),
            (FileKind::Session, "minutes.decisions.topic") => Some((0, "议定事项")),
            _ => None,
        }
    }

    fn is_title(&self) -> bool {
        matches!(
            (self.kind, self.path),
            (FileKind::FoundingNotice | FileKind::Document, "title")
                | (FileKind::Session, "notice.title")
                | (FileKind::Council, "roster_title")
        )
    }

    fn separated(&self) -> Option<Joined> {
        match (self.kind, self.path) {
            (FileKind::FoundingNotice | FileKind::Document, "cc")
            | (FileKind::Session, "notice.cc" | "minutes.distribution") => Some(Joined::Copies),
            (FileKind::FoundingNotice | FileKind::Document, "recipients")
            | (FileKind::Session, "notice.recipients") => Some(Joined::Recipients),
            _ => None,
        }
    }

    /// Whether the value is text that prints as Chinese prose (not a number, time, file or
    /// choice).
    fn is_prose(&self, key: &str) -> bool {
        const NOT_PROSE: [&str; 28] = [
            // Dates, read as dates and printed as "2021年7月21日".
            "date",
            "print_date",
            "filed_on",
            "effective",
            "accepted_on",
            "reply_deadline",
            "deadline",
            "since",
            "phone",
            "office_phone",
            "mobile",
            "filer_phone",
            "start",
            "sign_in",
            "image",
            "kind",
            "layout",
            "reason",
            "seat",
            "attendees",
            "sealing",
            "number",
            // documents/: a file, choices and ratios.
            "file",
            "format",
            "urgency",
            "level",
            "widths",
            "changes",
        ];
        !self.path.starts_with("fonts") && !NOT_PROSE.contains(&key)
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn half_width_digits(s: &[char]) -> String {
    s.iter()
        .map(|&c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect()
}

fn is_chinese_numeral(c: char) -> bool {
    "一二三四五六七八九十〇零百".contains(c)
}

/// Chinese text around a mark: ideographs, CJK and full-width punctuation, Chinese quotes.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}'
        | '\u{3001}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{2018}'..='\u{201F}'
        | '\u{2026}'
        | '\u{2014}'
    )
}

/// A structure number typed at the start of `chars` ("一、", "（二）", "(二)", "1.", "（1）", "①"):
/// its level and length in characters.
fn typed_number(chars: &[char]) -> Option<(usize, usize)> {
    let run = |from: usize, f: fn(char) -> bool| {
        chars[from.min(chars.len())..]
            .iter()
            .take_while(|&&c| f(c))
            .count()
    };
    let first = *chars.first()?;
    if is_chinese_numeral(first) {
        let n = run(0, is_chinese_numeral);
        if matches!(chars.get(n), Some('、' | '.' | '．' | '，' | ',')) {
            return Some((0, n + 1));
        }
    }
    if matches!(first, '（' | '(') {
        for (level, f) in [(1, is_chinese_numeral as fn(char) -> bool), (3, is_digit)] {
            let n = run(1, f);
            if n > 0 && matches!(chars.get(1 + n), Some('）' | ')')) {
                return Some((level, n + 2));
            }
        }
    }
    if is_digit(first) {
        let n = run(0, is_digit);
        if matches!(chars.get(n), Some('.' | '．' | '、'))
            && !chars.get(n + 1).is_some_and(|&c| is_digit(c))
        {
            return Some((2, n + 1));
        }
    }
    ('①'..='⑳').contains(&first).then_some((3, 1))
}

impl Field<'_> {
    /// GB/T 9704 7.2.4: 发文字号 is 机关代字, the year in 〔〕, the number without 第 or leading
    /// zeros, then 号: "杜政办〔2021〕11号".
    fn doc_number(&self, chars: &[char]) -> Diagnostics {
        let mut diags = Diagnostics::new();
        let form =
            "发文字号写成“机关代字〔年份〕序号号”，如“杜政办〔2021〕11号”（GB/T 9704 7.2.4）";
        let Some((open, close)) = year_group(chars) else {
            match four_digit_year(chars) {
                Some(at) => {
                    let year: String = half_width_digits(&chars[at..at + 4]);
                    diags.push(self.warn(
                        at..at + 4,
                        "发文字号的年份没有用六角括号“〔〕”括入".into(),
                        format!("把年份写成“〔{year}〕”；{form}"),
                    ));
                }
                None => {
                    diags.push(self.warn(0..chars.len(), "发文字号中没有年份".into(), form.into()))
                }
            }
            return diags;
        };
        let digits = &chars[open + 1..close];
        let year = half_width_digits(digits);
        if chars[open] != '〔' || chars[close] != '〕' {
            let typed: String = chars[open..=close].iter().collect();
            diags.push(self.warn(
                open..close + 1,
                format!(
                    "发文字号的年份用了“{}{}”，应当用六角括号“〔〕”",
                    chars[open], chars[close]
                ),
                format!("把“{typed}”改为“〔{year}〕”（六角括号可在输入法的符号表中找到，或复制这里的“〔〕”）"),
            ));
        }
        if digits.len() != 4 {
            diags.push(self.warn(
                open + 1..close,
                "发文字号的年份要写全四位".into(),
                format!("如“〔2021〕”，不能简写为“〔21〕”；{form}"),
            ));
        } else if digits.iter().any(|c| !c.is_ascii_digit()) {
            diags.push(self.warn(
                open + 1..close,
                "发文字号的年份要用半角阿拉伯数字".into(),
                format!("把“{}”改为“{year}”", digits.iter().collect::<String>()),
            ));
        }
        if open == 0 {
            diags.push(self.warn(0..1, "发文字号缺少机关代字".into(), form.into()));
        }
        let agency: String = chars[..open].iter().collect();
        let mut at = close + 1;
        if chars.get(at) == Some(&'第') {
            // The number as it should be: half-width, no leading zeros, then 号.
            let digits: Vec<char> = chars[at + 1..]
                .iter()
                .copied()
                .take_while(|&c| is_digit(c))
                .collect();
            let number = half_width_digits(&digits);
            let number = number.trim_start_matches('0');
            let fixed = if number.is_empty() {
                format!("{agency}〔{year}〕序号号")
            } else {
                format!("{agency}〔{year}〕{number}号")
            };
            diags.push(self.warn(
                at..at + 1,
                "发文字号的序号前不加“第”字".into(),
                format!("删除“第”，写成“{fixed}”"),
            ));
            at += 1;
        }
        let n = chars[at..].iter().take_while(|&&c| is_digit(c)).count();
        let number = &chars[at..at + n];
        if n == 0 {
            let chinese = chars[at..]
                .iter()
                .take_while(|&&c| is_chinese_numeral(c))
                .count();
            if chinese > 0 {
                diags.push(self.warn(
                    at..at + chinese,
                    "发文字号的序号要用阿拉伯数字".into(),
                    format!("如“{agency}〔{year}〕11号”"),
                ));
            } else {
                diags.push(self.warn(at..at, "发文字号缺少发文顺序号".into(), form.into()));
            }
            return diags;
        }
        let plain = half_width_digits(number);
        if number.iter().any(|c| !c.is_ascii_digit()) {
            diags.push(self.warn(
                at..at + n,
                "发文字号的序号要用半角阿拉伯数字".into(),
                format!("把“{}”改为“{plain}”", number.iter().collect::<String>()),
            ));
        }
        if n > 1 && plain.starts_with('0') {
            let trimmed = plain.trim_start_matches('0');
            let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
            diags.push(self.warn(
                at..at + n,
                "发文字号的序号不编虚位".into(),
                format!("把“{plain}”写成“{trimmed}”：序号前不加“0”"),
            ));
        }
        let end = at + n;
        match chars.get(end) {
            Some('号') => {}
            _ => {
                let typed: String = chars.iter().collect();
                let fixed: String = chars[..end].iter().collect();
                diags.push(self.warn(
                    end..chars.len(),
                    "发文字号的序号后要加“号”字".into(),
                    if end == chars.len() {
                        format!("把“{typed}”写成“{fixed}号”")
                    } else {
                        format!("序号后接“号”字结束，如“{fixed}号”")
                    },
                ));
            }
        }
        diags
    }

    /// A year typed in brackets other than 〔〕, as in a 纪要编号 "[2026]1号".
    fn year_brackets(&self, chars: &[char], what: &str) -> Diagnostics {
        let Some((open, close)) = year_group(chars) else {
            return Diagnostics::new();
        };
        if chars[open] == '〔' && chars[close] == '〕' {
            return Diagnostics::new();
        }
        let typed: String = chars[open..=close].iter().collect();
        let year = half_width_digits(&chars[open + 1..close]);
        vec![self.warn(
            open..close + 1,
            format!(
                "{what}的年份用了“{}{}”，应当用六角括号“〔〕”",
                chars[open], chars[close]
            ),
            format!("把“{typed}”改为“〔{year}〕”"),
        )]
    }
}

/// Where a bracketed run of digits is: the opening and closing bracket.
fn year_group(chars: &[char]) -> Option<(usize, usize)> {
    const OPEN: &str = "〔[(（【［〖{｛<〈《";
    const CLOSE: &str = "〕])）】］〗}｝>〉》";
    (0..chars.len()).find_map(|open| {
        if !OPEN.contains(chars[open]) {
            return None;
        }
        let n = chars[open + 1..]
            .iter()
            .take_while(|&&c| is_digit(c))
            .count();
        let close = open + 1 + n;
        (n > 0 && chars.get(close).is_some_and(|&c| CLOSE.contains(c))).then_some((open, close))
    })
}

/// A run of exactly four digits that reads as a year.
fn four_digit_year(chars: &[char]) -> Option<usize> {
    (0..chars.len().saturating_sub(3)).find(|&at| {
        chars[at..at + 4].iter().all(|&c| is_digit(c))
            && (at == 0 || !is_digit(chars[at - 1]))
            && !chars.get(at + 4).is_some_and(|&c| is_digit(c))
            && matches!(half_width_digits(&chars[at..at + 2]).as_str(), "19" | "20")
    })
}

impl Field<'_> {
    /// A number typed where the template numbers: "一、人员组成" under `heading` prints "一、一、".
    fn typed_number_at_start(&self, chars: &[char], level: usize, what: &str) -> Diagnostics {
        let Some((typed_level, len)) = typed_number(chars) else {
            return Diagnostics::new();
        };
        let typed: String = chars[..len].iter().collect();
        let auto = AUTO_NUMBERS[level];
        let mut help = format!(
            "删除开头的“{typed}”：编号由 lianxi 按顺序自动加上，照写会印成“{auto}{typed}”这样的重复编号"
        );
        let body = matches!(self.kind, FileKind::FoundingNotice | FileKind::Council);
        if body && typed_level != level {
            help.push_str(&format!(
                "；如果这一项是{}（{}），请改写在 {} 下",
                LEVEL_NAMES[typed_level], AUTO_NUMBERS[typed_level], LEVEL_KEYS[typed_level]
            ));
        }
        vec![self.warn(
            0..len,
            format!("{what}会自动编号，这里又写了编号“{typed}”"),
            help,
        )]
    }

    /// A `|` in a title prints as it is: lines are broken by writing the title on several lines.
    fn title_bar(&self, chars: &[char]) -> Diagnostics {
        chars
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, '|' | '｜'))
            .map(|(at, c)| {
                self.warn(
                    at..at + 1,
                    format!("标题中的“{c}”会原样印出"),
                    "要在这里换行，请把标题写成多行：在“title: |”下面每行写标题的一行（见示例文件）；不需要换行就删除这个“|”".into(),
                )
            })
            .collect()
    }

    /// An entry of a list lianxi joins with "，" that itself joins several organs.
    fn separators(&self, chars: &[char], list: Joined) -> Diagnostics {
        let separators: &[char] = match list {
            Joined::Copies => &['、', '，', ',', '；', ';'],
            Joined::Recipients => &['，', ',', '；', ';'],
        };
        let mut depth = 0usize;
        let mut cuts = Vec::new();
        for (at, &c) in chars.iter().enumerate() {
            match c {
                '（' | '(' | '【' | '〔' => depth += 1,
                '）' | ')' | '】' | '〕' => depth = depth.saturating_sub(1),
                c if depth == 0 && separators.contains(&c) => cuts.push(at),
                _ => {}
            }
        }
        if cuts.is_empty() {
            return Diagnostics::new();
        }
        let mut parts = Vec::new();
        let mut from = 0;
        for &cut in cuts.iter().chain([&chars.len()]) {
            let part: String = chars[from..cut].iter().collect::<String>().trim().into();
            if !part.is_empty() {
                parts.push(part);
            }
            from = cut + 1;
        }
        // "区政府各部门、各直属机构": one group of organs, its parts not organs by themselves.
        if parts.iter().skip(1).any(|p| {
            ["各", "有关", "直属", "所属"]
                .iter()
                .any(|w| p.starts_with(w))
        }) {
            return Diagnostics::new();
        }
        if parts.len() < 2 {
            return Diagnostics::new();
        }
        let what = match (list, self.key()) {
            (Joined::Recipients, _) => "主送机关",
            (_, "distribution") => "分送机关",
            _ => "抄送机关",
        };
        let entries: Vec<String> = parts.iter().map(|p| format!("  - {p}")).collect();
        let quoted: Vec<String> = parts.iter().map(|p| format!("“{p}”")).collect();
        let sep = chars[cuts[0]];
        vec![self.warn(
            cuts[0]..cuts[0] + 1,
            format!("一项{what}中用“{sep}”连写了几个机关"),
            format!(
                "{what}之间用“，”隔开，lianxi 会自动连接各项；请把{}分别写成一项：\n{}",
                quoted.join(""),
                entries.join("\n")
            ),
        )]
    }

    /// ASCII punctuation in Chinese text: "会议时间:" → "会议时间：". Marks between Latin letters
    /// or digits (9:00, 1,000, a URL) are left alone.
    fn half_width(&self, chars: &[char], skip_commas: bool, skip: usize) -> Diagnostics {
        let urls = url_ranges(chars);
        let space = |c: char| c == ' ' || c == '\u{3000}' || c == '\t';
        let mut quotes = 0;
        let mut diags = Diagnostics::new();
        for (at, &c) in chars.iter().enumerate() {
            let (name, full) = match c {
                ',' if !skip_commas => ("逗号", "，"),
                ':' => ("冒号", "："),
                ';' => ("分号", "；"),
                '(' => ("左括号", "（"),
                ')' => ("右括号", "）"),
                '"' => {
                    quotes += 1;
                    ("引号", if quotes % 2 == 1 { "“" } else { "”" })
                }
                '?' => ("问号", "？"),
                '!' => ("叹号", "！"),
                _ => continue,
            };
            if at < skip || urls.iter().any(|r| r.contains(&at)) {
                continue;
            }
            let before = chars[..at].iter().rev().find(|&&c| !space(c));
            let after = chars[at + 1..].iter().find(|&&c| !space(c));
            if !before.is_some_and(|&c| is_cjk(c)) && !after.is_some_and(|&c| is_cjk(c)) {
                continue;
            }
            diags.push(self.warn(
                at..at + 1,
                format!("中文里用了半角{name}“{c}”"),
                format!("改为全角{name}“{full}”"),
            ));
        }
        diags
    }

    /// Dates in running text: "2021-07-21" → "2021年7月21日"; "2021年07月" → "2021年7月".
    fn dates(&self, chars: &[char]) -> Diagnostics {
        let mut diags = Diagnostics::new();
        let digits_at = |at: usize| {
            chars[at.min(chars.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
        };
        let mut at = 0;
        while at < chars.len() {
            let n = digits_at(at);
            if n == 0 || (at > 0 && chars[at - 1].is_ascii_digit()) {
                at += 1;
                continue;
            }
            let number = |from: usize, len: usize| -> u32 {
                chars[from..from + len]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0)
            };
            // 2021-07-21, 2021.7.21, 2021/7/21
            if n == 4
                && let Some(&sep) = chars.get(at + 4)
                && matches!(sep, '-' | '.' | '/')
            {
                let m = digits_at(at + 5);
                let d = if (1..=2).contains(&m) && chars.get(at + 5 + m) == Some(&sep) {
                    digits_at(at + 6 + m)
                } else {
                    0
                };
                let end = at + 6 + m + d;
                if (1..=2).contains(&d)
                    && (1900..2100).contains(&number(at, 4))
                    && (1..=12).contains(&number(at + 5, m))
                    && (1..=31).contains(&number(at + 6 + m, d))
                    && !chars
                        .get(end)
                        .is_some_and(|&c| c == sep || c.is_ascii_digit())
                {
                    let typed: String = chars[at..end].iter().collect();
                    let fixed = format!(
                        "{}年{}月{}日",
                        number(at, 4),
                        number(at + 5, m),
                        number(at + 6 + m, d)
                    );
                    diags.push(self.warn(
                        at..end,
                        format!("公文中的日期“{typed}”要写成“{fixed}”"),
                        format!(
                            "把“{typed}”改为“{fixed}”：年份写全，月、日不编虚位（GB/T 9704 7.3.5）"
                        ),
                    ));
                    at = end;
                    continue;
                }
            }
            // 07月, 05日 after a year or month
            if n == 2
                && chars[at] == '0'
                && matches!(chars.get(at + 2), Some('月' | '日'))
                && at > 0
                && matches!(chars[at - 1], '年' | '月')
            {
                let unit = chars[at + 2];
                diags.push(self.warn(
                    at..at + 3,
                    format!("日期中的“{}{}{unit}”编了虚位", chars[at], chars[at + 1]),
                    format!(
                        "写成“{}{unit}”：月、日不编虚位（GB/T 9704 7.3.5）",
                        chars[at + 1]
                    ),
                ));
            }
            at += n;
        }
        diags
    }
}

/// Character ranges of web addresses: "http://…", "https://…", "www.…", up to a space or a
/// Chinese character.
fn url_ranges(chars: &[char]) -> Vec<Range<usize>> {
    let text: String = chars.iter().collect();
    let mut ranges = Vec::new();
    for (byte, _) in text.match_indices(['h', 'w']) {
        let rest = &text[byte..];
        if !(rest.starts_with("http://")
            || rest.starts_with("https://")
            || rest.starts_with("www."))
        {
            continue;
        }
        let start = text[..byte].chars().count();
        let len = rest
            .chars()
            .take_while(|c| c.is_ascii() && !c.is_ascii_whitespace())
            .count();
        ranges.push(start..start + len);
    }
    ranges
}
