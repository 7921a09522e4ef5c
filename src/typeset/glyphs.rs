//! Typst draws a character no font covers as a blank, silently. This finds them.

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use crate::diag::{Diagnostic, SourceFile};

/// A character that printed as a blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// 1-based page of its first occurrence.
    pub page: usize,
    pub ch: char,
    /// The text run it sits in.
    pub context: String,
}

impl MissingGlyph {
    /// A diagnostic pointing at the character's first occurrence in the data files, if any; an
    /// error when `strict`, else a warning.
    pub fn diagnostic(&self, doc_name: &str, sources: &[&SourceFile], strict: bool) -> Diagnostic {
        let message = format!(
            "{doc_name} 第 {} 页“{}”中的“{}”（U+{:04X}）没有字体能显示，{}",
            self.page,
            self.context,
            self.ch,
            self.ch as u32,
            if strict {
                "未生成该文件"
            } else {
                "将印成空白"
            }
        );
        let diag = if strict {
            Diagnostic::error(message)
        } else {
            Diagnostic::warning(message)
        };
        let diag = diag.help("请安装含有该字的字体并用 --font-dir 指定其目录，或改用常用字");
        let found = sources
            .iter()
            .find_map(|f| f.text.find(self.ch).map(|at| (f, at)));
        match found {
            Some((file, at)) => diag.at(file, at..at + self.ch.len_utf8()),
            None => diag,
        }
    }
}

/// Each character that printed as a blank, once, with the page it first appears on.
pub fn missing_glyphs(doc: &PagedDocument) -> Vec<MissingGlyph> {
    let mut found: Vec<MissingGlyph> = Vec::new();
    for (index, page) in doc.pages().iter().enumerate() {
        walk(&page.frame, &mut |text, ch| {
            if !found.iter().any(|m| m.ch == ch) {
                found.push(MissingGlyph {
                    page: index + 1,
                    ch,
                    context: text.to_string(),
                });
            }
        });
    }
    found
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
