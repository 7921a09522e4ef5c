//! Checking a filing against the roster it meets, and applying it.

use std::collections::HashMap;

use super::{ChangeRecord, History, Holder, Origin, RosterState};
use crate::diag::{Diagnostic, Diagnostics, Failure};
use crate::model::filing::{Filing, SeatKind};
use crate::model::yaml::nearest;
use crate::model::{CouncilData, Date, Loaded};

/// Applies every filing in effective-date order (file name breaks ties).
pub fn replay(data: &CouncilData, founded: RosterState) -> Result<History, Failure> {
    let mut order: Vec<usize> = (0..data.filings.len()).collect();
    order.sort_by_key(|&i| {
        (
            data.filings[i].effective.value,
            data.filings[i].file.path.clone(),
        )
    });

    let mut state = founded.clone();
    let mut changes = Vec::new();
    let mut diags = Diagnostics::new();
    // Seat identity and date → the filing that already changed it that day.
    let mut changed_on: HashMap<(SeatKind, String, Date), usize> = HashMap::new();
    for index in order {
        let filing = &data.filings[index];
        match check(data, filing, &state) {
            Ok(change) => {
                let key = (change.kind.clone(), seat_key(&change), change.effective);
                if let Some(&first) = changed_on.get(&key) {
                    diags.push(
                        Origin::of(&filing.file, &filing.effective)
                            .error(format!(
                                "同一席位在{}已有一次调整",
                                change.effective.chinese()
                            ))
                            .help(format!(
                                "{} 已在同一天调整该席位；请合并为一份备案，或改正生效日期",
                                data.filings[first].file.path.display()
                            )),
                    );
                    continue;
                }
                changed_on.insert(key, index);
                let change = ChangeRecord {
                    filing: index,
                    ..change
                };
                apply(&mut state, &change);
                changes.push(change);
            }
            Err(d) => diags.push(d),
        }
    }
    if diags.is_empty() {
        Ok(History { founded, changes })
    } else {
        Err(Failure(diags))
    }
}

/// What identifies the seat a change touches on its day.
fn seat_key(change: &ChangeRecord) -> String {
    if change.kind.is_per_unit() {
        change.unit.clone()
    } else {
        change
            .before
            .as_ref()
            .or(change.after.as_ref())
            .map_or(String::new(), Holder::name_or_post)
    }
}

/// Replaces the seat's holder (or adds or vacates the seat).
pub fn apply(state: &mut RosterState, change: &ChangeRecord) {
    let leaving = change.before.as_ref().and_then(|h| h.name.as_deref());
    let index = match leaving {
        Some(name) => state.seat_index(&change.kind, &change.unit, Some(name)),
        None => None,
    };
    match (index, &change.after) {
        (Some(i), Some(after)) => state.seats[i].1 = after.clone(),
        (Some(i), None) => {
            state.seats.remove(i);
        }
        (None, Some(after)) => {
            // A new seat goes after the last of its kind.
            let at = state
                .seats
                .iter()
                .rposition(|(k, _)| *k == change.kind)
                .map_or(state.seats.len(), |i| i + 1);
            state.seats.insert(at, (change.kind.clone(), after.clone()));
        }
        (None, None) => {}
    }
}

