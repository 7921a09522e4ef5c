//! Where an object sits on the page. OFD clips every object to its `Boundary` and measures the
//! object's own coordinates from the Boundary's corner, so each object gets a box that holds it
//! (cut down by the clip it is drawn under) and coordinates, or a CTM, relative to that box.

use typst::layout::{GroupItem, Point, Rect, Transform};

use super::xml::{mm, num, nums};

/// An axis-aligned rectangle on the page, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Area {
    /// `[x, y, width, height]`, as OFD writes a Boundary.
    pub fn xywh(self) -> [f64; 4] {
        [self.x0, self.y0, self.x1 - self.x0, self.y1 - self.y0]
    }

    fn padded(self, pad: f64) -> Self {
        Self {
            x0: self.x0 - pad,
            y0: self.y0 - pad,
            x1: self.x1 + pad,
            y1: self.y1 + pad,
        }
    }

    fn intersect(self, other: Self) -> Option<Self> {
        let area = Self {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        };
        (area.x0 < area.x1 && area.y0 < area.y1).then_some(area)
    }

    /// The page area covered by `rect` (in points, before `ts`).
    fn of(rect: Rect, ts: Transform) -> Self {
        let corners = [
            rect.min,
            Point::new(rect.max.x, rect.min.y),
            rect.max,
            Point::new(rect.min.x, rect.max.y),
        ]
        .map(|p| p.transform(ts));
        let xs = corners.map(|p| mm(p.x));
        let ys = corners.map(|p| mm(p.y));
        Self {
            x0: xs.iter().copied().fold(f64::INFINITY, f64::min),
            y0: ys.iter().copied().fold(f64::INFINITY, f64::min),
            x1: xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            y1: ys.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        }
    }
}

/// How an object's own coordinates (millimetres from its origin) reach the page.
pub struct Placement {
    pub boundary: Area,
    /// Added to the object's coordinates when there is no CTM.
    pub offset: (f64, f64),
    /// For rotated, scaled or skewed objects: the matrix from the object to its Boundary.
    pub ctm: Option<[f64; 6]>,
    /// The clip the object is drawn under, on the page.
    clip: Option<Area>,
}

impl Placement {
    /// The object's `<ofd:Clips>`, or nothing. Readers differ on whether the Boundary clips, so
    /// a clip is also written out: a rectangle in the object's space, which is before the
    /// object's CTM `ctm` (hence its inverse on the area).
    pub fn clips(&self, ctm: Option<[f64; 6]>) -> String {
        let Some(clip) = self.clip else {
            return String::new();
        };
        let (bx, by) = (self.boundary.x0, self.boundary.y0);
        let [x0, y0, x1, y1] = [clip.x0 - bx, clip.y0 - by, clip.x1 - bx, clip.y1 - by];
        let data = format!(
            "M {} {} L {} {} L {} {} L {} {} C",
            num(x0),
            num(y0),
            num(x1),
            num(y0),
            num(x1),
            num(y1),
            num(x0),
            num(y1)
        );
        let ctm = match ctm.and_then(invert) {
            Some(inverse) => format!(" CTM=\"{}\"", nums(&inverse)),
            None => String::new(),
        };
        format!(
            "<ofd:Clips><ofd:Clip><ofd:Area{ctm}><ofd:Path Boundary=\"{}\" Stroke=\"false\" Fill=\"true\"><ofd:AbbreviatedData>{data}</ofd:AbbreviatedData></ofd:Path></ofd:Area></ofd:Clip></ofd:Clips>",
            nums(&[x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs()])
        )
    }
}

/// The inverse of an affine matrix `[a b c d e f]`, unless it is singular.
fn invert([a, b, c, d, e, f]: [f64; 6]) -> Option<[f64; 6]> {
    let det = a * d - b * c;
    (det.abs() > 1e-12).then(|| {
        [
            d / det,
            -b / det,
            -c / det,
            a / det,
            (c * f - d * e) / det,
            (b * e - a * f) / det,
        ]
    })
}

/// The transform from a frame to the page, and the clip its contents are drawn under.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    ts: Transform,
    clip: Option<Area>,
}

impl Context {
    pub fn page() -> Self {
        Self {
            ts: Transform::identity(),
            clip: None,
        }
    }

    /// The context inside `group`, placed at `pos`. A clip becomes the rectangle around it:
    /// exact for the rectangular clips of boxes and blocks, generous for any other shape.
    pub fn enter(self, pos: Point, group: &GroupItem) -> Self {
        let ts = self
            .ts
            .pre_concat(Transform::translate(pos.x, pos.y))
            .pre_concat(group.transform);
        let clip = match &group.clip {
            None => self.clip,
            Some(curve) => {
                let area = Area::of(curve.bbox(None), ts);
                Some(self.clip.and_then(|c| c.intersect(area)).unwrap_or(area))
            }
        };
        Self { ts, clip }
    }

    /// The placement of an object at `pos` whose extent around its origin is `local` (points),
    /// with `pad` millimetres of room; `None` when a clip hides it entirely.
    pub fn place(&self, pos: Point, local: Rect, pad: f64) -> Option<Placement> {
        let ts = self.ts.pre_concat(Transform::translate(pos.x, pos.y));
        let mut boundary = Area::of(local, ts).padded(pad);
        if let Some(clip) = self.clip {
            boundary = boundary.intersect(clip)?;
        }
        let (tx, ty) = (mm(ts.tx), mm(ts.ty));
        let plain =
            ts.sx.get() == 1.0 && ts.sy.get() == 1.0 && ts.kx.get() == 0.0 && ts.ky.get() == 0.0;
        Some(if plain {
            Placement {
                boundary,
                offset: (tx - boundary.x0, ty - boundary.y0),
                ctm: None,
                clip: self.clip,
            }
        } else {
            Placement {
                boundary,
                offset: (0.0, 0.0),
                clip: self.clip,
                ctm: Some([
                    ts.sx.get(),
                    ts.ky.get(),
                    ts.kx.get(),
                    ts.sy.get(),
                    tx - boundary.x0,
                    ty - boundary.y0,
                ]),
            }
        })
    }
}
