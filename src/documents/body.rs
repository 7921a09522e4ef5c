//! The blocks of a body as typed — numbered, their slots filled — and the parts the data makes
//! (主要职责, 成员名单, 职责分工, 工作规则 …).

use super::derived_text::DerivedText;
use super::elements::{BlockView, TableView};
use super::numbering::Numbering;
use super::roster_list::{liaison_group, member_groups};
use crate::model::{Block, Council, Insert, Unit};
use crate::roster::RosterState;

/// Every block of `blocks`, inserts made from `council` and `roster`.
pub fn blocks(
    blocks: &[Block],
    council: &Council,
    roster: &RosterState,
    derived: &DerivedText,
    numbering: &mut Numbering,
) -> Vec<BlockView> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Insert(insert) => {
                out.extend(inserted(insert.value, council, roster, derived, numbering))
            }
            block => out.extend(block_view(block, derived, numbering)),
        }
    }
    out
}

/// A typed block, numbered, its slots filled. Inserts are not typed text: none.
pub fn block_view(
    block: &Block,
    derived: &DerivedText,
    numbering: &mut Numbering,
) -> Option<BlockView> {
    Some(match block {
        Block::Text(text) => BlockView::Paragraph {
            text: derived.fill(text),
        },
        Block::Heading(text) => BlockView::Heading {
            number: numbering.next(0),
            text: derived.fill(text),
        },
        Block::Item(text) => BlockView::item(numbering.next(1), derived.fill(text)),
        Block::Point(text) => BlockView::Point {
            number: numbering.next(2),
            text: derived.fill(text),
        },
        Block::Subpoint(text) => BlockView::Subpoint {
            number: numbering.next(3),
            text: derived.fill(text),
        },
        Block::Table(table) => BlockView::Table {
            table: TableView::new(table),
        },
        Block::Insert(_) => return None,
    })
}

fn inserted(
    what: Insert,
    council: &Council,
    roster: &RosterState,
    derived: &DerivedText,
    numbering: &mut Numbering,
) -> Vec<BlockView> {
    let roles = council.role_names();
    match what {
        Insert::Functions => council
            .functions
            .blocks()
            .iter()
            .filter_map(|b| block_view(b, derived, numbering))
            .collect(),
        Insert::Rules => council
            .rules
            .iter()
            .flat_map(|r| r.blocks())
            .filter_map(|b| block_view(&b, derived, numbering))
            .collect(),
        Insert::MemberUnits => vec![BlockView::Paragraph {
            text: member_units_sentence(council),
        }],
        // The two lists share their name and unit columns, wherever each stands.
        Insert::Roster => vec![BlockView::Roster {
            groups: member_groups(roster, &roles),
            aligned_with: liaison_group(roster).into_iter().collect(),
        }],
        Insert::Liaisons => liaison_group(roster)
            .map(|g| BlockView::Roster {
                groups: vec![g],
                aligned_with: member_groups(roster, &roles),
            })
            .into_iter()
            .collect(),
        Insert::UnitDuties => lead_first(council)
            .filter_map(|unit| Some((unit, unit.duties.as_ref()?)))
            .map(|(unit, duties)| BlockView::Item {
                number: numbering.next(1),
                title: Some(format!("{}。", unit.name.value)),
                text: duties.trim().to_string(),
            })
            .collect(),
    }
}

/// The default wording, for offices that do not write their own sentence with slots:
/// "联席会议由区委编办、…等部门组成，区卫生健康委为牵头部门。联席会议组成人员如下："
fn member_units_sentence(council: &Council) -> String {
    let units: Vec<&str> = council
        .units
        .iter()
        .map(|u| u.name.value.as_str())
        .collect();
    let lead = council.lead_unit.as_ref().map_or(String::new(), |lead| {
        format!("，{}为牵头部门", council.formal_name_of(&lead.value))
    });
    format!(
        "联席会议由{}等部门组成{lead}。联席会议组成人员如下：",
        units.join("、")
    )
}

/// Units in the order their duties are listed: the lead unit first, then the rest in order.
fn lead_first(council: &Council) -> impl Iterator<Item = &Unit> {
    let lead = council.lead_unit.as_ref().map(|l| l.value.as_str());
    let is_lead = move |u: &&Unit| Some(u.name.value.as_str()) == lead;
    council
        .units
        .iter()
        .filter(is_lead)
        .chain(council.units.iter().filter(move |u| !is_lead(u)))
}
