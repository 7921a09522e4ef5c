//! Checks that need more than one field: references between files, duplicates, hidden characters.

use std::collections::HashMap;

use serde_saphyr::Spanned;

use super::slots::{self, Piece};
use super::yaml::{nearest, span_of};
use super::{Block, Council, CouncilData, Insert, Loaded, Notice, Sealing, Seat};
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

/// Which list of `roster.yaml` a seat is in.
#[derive(Clone, Copy, PartialEq)]
enum SeatList {
    Leaders,
    Members,
    Liaisons,
}

/// A seat is exactly one of: a person or post in a unit (`unit`), units sharing a post
/// (`units` + `post`), or a post alone ("分管民政工作的市领导", "各区政府分管副区长"); only
/// leaders have a role, and liaisons sit for a unit.
fn seat_shape(seat: &Spanned<Seat>, file: &SourceFile, list: SeatList) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let s = &seat.value;
    let named = |message: &str, help: &str| {
        Diagnostic::error(message)
            .at(file, span_of(&seat.referenced))
            .help(help)
    };
    match (list, &s.role) {
        (SeatList::Leaders, None) => diags.push(named(
            "领导席位没有写 role（职务）",
            "请加上 role，如 role: 召集人",
        )),
        (SeatList::Members | SeatList::Liaisons, Some(role)) => diags.push(
            at(file, role, "只有 leaders 中的领导席位写 role".into())
                .help("成员和联络员不写 role；领导请写在 leaders 中"),
        ),
        _ => {}
    }
    match (&s.unit, &s.units) {
        (Some(_), Some(_)) => diags.push(named(
            "一个席位不能同时写 unit 和 units",
            "某人或某职务写 unit；几个单位共用一个职务说法写 units",
        )),
        (None, None) if list == SeatList::Liaisons || s.post.is_none() => diags.push(named(
            "席位没有写单位",
            "请写 unit（单位简称）；几个单位共用一个职务说法时写 units: [..] 和 post；不属于某个单位的职务（如“各区政府分管副区长”）只写 post",
        )),
        _ => {}
    }
    if let (Some(name), Some(_)) = (&s.name, &s.units) {
        diags.push(
            at(file, name, "几个单位共用的席位不能写姓名".into())
                .help("具体人员请单列一个席位，写 name 和 unit"),
        );
    }
    if let Some(units) = &s.units {
        if units.is_empty() {
            diags.push(named("units 是空的", "请列出共用这一职务说法的成员单位"));
        }
        if s.post.is_none() {
            diags.push(named(
                "几个单位连写的席位没有写 post",
                "请写出它们共用的职务说法，如 post: 分管负责人",
            ));
        }
    }
    if s.unit.is_some() && s.name.is_none() && s.post.is_none() {
        diags.push(named(
            "席位既没有姓名也没有职务",
            "请写 name（由某人担任）或 post（按职务确定，如“分管负责同志”）",
        ));
    }
    if let Some(name) = &s.name
        && name.value.trim().is_empty()
    {
        diags.push(
            at(file, name, "姓名是空的".into()).help("请填写姓名；按职务确定的席位删去 name"),
        );
    }
    diags
}

/// Leader roles are named once each and not as 成员/联络员, which every council has.
fn roles(council: &Loaded<Council>) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let mut seen = Vec::new();
    for role in &council.roles {
        let name = role.value.trim();
        if name.is_empty() || name == "成员" || name == "联络员" {
            diags.push(
                at(&council.file, role, format!("“{name}”不能作为领导职务")).help(
                    "roles 只列召集人、组长等领导职务；成员和联络员是每个联席会议都有的，不用列",
                ),
            );
        } else if seen.contains(&name) {
            diags.push(
                at(&council.file, role, format!("领导职务“{name}”重复")).help("请删除重复的一项"),
            );
        }
        seen.push(name);
    }
    diags
}

/// A notice body's inserts need their data, and its slots must name something the data has.
fn notice_body(data: &CouncilData, notice: &Loaded<Notice>) -> Diagnostics {
    let council = &data.council;
    let mut diags = Diagnostics::new();
    let file = &notice.file;
    for block in &notice.body {
        let text = match block {
            Block::Insert(insert) => {
                let missing = match insert.value {
                    Insert::Rules if council.rules.is_none() => Some((
                        "council.yaml 没有写工作规则（rules）",
                        "请在 council.yaml 中写 rules，或删除这一项",
                    )),
                    Insert::Liaisons if data.roster.liaisons.is_empty() => Some((
                        "roster.yaml 没有联络员名单",
                        "请在 roster.yaml 中写 liaisons，或删除这一项（只说明联络员由谁担任时写一段 text）",
                    )),
                    Insert::UnitDuties if council.units.iter().all(|u| u.duties.is_none()) => {
                        Some((
                            "没有任何成员单位写了职责分工（duties）",
                            "请在 council.yaml 的成员单位下写 duties，或删除这一项",
                        ))
                    }
                    _ => None,
                };
                if let Some((message, help)) = missing {
                    diags.push(at(file, insert, message.into()).help(help));
                }
                continue;
            }
            Block::Text(t)
            | Block::Heading(t)
            | Block::Item(t)
            | Block::Point(t)
            | Block::Subpoint(t) => t,
        };
        diags.extend(unknown_slots(data, text, file));
    }
    diags.extend(unknown_slots(data, &notice.title, file));
    diags
}

