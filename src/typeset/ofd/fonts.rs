//! The fonts an OFD package embeds: a subset of each font the pages use, with the glyphs renumbered
//! (the text objects name them through CGTransform) and a `cmap` and `OS/2` put back, so that a
//! reader that ignores CGTransform, and an OFD-A checker (GB/T 42133 6.2.6), find what they need.

use std::collections::{BTreeMap, HashMap};

use subsetter::GlyphRemapper;
use typst::text::Font;

use super::page::Ids;
use super::sfnt;
use super::xml::escape;

/// One embedded font.
pub struct FontResource {
    pub id: u32,
    font: Font,
    glyphs: GlyphRemapper,
    /// Characters drawn with exactly one glyph, by the glyph's new id.
    chars: BTreeMap<char, u16>,
}

impl FontResource {
    /// The new id of `glyph`, keeping it in the subset.
    pub fn glyph(&mut self, glyph: u16) -> u16 {
        self.glyphs.remap(glyph)
    }

    /// Records that `c` is drawn with the (new) glyph `gid`; the first glyph seen for a character
    /// is the one the `cmap` names.
    pub fn map(&mut self, c: char, gid: u16) {
        self.chars.entry(c).or_insert(gid);
    }

    pub fn file_name(&self) -> String {
        format!("font_{}.otf", self.id)
    }

    /// The `<ofd:Font>` resource entry.
    pub fn entry(&self) -> String {
        let info = self.font.info();
        let bold = if info.variant.weight.to_number() >= 600 {
            " Bold=\"true\""
        } else {
            ""
        };
        format!(
            "<ofd:Font ID=\"{}\" FontName=\"{}\" FamilyName=\"{}\"{bold}><ofd:FontFile>{}</ofd:FontFile></ofd:Font>",
            self.id,
            escape(&info.family),
            escape(&info.family),
            self.file_name()
        )
    }

    /// The subset font file.
    pub fn file(&self) -> Result<Vec<u8>, String> {
        let name = &self.font.info().family;
        let fail = |what: &str| format!("无法为 OFD 嵌入字体“{name}”：{what}");
        let data = self.font.data();
        let subset = subsetter::subset(data, self.font.index(), &self.glyphs)
            .map_err(|e| fail(&e.to_string()))?;
        let mut tables: BTreeMap<[u8; 4], Vec<u8>> = sfnt::tables(&subset, 0)
            .ok_or_else(|| fail("子集字体无法读取"))?
            .into_iter()
            .map(|(tag, data)| (tag, data.to_vec()))
            .collect();
        tables.insert(*b"cmap", sfnt::cmap(&self.chars));
        let original = sfnt::tables(data, self.font.index()).ok_or_else(|| fail("字体无法读取"))?;
        if let Some(os2) = original.get(b"OS/2") {
            tables.insert(*b"OS/2", os2.to_vec());
        }
        Ok(sfnt::write(&subset, &tables))
    }
}

/// Every font used so far, in order of first use.
#[derive(Default)]
pub struct Fonts {
    pub list: Vec<FontResource>,
    index: HashMap<Font, usize>,
}

impl Fonts {
    /// The resource for `font`, given the next id on first use.
    pub fn get(&mut self, font: &Font, ids: &mut Ids) -> &mut FontResource {
        let next = self.list.len();
        let at = *self.index.entry(font.clone()).or_insert(next);
        if at == next {
            self.list.push(FontResource {
                id: ids.next(),
                font: font.clone(),
                glyphs: GlyphRemapper::new(),
                chars: BTreeMap::new(),
            });
        }
        &mut self.list[at]
    }
}

#[cfg(test)]
mod tests {
    use typst::foundations::Bytes;

    use super::*;

    /// A subset keeps only the glyphs used, renumbered, and its `cmap` leads readers from each
    /// character to its new glyph.
    #[test]
    fn subset_fonts_carry_a_cmap_for_the_characters_drawn() {
        let data = Bytes::new(include_bytes!("../../../fonts/FandolKai-Regular.otf").to_vec());
        let font = Font::new(data, 0).unwrap();
        let mut fonts = Fonts::default();
        let resource = fonts.get(&font, &mut Ids::after(6));
        // Any four glyphs will do: the test is about what the subset keeps.
        let chars = ['楷', '体', '1', '。'];
        for (c, old) in chars.into_iter().zip([100, 200, 300, 400]) {
            let new = resource.glyph(old);
            resource.map(c, new);
        }
        let file = resource.file().unwrap();
        let subset = Font::new(Bytes::new(file.clone()), 0).expect("a valid font");
        for c in chars {
            assert!(subset.info().coverage.contains(c as u32), "{c} mapped");
        }
        assert!(!subset.info().coverage.contains('草' as u32));
        let tables = sfnt::tables(&file, 0).unwrap();
        assert_eq!(
            &tables[b"maxp"][4..6],
            &[0, 5],
            ".notdef and the four drawn"
        );
        assert!(tables.contains_key(b"OS/2"), "OS/2 kept for OFD-A");
    }
}
