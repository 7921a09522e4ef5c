//! Minutes of a meeting (会议纪要, GB/T 9704 10.3), for archiving.

use serde::Serialize;

use super::elements::ImprintView;
use super::numbering::Numbering;
use super::roster_list::run_in_units;
use crate::model::session::{Minutes, Session, SessionKind};
use crate::model::{Council, Date, Loaded};
use crate::roster::Holder;
use crate::roster::attendance::Attendance;

#[derive(Debug, Clone, Serialize)]
pub struct MinutesView {
    /// 纪要标志, e.g. "…联席会议纪要".
    pub mark: String,
    /// "第1期" or "〔2026〕1号".
    pub number: String,
    pub issuer: String,
    pub date: String,
    /// When, where, who chaired, what was heard — ending "现将会议议定事项纪要如下：".
    pub opening: String,
    pub decisions: Vec<DecisionView>,
    /// 出席 / 请假 / 列席 blocks, in that order; empty ones are left out.
    pub attendance: Vec<AttendanceLine>,
    pub imprint: ImprintView,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    pub number: String,
    /// The run-in 黑体 topic; without one the whole item is the heading.
    pub topic: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttendanceLine {
    pub label: &'static str,
    pub names: String,
}

/// `number`: the minutes' 期号 when the data gives none (see [`numbers`]).
pub fn assemble(
    council: &Council,
    session: &Session,
    minutes: &Minutes,
    people: &Attendance,
    number: String,
) -> MinutesView {
    let chair = &people.chair;
    let first_role = council.first_role();
    let chair_phrase = format!(
        "{}联席会议{}、{}{}",
        // The office convenes a 联络员会议 itself: its chair acts on nobody's behalf.
        if chair.entrusted && session.kind != SessionKind::Liaisons {
            format!("受{first_role}委托，")
        } else {
            String::new()
        },
        chair.seat.chinese(),
        chair.holder.unit_and_post(),
        chair.holder.name.as_deref().unwrap_or("")
    );
    let opening = format!(
        "{}，{chair_phrase}在{}主持召开{}。{}现将会议议定事项纪要如下：",
        session.date.value.chinese(),
        session.place,
        session.meeting_name(council.name_on(session.date.value)),
        minutes.summary.trim()
    );
    let mut numbering = Numbering::default();
    let decisions = minutes
        .decisions
        .iter()
        .map(|d| {
            let mut text = d.text.trim().to_string();
            let units: Vec<&str> = d.units.iter().map(|u| u.value.as_str()).collect();
            let mut tail = Vec::new();
            if !units.is_empty() {
                tail.push(format!("责任单位：{}", units.join("、")));
            }
            if let Some(deadline) = d.deadline {
                tail.push(format!("完成时限：{}前", deadline.chinese()));
            }
            if !tail.is_empty() {
                text.push_str(&format!("（{}）", tail.join("；")));
            }
            DecisionView {
                number: numbering.next(0),
                topic: d.topic.as_ref().map(|t| format!("{t}。")),
                text,
            }
        })
        .collect();

    let present = described_run_in(people.present.iter().map(|(_, h)| h));
    let leave: Vec<String> = people
        .leave
        .iter()
        .map(|(h, sub)| match sub {
            Some(s) => format!(
                "{}（{}，{}{}代）",
                h.name_or_post(),
                h.unit_and_post(),
                s.post.as_deref().unwrap_or(""),
                s.name
            ),
            None => h.described(),
        })
        .collect();
    let observers = minutes
        .observers
        .clone()
        .unwrap_or_else(|| session.observers.clone());
    let attendance = [("出席", present), ("请假", leave), ("列席", observers)]
        .into_iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(label, names)| AttendanceLine {
            label,
            names: names.join("、"),
        })
        .collect();

    MinutesView {
        mark: mark(council, session, minutes),
        number: minutes.number.clone().unwrap_or(number),
        issuer: minutes.issuer.clone(),
        date: minutes.date.value.chinese(),
        opening,
        decisions,
        attendance,
        imprint: ImprintView {
            cc_label: "分送",
            ..ImprintView::new(&minutes.distribution, &minutes.printer, minutes.print_date)
        },
    }
}

/// 纪要标志, which names a series of minutes: the data's, or the council's ("…联席会议纪要") for
/// meetings of its leaders and members, the liaisons' own ("…联席会议联络员会议纪要") for theirs.
fn mark(council: &Council, session: &Session, minutes: &Minutes) -> String {
    let name = council.name_on(minutes.date.value);
    minutes.mark.clone().unwrap_or_else(|| match session.kind {
        SessionKind::Liaisons => format!("{name}联络员会议纪要"),
        _ => format!("{name}纪要"),
    })
}

/// "第N期" for each session's minutes: counted per series (纪要标志) and year, in date order.
pub fn numbers(council: &Council, sessions: &[Loaded<Session>]) -> Vec<String> {
    let series: Vec<Option<(String, i32, Date, &std::path::Path)>> = sessions
        .iter()
        .map(|s| {
            let m = s.minutes.as_ref()?;
            Some((
                mark(council, s, m),
                s.year,
                m.date.value,
                s.file.path.as_path(),
            ))
        })
        .collect();
    series
        .iter()
        .map(|this| {
            let Some((mark, year, date, path)) = this else {
                return String::new();
            };
            let before = series
                .iter()
                .flatten()
                .filter(|(m, y, d, p)| m == mark && y == year && (d, p) < (date, path))
                .count();
            format!("第{}期", before + 1)
        })
        .collect()
}

/// "王建国（区政府副区长）", with consecutive unnamed seats of one run-in seat written together:
/// "区发改经信局、区教育局主要负责人".
fn described_run_in<'a>(holders: impl Iterator<Item = &'a Holder>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last_run: Option<usize> = None;
    for h in holders {
        let run = h.run_in.filter(|_| h.name.is_none());
        match (run, last_run, out.last_mut()) {
            (Some(r), Some(l), Some(previous)) if r == l => {
                *previous = run_in_units(previous, h);
            }
            _ => out.push(h.described()),
        }
        last_run = run;
    }
    out
}