/// Slots in `text` that the data cannot fill. The text is not spanned: the error points at the
/// first occurrence of the slot in the file.
fn unknown_slots(data: &CouncilData, text: &str, file: &SourceFile) -> Diagnostics {
    let council = &data.council;
    let mut diags = Diagnostics::new();
    let roles = council.role_names();
    for piece in slots::pieces(text) {
        let Piece::Slot(name, range) = piece else {
            continue;
        };
        let known = slots::FIXED.iter().any(|(n, _)| *n == name) || roles.contains(&name);
        let empty = match name {
            "牵头单位" => council
                .lead_unit
                .is_none()
                .then_some("没有写牵头单位（lead_unit）"),
            "办公室" | "办公室所在单位" => {
                council.office.is_none().then_some("没有写办公室（office）")
            }
            "办公室主任" => council
                .office
                .as_ref()
                .is_none_or(|o| o.director.is_none())
                .then_some("没有写办公室主任（office 的 director）"),
            "办公室电话" => council
                .office
                .as_ref()
                .is_none_or(|o| o.phone.is_none())
                .then_some("没有写办公室电话（office 的 phone）"),
            "代章单位" => (!matches!(council.sealing, Some(Sealing::Proxy(_))))
                .then_some("没有写代章单位（sealing: { proxy: 单位 }）"),
            "联络员" => data.roster.liaisons.is_empty().then_some("没有联络员名单"),
            _ => None,
        };
        let slot = &text[range];
        let offset = typed_at(&file.text, slot);
        let span = offset..offset + slot.len();
        if !known {
            let mut all: Vec<&str> = slots::FIXED.iter().map(|(n, _)| *n).collect();
            all.extend(&roles);
            let help = match nearest(name, &all) {
                Some(best) => format!("是否想写“{{{best}}}”？可用的有：{}", all.join("、")),
                None => format!("可用的有：{}", all.join("、")),
            };
            diags.push(
                Diagnostic::error(format!("“{slot}”不是可以自动填入的内容"))
                    .at(file, span)
                    .help(help),
            );
        } else if let Some(why) = empty {
            diags.push(
                Diagnostic::error(format!("“{slot}”无从填入：{why}"))
                    .at(file, span)
                    .help("请在 council.yaml 或 roster.yaml 中补上，或改写这句话"),
            );
        }
    }
    diags
}

/// Where `needle` was typed: its first occurrence outside a comment line.
fn typed_at(text: &str, needle: &str) -> usize {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim_start().starts_with('#')
            && let Some(at) = line.find(needle)
        {
            return line_start + at;
        }
        line_start += line.len();
    }
    0
}

/// 主要职责 and 工作规则 are typed text: they cannot insert data.
fn prose(council: &Loaded<Council>) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for prose in std::iter::once(&council.functions).chain(&council.rules) {
        for block in prose.blocks() {
            if let Block::Insert(insert) = block {
                diags.push(
                    at(
                        &council.file,
                        &insert,
                        "主要职责、工作规则中不能用 insert".into(),
                    )
                    .help("insert 只用在公文的 body 中；这里请写 text、item 或 point"),
                );
            }
        }
    }
    diags
}

fn one_per_unit(seats: &[Spanned<Seat>], file: &SourceFile, seat: &str) -> Diagnostics {
    let mut seen: HashMap<&str, &Seat> = HashMap::new();
    let mut diags = Diagnostics::new();
    for s in seats {
        let units = s.value.unit.iter().chain(s.value.units.iter().flatten());
        for unit in units {
            if let Some(first) = seen.insert(&unit.value, &s.value) {
                let who = first.name.as_ref().map_or_else(
                    || first.post.clone().unwrap_or_default(),
                    |n| n.value.clone(),
                );
                diags.push(
                    at(
                        file,
                        unit,
                        format!(
                            "“{}”已有{seat}（{who}），每个单位只设1个{seat}席位",
                            unit.value
                        ),
                    )
                    .help(format!(
                        "请删除多余的一项；人员调整请用备案记录，不要直接增加{seat}"
                    )),
                );
            }
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
