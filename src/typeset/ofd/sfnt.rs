//! OpenType files at the table level: read a font's tables, write a font from tables, and build
//! the `cmap` the subsetter leaves out.

use std::collections::BTreeMap;

/// The tables of the font at `index` in `data` (a collection or a single font), by tag.
pub fn tables(data: &[u8], index: u32) -> Option<BTreeMap<[u8; 4], &[u8]>> {
    let mut start = 0;
    if data.get(..4)? == b"ttcf" {
        start = u32_at(data, 12 + 4 * index as usize)? as usize;
    }
    let count = u16_at(data, start + 4)? as usize;
    let mut tables = BTreeMap::new();
    for i in 0..count {
        let record = start + 12 + 16 * i;
        let tag: [u8; 4] = data.get(record..record + 4)?.try_into().ok()?;
        let offset = u32_at(data, record + 8)? as usize;
        let length = u32_at(data, record + 12)? as usize;
        tables.insert(tag, data.get(offset..offset.checked_add(length)?)?);
    }
    Some(tables)
}

/// A font file from its tables: the table directory, 4-byte aligned tables with checksums, and
/// the `head` checksum adjustment.
pub fn write(flavor: &[u8], tables: &BTreeMap<[u8; 4], Vec<u8>>) -> Vec<u8> {
    let count = tables.len() as u16;
    let selector = 15 - count.max(1).leading_zeros() as u16;
    let range = (1u16 << selector) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&flavor[..4]);
    for n in [count, range, selector, count * 16 - range] {
        out.extend_from_slice(&n.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in tables {
        let mut data = data.clone();
        if tag == b"head" && data.len() >= 12 {
            data[8..12].fill(0);
            head_at = Some(offset + 8);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(&data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (tag, data) in tables {
        let at = out.len();
        out.extend_from_slice(data);
        if tag == b"head" && data.len() >= 12 {
            out[at + 8..at + 12].fill(0);
        }
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at..at + 4].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// A `cmap` table mapping characters to glyph ids: format 4 for the Basic Multilingual Plane
/// (what older readers look at) and format 12 for every character.
pub fn cmap(map: &BTreeMap<char, u16>) -> Vec<u8> {
    // Runs of consecutive characters with consecutive glyph ids.
    let mut runs: Vec<(u32, u32, u16)> = Vec::new();
    for (&c, &gid) in map {
        let c = c as u32;
        match runs.last_mut() {
            Some((start, end, first))
                if *end + 1 == c && u32::from(*first) + (c - *start) == u32::from(gid) =>
            {
                *end = c;
            }
            _ => runs.push((c, c, gid)),
        }
    }
    let format4 = format4(&runs);
    let format12 = format12(&runs);
    let mut out = Vec::new();
    push16(&mut out, 0); // version
    push16(&mut out, 2); // encoding records
    let first = 4 + 2 * 8;
    for (encoding, offset) in [(1u16, first), (10, first + format4.len())] {
        push16(&mut out, 3); // Windows platform
        push16(&mut out, encoding);
        out.extend_from_slice(&(offset as u32).to_be_bytes());
    }
    out.extend_from_slice(&format4);
    out.extend_from_slice(&format12);
    out
}

fn format4(runs: &[(u32, u32, u16)]) -> Vec<u8> {
    let mut segments: Vec<(u16, u16, u16)> = runs
        .iter()
        .filter(|(start, _, _)| *start < 0xFFFF)
        .map(|&(start, end, gid)| {
            let end = end.min(0xFFFE);
            (start as u16, end as u16, gid.wrapping_sub(start as u16))
        })
        .collect();
    segments.push((0xFFFF, 0xFFFF, 1));
    let count = segments.len() as u16;
    let selector = 15 - count.leading_zeros() as u16;
    let range = 2 * (1u16 << selector);
    let mut out = Vec::new();
    push16(&mut out, 4);
    push16(&mut out, 16 + 8 * count);
    push16(&mut out, 0); // language
    for n in [2 * count, range, selector, 2 * count - range] {
        push16(&mut out, n);
    }
    segments.iter().for_each(|s| push16(&mut out, s.1));
    push16(&mut out, 0); // reserved pad
    segments.iter().for_each(|s| push16(&mut out, s.0));
    segments.iter().for_each(|s| push16(&mut out, s.2));
    segments.iter().for_each(|_| push16(&mut out, 0)); // idRangeOffset
    out
}

fn format12(runs: &[(u32, u32, u16)]) -> Vec<u8> {
    let mut out = Vec::new();
    push16(&mut out, 12);
    push16(&mut out, 0);
    for n in [16 + 12 * runs.len() as u32, 0, runs.len() as u32] {
        out.extend_from_slice(&n.to_be_bytes());
    }
    for &(start, end, gid) in runs {
        for n in [start, end, u32::from(gid)] {
            out.extend_from_slice(&n.to_be_bytes());
        }
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn push16(out: &mut Vec<u8>, n: u16) {
    out.extend_from_slice(&n.to_be_bytes());
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}
