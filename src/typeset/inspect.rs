//! Reads laid-out pages back as positioned text lines and rules, in millimetres from the top-left
//! corner of the page — the measurements a reviewer takes with a ruler, used by the tests and by
//! anything that wants to verify a page before it is printed.

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::visualize::{Geometry, Paint};
use typst_layout::PagedDocument;

/// One text run: consecutive glyphs in one font, size and colour on one baseline.
#[derive(Debug, Clone)]
pub struct Run {
    pub text: String,
    /// Left edge of each glyph's advance box, mm.
    pub glyph_x: Vec<f64>,
    /// Right edge of the last glyph's advance box, mm.
    pub x_end: f64,
    pub baseline: f64,
    pub size_pt: f64,
    pub family: String,
    pub rgb: [u8; 3],
}

/// A horizontal rule (stroked line or thin filled bar).
#[derive(Debug, Clone)]
pub struct Rule {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub thickness: f64,
    pub rgb: [u8; 3],
}

/// Runs sharing a baseline, left to right.
#[derive(Debug, Clone)]
pub struct Line {
    pub baseline: f64,
    pub runs: Vec<Run>,
}

impl Line {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
    pub fn x0(&self) -> f64 {
        self.runs
            .iter()
            .map(|r| r.glyph_x[0])
            .fold(f64::INFINITY, f64::min)
    }
    pub fn x1(&self) -> f64 {
        self.runs
            .iter()
            .map(|r| r.x_end)
            .fold(f64::NEG_INFINITY, f64::max)
    }
    /// The size most of the line is set in.
    pub fn size_pt(&self) -> f64 {
        self.runs
            .iter()
            .max_by_key(|r| r.text.chars().count())
            .map_or(0.0, |r| r.size_pt)
    }
}

#[derive(Debug, Clone)]
pub struct PageLayout {
    pub width: f64,
    pub height: f64,
    pub runs: Vec<Run>,
    pub rules: Vec<Rule>,
}

impl PageLayout {
    /// Text lines, top to bottom; runs within 0.3 mm of a baseline share a line.
    pub fn lines(&self) -> Vec<Line> {
        let mut runs = self.runs.clone();
        runs.sort_by(|a, b| {
            a.baseline
                .total_cmp(&b.baseline)
                .then(a.glyph_x[0].total_cmp(&b.glyph_x[0]))
        });
        let mut lines: Vec<Line> = Vec::new();
        for run in runs {
            match lines.last_mut() {
                Some(line) if (run.baseline - line.baseline).abs() < 0.3 => line.runs.push(run),
                _ => lines.push(Line {
                    baseline: run.baseline,
                    runs: vec![run],
                }),
            }
        }
        for line in &mut lines {
            line.runs
                .sort_by(|a, b| a.glyph_x[0].total_cmp(&b.glyph_x[0]));
        }
        lines
    }

    /// All text of the page in reading order.
    pub fn text(&self) -> String {
        self.lines()
            .iter()
            .map(Line::text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Measures every page of a laid-out document.
pub fn inspect(doc: &PagedDocument) -> Vec<PageLayout> {
    doc.pages()
        .iter()
        .map(|page| {
            let mut layout = PageLayout {
                width: mm(page.frame.width()),
                height: mm(page.frame.height()),
                runs: vec![],
                rules: vec![],
            };
            walk(&page.frame, Transform::identity(), &mut layout);
            layout
        })
        .collect()
}

fn mm(abs: Abs) -> f64 {
    abs.to_mm()
}

fn rgb(paint: &Paint) -> [u8; 3] {
    match paint {
        Paint::Solid(color) => {
            let [r, g, b, _] = color.to_vec4_u8();
            [r, g, b]
        }
        _ => [0, 0, 0],
    }
}

fn walk(frame: &Frame, ts: Transform, out: &mut PageLayout) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let inner =
                    ts.pre_concat(Transform::translate(pos.x, pos.y).pre_concat(group.transform));
                walk(&group.frame, inner, out);
            }
            FrameItem::Text(text) => {
                let size = text.size;
                let mut x = Abs::zero();
                let mut glyph_x = Vec::with_capacity(text.glyphs.len());
                let mut end = Abs::zero();
                for glyph in &text.glyphs {
                    let origin = pos.x + x + glyph.x_offset.at(size);
                    glyph_x.push(mm(Point::new(origin, pos.y).transform(ts).x));
                    // A glyph's box is its font advance; justification only moves the next one.
                    let advance = text.font.x_advance(glyph.id).unwrap_or(glyph.x_advance);
                    end = origin + advance.at(size);
                    x += glyph.x_advance.at(size);
                }
                let end = Point::new(end, pos.y).transform(ts);
                let baseline = Point::new(pos.x, pos.y).transform(ts);
                if glyph_x.is_empty() {
                    continue;
                }
                out.runs.push(Run {
                    text: text.text.to_string(),
                    glyph_x,
                    x_end: mm(end.x),
                    baseline: mm(baseline.y),
                    size_pt: size.to_pt() * ts.sy.get(),
                    family: text.font.info().family.clone(),
                    rgb: rgb(&text.fill),
                });
            }
            FrameItem::Shape(shape, _) => {
                let start = pos.transform(ts);
                match &shape.geometry {
                    Geometry::Line(delta) if delta.y.to_pt().abs() < 0.01 => {
                        if let Some(stroke) = &shape.stroke {
                            let end = (*pos + *delta).transform(ts);
                            out.rules.push(Rule {
                                x0: mm(start.x.min(end.x)),
                                x1: mm(start.x.max(end.x)),
                                y: mm(start.y),
                                thickness: mm(stroke.thickness),
                                rgb: rgb(&stroke.paint),
                            });
                        }
                    }
                    Geometry::Rect(size) if size.y.to_mm() <= 2.0 && shape.fill.is_some() => {
                        let end = (*pos + Point::new(size.x, size.y)).transform(ts);
                        out.rules.push(Rule {
                            x0: mm(start.x),
                            x1: mm(end.x),
                            y: (mm(start.y) + mm(end.y)) / 2.0,
                            thickness: size.y.to_mm(),
                            rgb: rgb(shape.fill.as_ref().unwrap()),
                        });
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}
