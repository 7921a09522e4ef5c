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

/// Splits a sentence into text and slots. A slot is a name of letters (CJK included) in
/// braces, "{成员单位}"; any other brace is text, so "{{ x }}" or "{% if %}" print as typed.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| from + i) {
        let rest = &text[open + 1..];
        let name_len = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(rest.len(), |(i, _)| i);
        if name_len > 0 && rest[name_len..].starts_with('}') {
            let end = open + 1 + name_len + 1;
            out.push(Piece::Text(&text[start..open]));
            out.push(Piece::Slot(&text[open + 1..end - 1], open..end));
            start = end;
            from = end;
        } else {
            from = open + 1;
        }
    }
    out.push(Piece::Text(&text[start..]));
    out.retain(|p| !matches!(p, Piece::Text("")));
    out
}

#[cfg(test)]
mod tests {
    use super::{Piece, pieces};

    #[test]
    fn slots_text_and_literal_braces() {
        assert_eq!(
            pieces("由{成员单位}组成{{ x }}"),
            [
                Piece::Text("由"),
                Piece::Slot("成员单位", 3..17),
                Piece::Text("组成{{ x }}"),
            ]
        );
        assert_eq!(pieces("一个{没有关闭"), [Piece::Text("一个{没有关闭")]);
        assert_eq!(pieces("{% if %}{x"), [Piece::Text("{% if %}{x")]);
        assert_eq!(pieces("{{召集人}}")[1], Piece::Slot("召集人", 1..12));
    }
}
