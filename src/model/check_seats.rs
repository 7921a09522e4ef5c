//! Checks of `roster.yaml`'s seats and `council.yaml`'s roles: each seat has one shape, roles are
//! the council's own, a unit holds one seat of a kind.

use std::collections::HashMap;

use serde_saphyr::Spanned;

use super::check::at;
use super::yaml::span_of;
use super::{Council, Loaded, Seat};
use crate::diag::{Diagnostic, Diagnostics, SourceFile};

/// Which list of `roster.yaml` a seat is in.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum SeatList {
    Leaders,
    Members,
    Liaisons,
}

/// A seat is exactly one of: a person or post in a unit (`unit`), units sharing a post
/// (`units` + `post`), or a post alone ("分管民政工作的市领导", "各区政府分管副区长"); only
/// leaders have a role, and liaisons sit for a unit.
pub(super) fn seat_shape(seat: &Spanned<Seat>, file: &SourceFile, list: SeatList) -> Diagnostics {
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
pub(super) fn roles(council: &Loaded<Council>) -> Diagnostics {
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

pub(super) fn one_per_unit(seats: &[Spanned<Seat>], file: &SourceFile, seat: &str) -> Diagnostics {
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
