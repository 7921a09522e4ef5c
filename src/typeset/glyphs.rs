//! Typst draws a character no font covers as a blank, silently. This finds them.

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use crate::diag::{Diagnostic, Diagnostics};

/// One warning per character that printed as a blank, naming the page and its surroundings.
pub fn missing_glyphs(doc: &PagedDocument, doc_name: &str) -> Diagnostics {
    let mut found: Vec<(usize, char, String)> = Vec::new();
    for (index, page) in doc.pages().iter().enumerate() {
        walk(&page.frame, &mut |text, c| {
            if !found.iter().any(|(_, seen, _)| *seen == c) {
                found.push((index + 1, c, text.to_string()));
            }
        });
    }
    found
        .into_iter()
        .map(|(page, c, context)| {
            Diagnostic::warning(format!(
                "{doc_name} 第 {page} 页“{context}”中的“{c}”（U+{:04X}）没有字体能显示，将印成空白",
                c as u32
            ))
            .help("请安装含有该字的字体并用 --font-dir 指定其目录，或改用常用字")
        })
        .collect()
}

fn walk(frame: &Frame, report: &mut impl FnMut(&str, char)) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => walk(&group.frame, report),
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    if let Some(c) = text.text[glyph.range()].chars().next() {
                        report(&text.text, c);
                    }
                }
            }
            _ => {}
        }
    }
}
