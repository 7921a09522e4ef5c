//! Typst shapes (rules, table lines, boxes) as OFD PathObjects.

use std::fmt::Write;

use typst::layout::{Abs, Point};
use typst::visualize::{CurveItem, FillRule, Geometry, Shape};

use super::paint::{color, stroke_attributes};
use super::place::Context;
use super::xml::{mm, num, nums};

/// Writes `shape`, drawn at `pos` under `ctx`, as a PathObject with the next `id`.
pub fn write(out: &mut String, id: u32, ctx: &Context, pos: Point, shape: &Shape) {
    let Some(place) = ctx.place(pos, shape.bbox(true), 0.5) else {
        return;
    };
    let (dx, dy) = place.offset;
    let p = |point: Point| format!("{} {}", num(mm(point.x) + dx), num(mm(point.y) + dy));
    // Every closed outline ends with an explicit line back to its start: sOFD does not stroke
    // the closing segment that `C` implies.
    let data = match &shape.geometry {
        Geometry::Line(to) => format!("M {} L {}", p(Point::zero()), p(*to)),
        Geometry::Rect(size) => format!(
            "M {} L {} L {} L {} L {} C",
            p(Point::zero()),
            p(Point::new(size.x, Abs::zero())),
            p(Point::new(size.x, size.y)),
            p(Point::new(Abs::zero(), size.y)),
            p(Point::zero())
        ),
        Geometry::Curve(curve) => {
            let mut parts = Vec::new();
            let mut start = Point::zero();
            for item in curve.0.iter() {
                parts.push(match item {
                    CurveItem::Move(to) => {
                        start = *to;
                        format!("M {}", p(*to))
                    }
                    CurveItem::Line(to) => format!("L {}", p(*to)),
                    CurveItem::Cubic(a, b, to) => format!("B {} {} {}", p(*a), p(*b), p(*to)),
                    CurveItem::Close => format!("L {} C", p(start)),
                });
            }
            parts.join(" ")
        }
    };
    let mut attrs = format!("ID=\"{id}\" Boundary=\"{}\"", nums(&place.boundary.xywh()));
    if let Some(ctm) = place.ctm {
        let _ = write!(attrs, " CTM=\"{}\"", nums(&ctm));
    }
    let mut colors = place.clips(place.ctm);
    match &shape.stroke {
        Some(stroke) => {
            attrs.push_str(&stroke_attributes(stroke));
            colors.push_str(&color("StrokeColor", &stroke.paint));
        }
        None => attrs.push_str(" Stroke=\"false\""),
    }
    if let Some(fill) = &shape.fill {
        attrs.push_str(" Fill=\"true\"");
        if shape.fill_rule == FillRule::EvenOdd {
            attrs.push_str(" Rule=\"Even-Odd\"");
        }
        // GB/T 33190 orders a path's colours stroke first.
        colors.push_str(&color("FillColor", fill));
    }
    let _ = write!(
        out,
        "<ofd:PathObject {attrs}>{colors}<ofd:AbbreviatedData>{data}</ofd:AbbreviatedData></ofd:PathObject>"
    );
}
