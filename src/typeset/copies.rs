//! Numbered copies (份号, GB/T 9704 7.2.1): the document is typeset once with the placeholder
//! 份号 "000000"; each copy reuses its pages with only those six digits changed.

use typst::ecow::EcoVec;
use typst::layout::{Frame, FrameItem};
use typst::text::TextItem;
use typst_layout::{Page, PagedDocument};

/// The 份号 the templates print when copies are asked for.
pub const PLACEHOLDER: &str = "000000";

/// `count` copies of `doc`, numbered from 1, each starting on an odd page (a blank page is added
/// after a copy with an odd number of pages). `None` when page 1 shows no placeholder.
pub fn numbered_copies(doc: &PagedDocument, count: usize) -> Option<Vec<Vec<Page>>> {
    let first = doc.pages().first()?;
    if !contains_placeholder(&first.frame) {
        return None;
    }
    let template: Vec<Page> = doc
        .pages()
        .iter()
        .map(|p| without_tags(p.clone()))
        .collect();
    let copies = (1..=count)
        .map(|k| {
            let mut pages = template.clone();
            renumber(&mut pages[0].frame, &format!("{k:06}"));
            if pages.len() % 2 == 1 {
                pages.push(blank_like(&template[0]));
            }
            pages
        })
        .collect();
    Some(copies)
}

/// A document of the given pages, with the original's metadata.
pub fn assemble(doc: &PagedDocument, pages: impl IntoIterator<Item = Page>) -> PagedDocument {
    let info = typst::model::Document::info(doc).clone();
    PagedDocument::new(pages.into_iter().collect::<EcoVec<_>>(), info)
}

fn contains_placeholder(frame: &Frame) -> bool {
    frame.items().any(|(_, item)| match item {
        FrameItem::Text(t) => t.text == PLACEHOLDER,
        FrameItem::Group(g) => contains_placeholder(&g.frame),
        _ => false,
    })
}

/// Replaces the placeholder's digits by `number` (digits of one width, so nothing moves).
fn renumber(frame: &mut Frame, number: &str) {
    frame.retain(|item| {
        match item {
            FrameItem::Text(t) if t.text == PLACEHOLDER => set_digits(t, number),
            FrameItem::Group(g) => renumber(&mut g.frame, number),
            _ => {}
        }
        true
    });
}

fn set_digits(text: &mut TextItem, number: &str) {
    let ttf = text.font.ttf();
    for (glyph, c) in text.glyphs.iter_mut().zip(number.chars()) {
        if let Some(id) = ttf.glyph_index(c) {
            glyph.id = id.0;
        }
    }
    text.text = number.into();
}

/// Introspection tags would repeat in every copy; the copies need none.
fn without_tags(mut page: Page) -> Page {
    strip_tags(&mut page.frame);
    page
}

fn strip_tags(frame: &mut Frame) {
    frame.retain(|item| match item {
        FrameItem::Tag(_) => false,
        FrameItem::Group(g) => {
            strip_tags(&mut g.frame);
            true
        }
        _ => true,
    });
}

fn blank_like(page: &Page) -> Page {
    let mut blank = page.clone();
    blank.frame = Frame::hard(page.frame.size());
    blank
}
