//! Text typed once and printed as paragraphs and numbered items: 主要职责, 工作规则.

use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use super::notice::Block;

/// A passage: one string (each line a paragraph), or blocks in order (`- text:`, `- item:` …).
#[derive(Debug, Clone, JsonSchema)]
#[schemars(
    description = "一段或多段文字：直接写文字（每行一段），或按顺序列出 - text（段落）、- item（（一）条目）、- point（1.条目）"
)]
#[schemars(untagged)]
pub enum Prose {
    Text(String),
    Blocks(Vec<Block>),
}

impl Prose {
    /// The passage as body blocks: a string becomes one paragraph per non-empty line.
    pub fn blocks(&self) -> Vec<Block> {
        match self {
            Prose::Text(text) => text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Block::Text(l.to_string()))
                .collect(),
            Prose::Blocks(blocks) => blocks.clone(),
        }
    }
}

// Written by hand rather than `#[serde(untagged)]`: an untagged enum would hide the error of a
// block inside the list behind "matches no variant".
impl<'de> Deserialize<'de> for Prose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ProseVisitor;
        impl<'de> Visitor<'de> for ProseVisitor {
            type Value = Prose;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("一段文字，或 - text / - item / - point 的列表")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Prose, E> {
                Ok(Prose::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Prose, E> {
                Ok(Prose::Text(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Prose, A::Error> {
                Vec::<Block>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(Prose::Blocks)
            }
        }
        deserializer.deserialize_any(ProseVisitor)
    }
}
