//! Who a meeting expects, who chairs it and who came: the roster as of the meeting date.

use super::{History, Holder, Origin, RosterState};
use crate::diag::Diagnostics;
use crate::model::filing::SeatKind;
use crate::model::session::{Session, Substitute};
use crate::model::yaml::nearest;
use crate::model::{Council, Date, Loaded};

/// The chair of a meeting.
#[derive(Debug, Clone)]
pub struct Chair {
    pub holder: Holder,
    pub seat: SeatKind,
    /// Chairing on the first leader's behalf (受召集人委托).
    pub entrusted: bool,
}

/// A meeting's people, resolved against the roster as it stood on the meeting date.
#[derive(Debug, Clone)]
pub struct Attendance {
    pub date: Date,
    /// Every seat the meeting expects, in roster order (leaders, 成员, 联络员), each person once.
    pub expected: Vec<(SeatKind, Holder)>,
    pub chair: Chair,
    /// Expected and not on leave; a seat defined by post carries who sat in it when the minutes
    /// say so.
    pub present: Vec<(SeatKind, Holder)>,
    /// On leave, with who came in their place.
    pub leave: Vec<(Holder, Option<Substitute>)>,
}

/// Resolves `session`'s people; every name that is not on the roster that day is an error.
pub fn resolve(
    council: &Council,
    history: &History,
    session: &Loaded<Session>,
) -> Result<Attendance, Diagnostics> {
    let date = session.date.value;
    let roster = history.at(date);
    let mut diags = Diagnostics::new();
    let roles = council.role_names();
    let kinds = SeatKind::all(&roles);
    for wanted in &session.attendees {
        if !kinds.contains(&wanted.value) {
            diags.push(
                Origin::of(&session.file, wanted)
                    .error(format!("联席会议没有“{}”这一席位", wanted.value.chinese()))
                    .help(format!("应参会的席位可写：{}", names_of(&kinds).join("、"))),
            );
        }
    }
    let mut expected: Vec<(SeatKind, Holder)> = Vec::new();
    for kind in kinds
        .iter()
        .filter(|k| session.attendees.iter().any(|a| a.value == **k))
    {
        for holder in roster.holders(kind) {
            let twice =
                holder.name.is_some() && expected.iter().any(|(_, h)| h.name == holder.name);
            if !twice {
                expected.push((kind.clone(), holder.clone()));
            }
        }
    }
    // Who sat in a seat defined by post is known only afterwards: the minutes say so.
    let mut came = expected.clone();
    if let Some(minutes) = &session.minutes {
        for by in &minutes.attended_by {
            let seat = came
                .iter_mut()
                .find(|(_, h)| h.name.is_none() && !h.group && h.unit == by.unit.value);
            match seat {
                Some((_, h)) => {
                    h.name = Some(by.name.clone());
                    h.post = by.post.clone().or(h.post.take());
                    h.run_in = None;
                }
                None => diags.push(
                    Origin::of(&session.file, &by.unit)
                        .error(format!(
                            "“{}”在{}没有按职务确定、应参会的席位",
                            by.unit.value,
                            date.chinese()
                        ))
                        .help("attended_by 只用于名单中按职务确定（没写姓名）的席位；有姓名的人员不用写"),
                ),
            }
        }
    }
    let mut chair = resolve_chair(&roster, &roles, council.first_role(), session, &mut diags);
    // A chair's seat defined by post: the minutes may say who sat in it.
    if let Some(chair) = chair.as_mut().filter(|c| c.holder.name.is_none())
        && session.minutes.is_some()
        && let Some((_, h)) = came
            .iter()
            .find(|(k, h)| *k == chair.seat && h.unit == chair.holder.unit && h.name.is_some())
    {
        chair.holder = h.clone();
    }

    let mut leave = Vec::new();
    if let Some(minutes) = &session.minutes {
        for entry in &minutes.leave {
            let name = &entry.name.value;
            match expected.iter().find(|(_, h)| h.name.as_ref() == Some(name)) {
                Some((_, holder)) => leave.push((holder.clone(), entry.substitute.clone())),
                None => {
                    let names: Vec<&str> = expected
                        .iter()
                        .filter_map(|(_, h)| h.name.as_deref())
                        .collect();
                    let help = match nearest(name, &names) {
                        Some(best) => {
                            format!("是否想写“{best}”？请假人员须是当天名单上应参会的人员")
                        }
                        None => {
                            "请假人员须是当天名单上应参会的人员；代为参会的人写在 substitute 中"
                                .into()
                        }
                    };
                    diags.push(
                        Origin::of(&session.file, &entry.name)
                            .error(format!("{name}不在{}应参会的人员中", date.chinese()))
                            .help(help),
                    );
                }
            }
        }
    }
    let present = came
        .iter()
        .filter(|(_, h)| h.name.is_none() || !leave.iter().any(|(l, _)| l.name == h.name))
        .cloned()
        .collect();
    match (diags.is_empty(), chair) {
        (true, Some(chair)) => Ok(Attendance {
            date,
            expected,
            chair,
            present,
            leave,
        }),
        _ => Err(diags),
    }
}

fn names_of(kinds: &[SeatKind]) -> Vec<&str> {
    kinds.iter().map(SeatKind::chinese).collect()
}

/// The chair: a role (its first holder), or a person on that day's roster; by default the
/// first leader role's first holder.
fn resolve_chair(
    roster: &RosterState,
    roles: &[&str],
    first_role: &str,
    session: &Loaded<Session>,
    diags: &mut Diagnostics,
) -> Option<Chair> {
    let wanted = session
        .chair
        .as_ref()
        .map_or(first_role, |c| c.value.as_str());
    let date = session.date.value.chinese();
    let here = |message: String| match &session.chair {
        Some(chair) => Origin::of(&session.file, chair).error(message),
        None => Origin::of(&session.file, &session.date).error(message),
    };
    if roles.contains(&wanted) {
        let kind = SeatKind::Leader(wanted.to_string());
        return match roster.holders(&kind).first() {
            Some(h) => Some(Chair {
                holder: (*h).clone(),
                seat: kind,
                entrusted: wanted != first_role,
            }),
            None => {
                diags.push(
                    here(format!("{date}联席会议的{wanted}空缺"))
                        .help("请在 chair 中写明受委托主持会议的人员姓名"),
                );
                None
            }
        };
    }
    let found = roster
        .seats()
        .find(|(_, h)| h.name.as_deref() == Some(wanted));
    match found {
        Some((seat, h)) => Some(Chair {
            holder: h.clone(),
            seat: seat.clone(),
            entrusted: *seat != SeatKind::Leader(first_role.to_string()),
        }),
        None => {
            let names: Vec<&str> = roster
                .seats()
                .filter_map(|(_, h)| h.name.as_deref())
                .collect();
            let help = match nearest(wanted, &names) {
                Some(best) => format!(
                    "是否想写“{best}”？主持人写领导职务（如“{first_role}”）或当天名单上某人的姓名"
                ),
                None => format!(
                    "主持人写领导职务（如“{first_role}”），或当天名单上受委托主持会议的人员姓名"
                ),
            };
            diags.push(here(format!("主持人“{wanted}”不在{date}的联席会议名单中")).help(help));
            None
        }
    }
}