/// The change a filing makes, if it fits the roster as it stood.
fn check(
    data: &CouncilData,
    filing: &Loaded<Filing>,
    state: &RosterState,
) -> Result<ChangeRecord, Diagnostic> {
    let file = &filing.file;
    let kind = &filing.seat.value;
    let unit = &filing.unit.value;
    let effective = filing.effective.value;
    let when = effective.chinese();

    if effective <= data.roster.date.value {
        return Err(Origin::of(file, &filing.effective)
            .error(format!(
                "生效日期{when}不在联席会议成立（{}）之后",
                data.roster.date.value.chinese()
            ))
            .help("成立时的组成人员写在 roster.yaml 中；备案只记录此后的调整"));
    }
    if let SeatKind::Leader(role) = kind {
        let roles = data.council.role_names();
        if !roles.contains(&role.as_str()) {
            let help = match nearest(role, &roles) {
                Some(best) => format!(
                    "是否想写“{best}”？调整类别写成员、联络员或{}",
                    roles.join("、")
                ),
                None => format!("调整类别写成员、联络员或{}", roles.join("、")),
            };
            return Err(Origin::of(file, &filing.seat)
                .error(format!("联席会议没有“{role}”这一职务"))
                .help(help));
        }
    }
    if data.council.is_group(unit) {
        return Err(Origin::of(file, &filing.unit)
            .error(format!(
                "“{unit}”是数目不定的一组单位，其席位随职务确定，不需要备案"
            ))
            .help("删除这份备案；一组单位中某个单位的人员变动不报联席会议备案"));
    }
    if kind.is_per_unit() && data.council.unit(unit).is_none() {
        let names: Vec<&str> = data
            .council
            .units
            .iter()
            .map(|u| u.name.value.as_str())
            .collect();
        let help = match nearest(unit, &names) {
            Some(best) => format!("是否想写“{best}”？填报单位须是 council.yaml 中的成员单位简称"),
            None => format!("填报单位须是成员单位简称：{}", names.join("、")),
        };
        return Err(Origin::of(file, &filing.unit)
            .error(format!("“{unit}”不是成员单位"))
            .help(help));
    }
    if filing.leaving.is_none() && filing.taking_over.is_none() {
        return Err(Origin::of(file, &filing.seat)
            .error("备案没有写调整前或调整后的人员")
            .help("请填写 leaving（调整前）和/或 taking_over（调整后）"));
    }

    let seat_name = if kind.is_per_unit() {
        format!("{unit}的{}", kind.chinese())
    } else {
        kind.chinese().to_string()
    };
    let current = |name: Option<&str>| {
        state
            .seat_index(kind, unit, name)
            .map(|i| &state.seats[i].1)
    };
    // A seat defined by its post follows the post: nobody files for it.
    if let Some(seat) = current(None).filter(|h| kind.is_per_unit() && h.name.is_none()) {
        return Err(Origin::of(file, &filing.seat)
            .error(format!(
                "{seat_name}按职务确定（{}），人员随职务变动，不需要备案",
                seat.unit_and_post()
            ))
            .help("删除这份备案；如要改为由具体人员担任，请在 roster.yaml 中写明姓名"));
    }
    let before = match &filing.leaving {
        Some(leaving) => {
            let name = &leaving.name.value;
            match current(Some(name)) {
                Some(holder) if holder.name.as_ref() == Some(name) => Some(holder.clone()),
                other => {
                    let held = match (other, kind.is_per_unit()) {
                        (Some(h), _) => format!("当时{seat_name}是{}", h.name_or_post()),
                        (None, true) => format!("当时{seat_name}空缺"),
                        (None, false) => {
                            let names: Vec<String> = state
                                .holders(kind)
                                .iter()
                                .map(|h| h.name_or_post())
                                .collect();
                            format!(
                                "当时的{}是{}",
                                kind.chinese(),
                                if names.is_empty() {
                                    "空缺".into()
                                } else {
                                    names.join("、")
                                }
                            )
                        }
                    };
                    return Err(Origin::of(file, &leaving.name)
                        .error(format!("{name}在{when}并不担任{seat_name}（{held}）"))
                        .help("请核对调整前人员的姓名和单位，或检查更早的备案是否漏报"));
                }
            }
        }
        None => {
            if let (true, Some(holder)) = (kind.is_per_unit(), current(None)) {
                return Err(Origin::of(file, &filing.seat)
                    .error(format!(
                        "{when}时{seat_name}是{}，备案却没有写调整前的人员",
                        holder.name_or_post()
                    ))
                    .help(format!(
                        "请加上 leaving: {{ name: {} }}",
                        holder.name_or_post()
                    )));
            }
            None
        }
    };

    let after = match &filing.taking_over {
        Some(new) => {
            let name = &new.name.value;
            let elsewhere = state.seats_of(name).find(|(_, (k, h))| {
                !(h.name.is_some()
                    && h.name == before.as_ref().and_then(|b| b.name.clone())
                    && k == kind)
            });
            if let (Some((_, (k, h))), false) = (elsewhere, new.concurrent) {
                let seat = if k.is_per_unit() {
                    format!("{}的{}", h.unit, k.chinese())
                } else {
                    k.chinese().to_string()
                };
                return Err(Origin::of(file, &new.name)
                    .error(format!(
                        "{name}在{when}已担任{seat}，一人不能同时占两个席位"
                    ))
                    .help("确为兼任时，请在 taking_over 中加上 concurrent: true"));
            }
            Some(Holder {
                name: Some(name.clone()),
                unit: unit.clone(),
                post: new.post.clone(),
                group: false,
                run_in: None,
                unit_label: before
                    .as_ref()
                    .filter(|b| &b.unit == unit)
                    .and_then(|b| b.unit_label.clone()),
                office_phone: new.office_phone.clone(),
                mobile: new.mobile.clone(),
                concurrent: new.concurrent,
                origin: Origin::of(file, &new.name),
            })
        }
        None => None,
    };
    Ok(ChangeRecord {
        effective,
        kind: kind.clone(),
        unit: unit.clone(),
        before,
        after,
        filing: 0,
    })
}
