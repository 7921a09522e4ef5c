//! Checks that need more than one field: references between files, duplicates, hidden characters.

use std::collections::HashMap;

use serde_saphyr::Spanned;

use super::check_seats::{SeatList, one_per_unit, roles, seat_shape};
use super::check_text::{notice_body, prose, unknown_slots};
use super::yaml::{nearest, span_of};
use super::{Block, CouncilData};
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
    if let Some(lead) = &council.lead_unit {
        diags.extend(known_unit(lead, &council.file, "牵头单位"));
    }
    // The office and a 代章 unit may sit in any organ, member or not ("区政府办公室").
    diags.extend(roles(council));
    if council.roles.is_empty() {
        diags.push(
            Diagnostic::error("roles 是空的：联席会议至少要有一项领导职务")
                .at(&council.file, 0..0)
                .help("不写 roles 时默认为召集人、副召集人；或写出本联席会议的职务，如 roles: [组长, 副组长]"),
        );
    }
    diags.extend(prose(council));
    for pair in council.renamed.windows(2) {
        if pair[1].date.value <= pair[0].date.value {
            diags.push(
                at(
                    &council.file,
                    &pair[1].date,
                    "更名记录没有按时间先后排列".into(),
                )
                .help("renamed 中的各项请按日期从早到晚排列"),
            );
        }
    }
    if let Some(first) = council.renamed.first()
        && first.date.value <= data.roster.date.value
    {
        diags.push(
            at(
                &council.file,
                &first.date,
                "更名日期不在联席会议成立之后".into(),
            )
            .help(format!(
                "成立时的名称写在 name 中；成立日期（roster.yaml 的 date）是{}",
                data.roster.date.value.chinese()
            )),
        );
    }
    if let Err(refused) = data.font_dirs() {
        diags.extend(refused);
    }

    let roster = &data.roster;
    let role_names = council.role_names();
    for seat in &roster.leaders {
        diags.extend(seat_shape(seat, &roster.file, SeatList::Leaders));
        match &seat.value.role {
            Some(role) if !role_names.contains(&role.value.as_str()) => {
                let help = match nearest(&role.value, &role_names) {
                    Some(best) => format!(
                        "是否想写“{best}”？领导职务须是 council.yaml 中 roles 列出的一项：{}",
                        role_names.join("、")
                    ),
                    None => format!(
                        "领导职务须是 council.yaml 中 roles 列出的一项：{}；新的职务请先加到 roles 中",
                        role_names.join("、")
                    ),
                };
                diags.push(
                    at(
                        &roster.file,
                        role,
                        format!("“{}”不是联席会议的领导职务", role.value),
                    )
                    .help(help),
                );
            }
            _ => {}
        }
    }
    for (list, seats) in [
        (SeatList::Members, &roster.members),
        (SeatList::Liaisons, &roster.liaisons),
    ] {
        for seat in seats {
            diags.extend(seat_shape(seat, &roster.file, list));
            for unit in seat
                .value
                .unit
                .iter()
                .chain(seat.value.units.iter().flatten())
            {
                diags.extend(known_unit(unit, &roster.file, "单位"));
            }
        }
    }
    diags.extend(one_per_unit(&roster.members, &roster.file, "成员"));
    diags.extend(one_per_unit(&roster.liaisons, &roster.file, "联络员"));
    if let Some(notice) = &data.founding_notice {
        diags.extend(notice_body(data, notice));
    }
    for prose in std::iter::once(&council.functions).chain(&council.rules) {
        for block in prose.blocks() {
            if let Block::Text(t) | Block::Item(t) | Block::Point(t) | Block::Subpoint(t) = &block {
                diags.extend(unknown_slots(data, t, &council.file));
            }
        }
    }

    diags.extend(super::check_documents::check(data));

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

pub(super) fn at<T>(file: &SourceFile, value: &Spanned<T>, message: String) -> Diagnostic {
    Diagnostic::error(message).at(file, span_of(&value.referenced))
}

/// Control, bidirectional-override and private-use characters: invisible or unprintable, harmful
/// in print.
pub fn forbidden_characters(file: &SourceFile) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (offset, c) in file.text.char_indices() {
        let what = match c {
            '\n' | '\r' | '\t' => continue,
            c if c.is_control() => "控制字符",
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                "文字方向控制字符"
            }
            // No standard font has them (方正 fonts put extra glyphs there): they print blank.
            '\u{E000}'..='\u{F8FF}' => "私用区字符",
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
