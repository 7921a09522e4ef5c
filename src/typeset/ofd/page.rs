//! One page's content: walks the laid-out frame and writes every item as an OFD graphic unit,
//! collecting the fonts and images they use.

use typst::layout::{Frame, FrameItem, Point};
use typst::visualize::Geometry;
use typst_layout::Page;

use super::fonts::Fonts;
use super::images::{self, Images};
use super::place::Context;
use super::xml::{mm, nums};
use super::{NAMESPACE, path, text};

/// OFD ids are unique in the whole document: one counter serves every page and resource.
pub struct Ids(u32);

impl Ids {
    /// Ids after `reserved` (the pages' own ids).
    pub fn after(reserved: u32) -> Self {
        Self(reserved)
    }

    pub fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }

    /// The largest id given out (OFD's MaxUnitID).
    pub fn max(&self) -> u32 {
        self.0
    }
}

/// What the pages share: the id counter, the fonts and the images.
pub struct Resources {
    pub ids: Ids,
    pub fonts: Fonts,
    pub images: Images,
}

/// The `Content.xml` of `page`.
pub fn content(page: &Page, res: &mut Resources) -> Result<String, String> {
    let size = page.frame.size();
    let layer = res.ids.next();
    let mut body = String::new();
    if let Some(fill) = page.fill_or_transparent() {
        let background = Geometry::Rect(size).filled(fill);
        path::write(
            &mut body,
            res.ids.next(),
            &Context::page(),
            Point::zero(),
            &background,
        );
    }
    walk(&page.frame, Context::page(), page, res, &mut body)?;
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page xmlns:ofd=\"{NAMESPACE}\"><ofd:Area><ofd:PhysicalBox>{}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID=\"{layer}\" Type=\"Body\">{body}</ofd:Layer></ofd:Content></ofd:Page>\n",
        nums(&[0.0, 0.0, mm(size.x), mm(size.y)])
    ))
}

fn walk(
    frame: &Frame,
    ctx: Context,
    page: &Page,
    res: &mut Resources,
    out: &mut String,
) -> Result<(), String> {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => walk(&group.frame, ctx.enter(*pos, group), page, res, out)?,
            FrameItem::Text(item) => {
                let id = res.ids.next();
                let font = res.fonts.get(item.font.font(), &mut res.ids);
                text::write(out, id, font, &ctx, *pos, item);
            }
            FrameItem::Shape(shape, _) => path::write(out, res.ids.next(), &ctx, *pos, shape),
            FrameItem::Image(image, size, _) => {
                let resource = res.images.get(image, *size, page, &mut res.ids)?;
                images::write_object(out, res.ids.next(), resource, &ctx, *pos, *size);
            }
            // Links and introspection tags draw nothing.
            FrameItem::Link(..) | FrameItem::Tag(_) => {}
        }
    }
    Ok(())
}
