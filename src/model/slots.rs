//! Slots in an office's own sentences: "联席会议由{成员单位}等{成员单位数}个部门和单位组成".
//! A slot names derived data; the documents stage fills it with plain text, never evaluated.

use std::ops::Range;

/// Slots every council has. Leader roles ({召集人}, {组长} …) are slots too.
pub const FIXED: [(&str, &str); 11] = [
    ("联席会议", "联席会议的名称"),
    ("成员单位", "成员单位简称，以“、”连接"),
    ("成员单位数", "成员单位的个数"),
    ("牵头单位", "牵头单位"),
    ("办公室", "办公室名称"),
    ("办公室所在单位", "办公室设在的单位"),
    ("办公室主任", "办公室主任"),
    ("办公室电话", "办公室电话"),
    ("代章单位", "代章的单位"),
    ("成员", "成员名单，连写"),
    ("联络员", "联络员名单，连写"),
];

/// A piece of a sentence: text as typed, or a slot by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// The slot's name and its byte range (braces included) in the sentence.
    Slot(&'a str, Range<usize>),
}

/// Splits a sentence into text and slots. "{{" and "}}" stand for literal braces; a "{" that is
/// not closed on the same line is text.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'}' if bytes.get(i + 1) == Some(&bytes[i]) => {
                out.push(Piece::Text(&text[start..=i]));
                i += 2;
                start = i;
            }
            b'{' => match text[i + 1..].find(['}', '\n', '{']) {
                Some(len) if bytes[i + 1 + len] == b'}' => {
                    out.push(Piece::Text(&text[start..i]));
                    let end = i + 1 + len;
                    out.push(Piece::Slot(text[i + 1..end].trim(), i..end + 1));
                    i = end + 1;
                    start = i;
                }
                _ => i += 1,
            },
            _ => i += 1,
        }
    }
    out.push(Piece::Text(&text[start..]));
    out.retain(|p| !matches!(p, Piece::Text("")));
    out
}

/// Whether `text` has a slot at all (sentences without one print as typed).
pub fn has_slots(text: &str) -> bool {
    pieces(text).iter().any(|p| matches!(p, Piece::Slot(..)))
}

#[cfg(test)]
mod tests {
    use super::{Piece, pieces};

    #[test]
    fn slots_text_and_literal_braces() {
        assert_eq!(
            pieces("由{成员单位}组成{{注}}"),
            [
                Piece::Text("由"),
                Piece::Slot("成员单位", 3..17),
                Piece::Text("组成"),
                Piece::Text("{"),
                Piece::Text("注"),
                Piece::Text("}"),
            ]
        );
        assert_eq!(pieces("一个{没有关闭"), [Piece::Text("一个{没有关闭")]);
    }
}
