//! A run of Typst text as an OFD TextObject: the real Unicode text (what readers search and
//! copy), each character's position, and CGTransform naming the embedded glyph that draws it.

use std::fmt::Write;
use std::ops::Range;

use typst::layout::{Abs, Em, Point, Rect};
use typst::text::TextItem;

use super::fonts::FontResource;
use super::paint::{color, stroke_attributes};
use super::place::Context;
use super::xml::{deltas, escape, mm, num, nums};

/// Characters drawn by consecutive glyphs: usually one character and one glyph, a ligature
/// joins several characters, a decomposed character has several glyphs.
struct Cluster {
    text: Range<usize>,
    glyphs: Range<usize>,
}

fn clusters(item: &TextItem) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    for (i, glyph) in item.glyphs.iter().enumerate() {
        match clusters.last_mut() {
            // A further glyph of the same characters, or one drawing no character of its own.
            Some(last) if last.text == glyph.range() || glyph.range().is_empty() => {
                last.glyphs.end = i + 1;
            }
            _ if glyph.range().is_empty() => {}
            _ => clusters.push(Cluster {
                text: glyph.range(),
                glyphs: i..i + 1,
            }),
        }
    }
    clusters
}

/// Writes `item`, drawn at `pos` under `ctx`, as a TextObject with the next `id`.
pub fn write(
    out: &mut String,
    id: u32,
    font: &mut FontResource,
    ctx: &Context,
    pos: Point,
    item: &TextItem,
) {
    let size = mm(item.size);
    let em = |v: Em| v.get() * size;
    // Pen positions of every glyph, in millimetres from the run's origin (y down).
    let mut pen = 0.0;
    let mut placed = Vec::with_capacity(item.glyphs.len());
    for glyph in &item.glyphs {
        placed.push((pen + em(glyph.x_offset), -em(glyph.y_offset)));
        pen += em(glyph.x_advance);
    }
    let clusters = clusters(item);
    if clusters.is_empty() {
        return;
    }

    let metrics = item.font.metrics();
    let lowest = placed.iter().map(|p| p.1).fold(0.0, f64::max);
    let highest = placed.iter().map(|p| p.1).fold(0.0, f64::min);
    let left = placed.iter().map(|p| p.0).fold(0.0, f64::min);
    let local = Rect::new(
        Point::new(
            Abs::mm(left),
            Abs::mm(highest - em(metrics.ascender).max(size)),
        ),
        Point::new(
            Abs::mm(pen.max(left) + size),
            Abs::mm(lowest + em(-metrics.descender).max(0.3 * size)),
        ),
    );
    let Some(place) = ctx.place(pos, local, 0.5) else {
        return;
    };

    // Characters, their positions, and the glyphs that draw them.
    let mut text = String::new();
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    let mut transforms = String::new();
    let mut one_to_one: Option<(usize, Vec<u16>)> = None;
    let mut code = 0;
    let flush = |run: &mut Option<(usize, Vec<u16>)>, transforms: &mut String| {
        if let Some((start, gids)) = run.take() {
            cg_transform(transforms, start, gids.len(), &gids);
        }
    };
    for cluster in &clusters {
        let chars: Vec<char> = item.text[cluster.text.clone()].chars().collect();
        let gids: Vec<u16> = item.glyphs[cluster.glyphs.clone()]
            .iter()
            .map(|g| font.glyph(g.id))
            .collect();
        let (x, y) = placed[cluster.glyphs.start];
        for &c in &chars {
            text.push(c);
            xs.push(x);
            ys.push(y);
        }
        if chars.len() == 1 && gids.len() == 1 {
            font.map(chars[0], gids[0]);
            one_to_one
                .get_or_insert_with(|| (code, Vec::new()))
                .1
                .push(gids[0]);
        } else {
            flush(&mut one_to_one, &mut transforms);
            cg_transform(&mut transforms, code, chars.len(), &gids);
        }
        code += chars.len();
    }
    flush(&mut one_to_one, &mut transforms);

    let (dx, dy) = place.offset;
    let (x0, y0) = (xs[0], ys[0]);
    let mut attrs = format!(
        "ID=\"{id}\" Boundary=\"{}\" Font=\"{}\" Size=\"{}\"",
        nums(&place.boundary.xywh()),
        font.id,
        num(size)
    );
    // Narrowed text (the 纪要 标志) is scaled by a CTM too. OFD-A prefers HScale for that
    // (GB/T 42133 6.6d), but sOFD ignores HScale and draws the glyphs full width.
    if let Some(ctm) = place.ctm {
        let _ = write!(attrs, " CTM=\"{}\"", nums(&ctm));
    }
    let mut colors = place.clips(place.ctm);
    colors.push_str(&color("FillColor", &item.fill));
    if let Some(stroke) = &item.stroke {
        attrs.push_str(" Stroke=\"true\"");
        attrs.push_str(&stroke_attributes(stroke));
        colors.push_str(&color("StrokeColor", &stroke.paint));
    }
    let mut position = format!("X=\"{}\" Y=\"{}\"", num(x0 + dx), num(y0 + dy));
    let steps = |v: &[f64]| v.windows(2).map(|w| w[1] - w[0]).collect::<Vec<_>>();
    if xs.len() > 1 {
        let _ = write!(position, " DeltaX=\"{}\"", deltas(&steps(&xs)));
    }
    if ys.windows(2).any(|w| w[0] != w[1]) {
        let _ = write!(position, " DeltaY=\"{}\"", deltas(&steps(&ys)));
    }
    let _ = write!(
        out,
        "<ofd:TextObject {attrs}>{colors}{transforms}<ofd:TextCode {position}>{}</ofd:TextCode></ofd:TextObject>",
        escape(&text)
    );
}

fn cg_transform(out: &mut String, position: usize, chars: usize, gids: &[u16]) {
    let glyphs: Vec<String> = gids.iter().map(u16::to_string).collect();
    let _ = write!(
        out,
        "<ofd:CGTransform CodePosition=\"{position}\" CodeCount=\"{chars}\" GlyphCount=\"{}\"><ofd:Glyphs>{}</ofd:Glyphs></ofd:CGTransform>",
        gids.len(),
        glyphs.join(" ")
    );
}
