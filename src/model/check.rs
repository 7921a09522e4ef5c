//! Checks that need more than one field: references between files, duplicates, hidden characters.

use std::collections::HashMap;

use serde_saphyr::Spanned;

use super::yaml::{nearest, span_of};
use super::{CouncilData, Person};
use crate::diag::{Diagnostic, Diagnostics, SourceFile};

/// Runs every cross-field check on loaded data.
pub fn check(data: &CouncilData) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let council = &data.council;
    let unit_names: Vec<&str> = council
        .units
        .iter()
        .map(|u| u.name.value.as_str())
        .collect();

    let mut seen: HashMap<&str, &Spanned<String>> = HashMap::new();
    for unit in &council.units {
        if seen.insert(&unit.name.value, &unit.name).is_some() {
            diags.push(
                at(
                    &council.file,
                    &unit.name,
                    format!("成员单位“{}”重复出现", unit.name.value),
                )
                .help("每个成员单位只能列一次；请删除重复的一项"),
            );
        }
    }

    let known_unit = |r: &Spanned<String>, file: &SourceFile, what: &str| -> Option<Diagnostic> {
        if unit_names.contains(&r.value.as_str()) {
            return None;
        }
        let help = match nearest(&r.value, &unit_names) {
            Some(best) => {
                format!("是否想写“{best}”？{what}须是 council.yaml 中 units 列出的单位简称")
            }
            None => format!(
                "{what}须是 council.yaml 中 units 列出的单位简称：{}",
                unit_names.join("、")
            ),
        };
        Some(at(file, r, format!("{what}“{}”不是成员单位", r.value)).help(help))
    };
    diags.extend(known_unit(&council.lead_unit, &council.file, "牵头单位"));
    diags.extend(known_unit(
        &council.office.host_unit,
        &council.file,
        "办公室所在单位",
    ));
    if let Err(refused) = data.font_dirs() {
        diags.extend(refused);
    }

    let roster = &data.roster;
    for person in roster.members.iter().chain(&roster.liaisons) {
        diags.extend(known_unit(&person.unit, &roster.file, "单位"));
    }
    diags.extend(one_per_unit(&roster.members, &roster.file, "成员"));
    diags.extend(one_per_unit(&roster.liaisons, &roster.file, "联络员"));

    for session in &data.sessions {
        let file = &session.file;
        let day = session.date.value;
        for time in std::iter::once(&session.start).chain(&session.sign_in) {
            if parse_time(&time.value).is_none() {
                diags.push(
                    at(file, time, format!("时间“{}”格式不对", time.value))
                        .help("请写成 \"09:00\" 这样的 24 小时制时间，并加引号"),
                );
            }
        }
        if let Some(notice) = &session.notice {
            if notice.date.value > day {
                diags.push(
                    at(file, &notice.date, "会议通知的成文日期晚于会议日期".into())
                        .help("请核对通知日期或会议日期"),
                );
            }
            if notice.reply_deadline.value > day || notice.reply_deadline.value < notice.date.value
            {
                diags.push(
                    at(
                        file,
                        &notice.reply_deadline,
                        "回执截止日期须在发通知之后、开会之前".into(),
                    )
                    .help(format!("会议日期是{}", day.chinese())),
                );
            }
        }
        if let Some(minutes) = &session.minutes {
            if minutes.date.value < day {
                diags.push(
                    at(file, &minutes.date, "纪要日期早于会议日期".into())
                        .help(format!("会议于{}召开", day.chinese())),
                );
            }
            for unit in minutes.decisions.iter().flat_map(|d| &d.units) {
                diags.extend(known_unit(unit, file, "责任单位"));
            }
        }
    }
    diags
}

/// "09:00" → (9, 0).
pub fn parse_time(s: &str) -> Option<(u32, u32)> {
    let (h, m) = s.trim().split_once([':', '：'])?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60 && s.trim().len() <= 5).then_some((h, m))
}

fn one_per_unit(people: &[Person], file: &SourceFile, seat: &str) -> Diagnostics {
    let mut seen: HashMap<&str, &Person> = HashMap::new();
    let mut diags = Diagnostics::new();
    for p in people {
        if let Some(first) = seen.insert(&p.unit.value, p) {
            diags.push(
                at(
                    file,
                    &p.unit,
                    format!(
                        "“{}”已有{seat}{}，每个单位只设1名{seat}",
                        p.unit.value, first.name.value
                    ),
                )
                .help(format!(
                    "请删除多余的一名；人员调整请用备案记录，不要直接增加{seat}"
                )),
            );
        }
    }
    diags
}

fn at<T>(file: &SourceFile, value: &Spanned<T>, message: String) -> Diagnostic {
    Diagnostic::error(message).at(file, span_of(&value.referenced))
}

/// Control and bidirectional-override characters: invisible in an editor, harmful in print.
pub fn forbidden_characters(file: &SourceFile) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (offset, c) in file.text.char_indices() {
        let what = match c {
            '\n' | '\r' | '\t' => continue,
            c if c.is_control() => "控制字符",
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                "文字方向控制字符"
            }
            _ => continue,
        };
        diags.push(
            Diagnostic::error(format!("文本中有看不见的{what} U+{:04X}", c as u32))
                .at(file, offset..offset + c.len_utf8())
                .help("这类字符常由复制粘贴带入，会让打印结果与所见不同；请删除后重新输入这段文字"),
        );
    }
    diags
}
