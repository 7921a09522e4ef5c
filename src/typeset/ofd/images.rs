//! The images an OFD package carries. PNG and JPEG go in as they are; anything else (an SVG
//! seal, GIF, WebP, a page of an attached PDF) is drawn into a PNG (`typeset::raster`), since
//! OFD-A admits only raster formats (GB/T 42133 6.2.6e).

use std::collections::HashMap;
use std::fmt::Write;

use typst::layout::{Point, Rect, Size};
use typst::visualize::{ExchangeFormat, Image, ImageKind, RasterFormat};
use typst_layout::Page;

use super::page::Ids;
use super::place::Context;
use super::xml::{mm, nums};

pub struct ImageResource {
    pub id: u32,
    /// "PNG" or "JPEG".
    pub format: &'static str,
    pub bytes: Vec<u8>,
}

impl ImageResource {
    pub fn file_name(&self) -> String {
        let ext = if self.format == "PNG" { "png" } else { "jpg" };
        format!("image_{}.{ext}", self.id)
    }

    /// The `<ofd:MultiMedia>` resource entry.
    pub fn entry(&self) -> String {
        format!(
            "<ofd:MultiMedia ID=\"{}\" Type=\"Image\" Format=\"{}\"><ofd:MediaFile>{}</ofd:MediaFile></ofd:MultiMedia>",
            self.id,
            self.format,
            self.file_name()
        )
    }
}

/// Every image used so far, each once.
#[derive(Default)]
pub struct Images {
    pub list: Vec<ImageResource>,
    index: HashMap<(Image, [u64; 2]), usize>,
}

impl Images {
    /// The resource id of `image` drawn at `size` on a page like `page`.
    pub fn get(
        &mut self,
        image: &Image,
        size: Size,
        page: &Page,
        ids: &mut Ids,
    ) -> Result<u32, String> {
        // Rasterised images depend on the size they are drawn at.
        let key = (
            image.clone(),
            [size.x.to_raw().to_bits(), size.y.to_raw().to_bits()],
        );
        if let Some(&at) = self.index.get(&key) {
            return Ok(self.list[at].id);
        }
        let (format, bytes) = encoded(image, size, page)?;
        let id = ids.next();
        self.index.insert(key, self.list.len());
        self.list.push(ImageResource { id, format, bytes });
        Ok(id)
    }
}

fn encoded(image: &Image, size: Size, page: &Page) -> Result<(&'static str, Vec<u8>), String> {
    if let ImageKind::Raster(raster) = image.kind() {
        // A rotated JPEG would be shown unrotated by readers that ignore EXIF.
        let upright = raster.exif_rotation().is_none_or(|r| r == 1);
        match raster.format() {
            RasterFormat::Exchange(ExchangeFormat::Png) => {
                return Ok(("PNG", raster.data().to_vec()));
            }
            RasterFormat::Exchange(ExchangeFormat::Jpg) if upright => {
                return Ok(("JPEG", raster.data().to_vec()));
            }
            _ => {}
        }
    }
    super::super::raster::png(image, size, page)
        .map(|png| ("PNG", png))
        .map_err(|e| format!("{e}（写入 OFD 时）"))
}

/// Writes an ImageObject showing resource `resource` over `size` at `pos` under `ctx`.
pub fn write_object(
    out: &mut String,
    id: u32,
    resource: u32,
    ctx: &Context,
    pos: Point,
    size: Size,
) {
    let local = Rect::new(Point::zero(), Point::new(size.x, size.y));
    let Some(place) = ctx.place(pos, local, 0.0) else {
        return;
    };
    let (w, h) = (mm(size.x), mm(size.y));
    // The image fills the unit square of its own space: the CTM scales it to its size.
    let ctm = match place.ctm {
        None => [w, 0.0, 0.0, h, place.offset.0, place.offset.1],
        Some([a, b, c, d, e, f]) => [a * w, b * w, c * h, d * h, e, f],
    };
    let _ = write!(
        out,
        "<ofd:ImageObject ID=\"{id}\" Boundary=\"{}\" CTM=\"{}\" ResourceID=\"{resource}\">{}</ofd:ImageObject>",
        nums(&place.boundary.xywh()),
        nums(&ctm),
        place.clips(Some(ctm))
    );
}
