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

/// What the pages share: one id counter for the whole document (OFD ids are document-wide), the
/// fonts and the images.
pub struct Resources {
    next_id: u32,
    pub fonts: Fonts,
    pub images: Images,
}

impl Resources {
    /// Resources whose ids start after `reserved` (the pages' own ids).
    pub fn after(reserved: u32) -> Self {
        Self {
            next_id: reserved + 1,
            fonts: Fonts::default(),
            images: Images::default(),
        }
    }

    pub fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id - 1
    }

    /// The largest id given out (OFD's MaxUnitID).
    pub fn max_id(&self) -> u32 {
        self.next_id - 1
    }
}

/// The `Content.xml` of `page`.
pub fn content(page: &Page, res: &mut Resources) -> Result<String, String> {
    let size = page.frame.size();
    let layer = res.id();
    let mut body = String::new();
    if let Some(fill) = page.fill_or_transparent() {
        let background = Geometry::Rect(size).filled(fill);
        path::write(
            &mut body,
            res.id(),
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
                let id = res.id();
                let Resources { fonts, next_id, .. } = res;
                let font = fonts.get(item.font.font(), || {
                    *next_id += 1;
                    *next_id - 1
                });
                text::write(out, id, font, &ctx, *pos, item);
            }
            FrameItem::Shape(shape, _) => path::write(out, res.id(), &ctx, *pos, shape),
            FrameItem::Image(image, size, _) => {
                let Resources {
                    images, next_id, ..
                } = res;
                let resource = images.get(image, *size, page, || {
                    *next_id += 1;
                    *next_id - 1
                })?;
                images::write_object(out, res.id(), resource, &ctx, *pos, *size);
            }
            // Links and introspection tags draw nothing.
            FrameItem::Link(..) | FrameItem::Tag(_) => {}
        }
    }
    Ok(())
}
