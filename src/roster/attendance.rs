//! Who a meeting expects, who chairs it and who came: the roster as of the meeting date.

use super::{History, Holder, Origin};
use crate::diag::Diagnostics;
use crate::model::filing::SeatKind;
use crate::model::session::{Session, Substitute};
use crate::model::yaml::nearest;
use crate::model::{Date, Loaded};

/// The chair of a meeting.
#[derive(Debug, Clone)]
pub struct Chair {
    pub holder: Holder,
    pub seat: SeatKind,
    /// Chairing on the convenor's behalf (受召集人委托).
    pub entrusted: bool,
}

/// A meeting's people, resolved against the roster as it stood on the meeting date.
#[derive(Debug, Clone)]
pub struct Attendance {
    pub date: Date,
    /// Everyone the meeting expects, in roster order (召集人, 副召集人, 成员, 联络员), once each.
    pub expected: Vec<(SeatKind, Holder)>,
    pub chair: Chair,
    /// Expected and not on leave.
    pub present: Vec<(SeatKind, Holder)>,
    /// On leave, with who came in their place.
    pub leave: Vec<(Holder, Option<Substitute>)>,
}

/// Resolves `session`'s people; every name that is not on the roster that day is an error.
pub fn resolve(history: &History, session: &Loaded<Session>) -> Result<Attendance, Diagnostics> {
    let date = session.date.value;
    let roster = history.at(date);
    let mut expected: Vec<(SeatKind, Holder)> = Vec::new();
    for kind in SeatKind::ALL
        .into_iter()
        .filter(|k| session.attendees.contains(k))
    {
        for holder in roster.holders(kind) {
            if !expected.iter().any(|(_, h)| h.name == holder.name) {
                expected.push((kind, holder.clone()));
            }
        }
    }
    let mut diags = Diagnostics::new();
    let chair = resolve_chair(&roster_seats(&roster), session, &mut diags);

    let mut leave = Vec::new();
    if let Some(minutes) = &session.minutes {
        for entry in &minutes.leave {
            let name = &entry.name.value;
            match expected.iter().find(|(_, h)| &h.name == name) {
                Some((_, holder)) => leave.push((holder.clone(), entry.substitute.clone())),
                None => {
                    let names: Vec<&str> = expected.iter().map(|(_, h)| h.name.as_str()).collect();
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
    let present = expected
        .iter()
        .filter(|(_, h)| !leave.iter().any(|(l, _)| l.name == h.name))
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

fn roster_seats(roster: &super::RosterState) -> Vec<(SeatKind, &Holder)> {
    SeatKind::ALL
        .into_iter()
        .flat_map(|k| roster.holders(k).into_iter().map(move |h| (k, h)))
        .collect()
}

fn resolve_chair(
    seats: &[(SeatKind, &Holder)],
    session: &Loaded<Session>,
    diags: &mut Diagnostics,
) -> Option<Chair> {
    let wanted = &session.chair.value;
    let date = session.date.value.chinese();
    if wanted == "召集人" {
        match seats.iter().find(|(k, _)| *k == SeatKind::Convenor) {
            Some((seat, h)) => {
                return Some(Chair {
                    holder: (*h).clone(),
                    seat: *seat,
                    entrusted: false,
                });
            }
            None => {
                diags.push(
                    Origin::of(&session.file, &session.chair)
                        .error(format!("{date}联席会议没有召集人"))
                        .help("请写明受委托主持会议的人员姓名"),
                );
                return None;
            }
        }
    }
    match seats.iter().find(|(_, h)| &h.name == wanted) {
        Some((seat, h)) => Some(Chair {
            holder: (*h).clone(),
            seat: *seat,
            entrusted: *seat != SeatKind::Convenor,
        }),
        None => {
            let names: Vec<&str> = seats.iter().map(|(_, h)| h.name.as_str()).collect();
            let help = match nearest(wanted, &names) {
                Some(best) => format!("是否想写“{best}”？主持人写“召集人”或当天名单上某人的姓名"),
                None => "主持人写“召集人”，或当天名单上受委托主持会议的人员姓名".into(),
            };
            diags.push(
                Origin::of(&session.file, &session.chair)
                    .error(format!("主持人“{wanted}”不在{date}的联席会议名单中"))
                    .help(help),
            );
            None
        }
    }
}
