//! Checks of typed text: a notice body's inserts have their data, its slots name something the
//! data can fill, and 主要职责 / 工作规则 insert nothing.

use super::check::at;
use super::official::Table;
use super::slots::{self, Piece};
use super::yaml::nearest;
use super::{Block, Council, CouncilData, Insert, Loaded, Notice, Sealing};
use crate::diag::{Diagnostic, Diagnostics, SourceFile};

/// A notice body's inserts need their data, and its slots must name something the data has.
pub(super) fn notice_body(data: &CouncilData, notice: &Loaded<Notice>) -> Diagnostics {
    let mut diags = body(data, &notice.body, &notice.file);
    diags.extend(unknown_slots(data, &notice.title, &notice.file));
    diags
}

/// The blocks of any body: inserts need their data, slots something the data has, a table
/// rows as wide as its columns.
pub(super) fn body(data: &CouncilData, blocks: &[Block], file: &SourceFile) -> Diagnostics {
    let council = &data.council;
    let mut diags = Diagnostics::new();
    for block in blocks {
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
            Block::Table(table) => {
                diags.extend(table_shape(table, file));
                continue;
            }
        };
        diags.extend(unknown_slots(data, text, file));
    }
    diags
}

/// Every row of a table has a cell per column, and `widths`, when given, one ratio per column.
pub(super) fn table_shape(table: &Table, file: &SourceFile) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let columns = table.columns.value.len();
    if columns == 0 {
        diags.push(
            at(file, &table.columns, "表格没有列标题".into())
                .help("请在 columns 中写出各列的标题，如 [序号, 任务, 责任单位]"),
        );
        return diags;
    }
    if !table.widths.is_empty() && table.widths.len() != columns {
        diags.push(
            at(
                file,
                &table.columns,
                format!(
                    "widths 写了 {} 个比例，但表格有 {columns} 列",
                    table.widths.len()
                ),
            )
            .help("请为每一列写一个宽度比例，或删除 widths（按内容分配列宽）"),
        );
    }
    if table.widths.contains(&0) {
        diags.push(
            at(file, &table.columns, "widths 中有 0".into())
                .help("宽度比例须是正整数，如 [1, 6, 3]"),
        );
    }
    for row in &table.rows {
        let cells = row.value.len();
        if cells != columns {
            diags.push(
                at(
                    file,
                    row,
                    format!("这一行有 {cells} 格，但表格有 {columns} 列"),
                )
                .help(format!(
                    "每行的格数须与 columns 相同（{}）；空格请写 \"\"",
                    table.columns.value.join("、")
                )),
            );
        }
    }
    diags
}

/// Slots in `text` that the data cannot fill. The text is not spanned: the error points at the
/// first occurrence of the slot in the file.
pub(super) fn unknown_slots(data: &CouncilData, text: &str, file: &SourceFile) -> Diagnostics {
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
pub(super) fn prose(council: &Loaded<Council>) -> Diagnostics {
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
