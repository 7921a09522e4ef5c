//! Colours and stroke attributes, shared by text and paths.

use typst::visualize::{FixedStroke, LineCap, LineJoin, Paint};

use super::xml::{mm, num, nums};

/// `<ofd:FillColor …/>` or `<ofd:StrokeColor …/>` for `paint`. Gradients and tilings (which
/// 公文 templates do not use) are drawn in their first colour.
pub fn color(element: &str, paint: &Paint) -> String {
    let [r, g, b, a] = match paint {
        Paint::Solid(color) => color.to_vec4_u8(),
        Paint::Gradient(gradient) => gradient
            .stops_ref()
            .first()
            .map_or([0, 0, 0, 255], |(c, _)| c.to_vec4_u8()),
        Paint::Tiling(_) => [0, 0, 0, 255],
    };
    let alpha = if a == 255 {
        String::new()
    } else {
        format!(" Alpha=\"{a}\"")
    };
    format!("<ofd:{element} Value=\"{r} {g} {b}\"{alpha}/>")
}

/// The attributes of a graphic unit that say how it is stroked.
pub fn stroke_attributes(stroke: &FixedStroke) -> String {
    let mut attrs = format!(" LineWidth=\"{}\"", num(mm(stroke.thickness)));
    attrs.push_str(match stroke.cap {
        LineCap::Butt => "",
        LineCap::Round => " Cap=\"Round\"",
        LineCap::Square => " Cap=\"Square\"",
    });
    attrs.push_str(match stroke.join {
        LineJoin::Miter => "",
        LineJoin::Round => " Join=\"Round\"",
        LineJoin::Bevel => " Join=\"Bevel\"",
    });
    if stroke.join == LineJoin::Miter {
        attrs.push_str(&format!(
            " MiterLimit=\"{}\"",
            num(stroke.miter_limit.get())
        ));
    }
    if let Some(dash) = &stroke.dash {
        let array: Vec<f64> = dash.array.iter().map(|&l| mm(l)).collect();
        attrs.push_str(&format!(
            " DashOffset=\"{}\" DashPattern=\"{}\"",
            num(mm(dash.phase)),
            nums(&array)
        ));
    }
    attrs
}
