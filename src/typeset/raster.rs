//! Images drawn by Typst's own renderer into PNG, where an export cannot take them as they are:
//! OFD-A admits only raster formats (GB/T 42133 6.2.6e), and Typst 0.15 cannot embed the pages
//! of another PDF in a PDF/A file.

use typst::foundations::{Bytes, Smart};
use typst::layout::{Frame, FrameItem, Point, Size};
use typst::syntax::Span;
use typst::visualize::{Image, ImageKind, PixelEncoding, PixelFormat, RasterImage};
use typst_layout::{Page, PagedDocument};

use super::copies;

/// Resolution of images that have to be rasterised: print quality for a seal or a form.
pub const RASTER_DPI: f64 = 300.0;

/// `image` drawn at `size` on a page like `page`, as PNG bytes (transparent where it is).
pub fn png(image: &Image, size: Size, page: &Page) -> Result<Vec<u8>, String> {
    rendered(image, size, page, None)
        .encode_png()
        .map_err(|e| format!("无法把图片转为 PNG：{e}"))
}

/// `image` drawn at `size` on white, as an opaque RGB image (PDF/A-1 admits no transparency).
fn on_white(image: &Image, size: Size, page: &Page) -> Result<RasterImage, String> {
    let pixmap = rendered(image, size, page, Some(typst::visualize::Color::WHITE));
    // Opaque, so the premultiplied RGBA is plain RGB with alpha 255.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let format = PixelFormat {
        encoding: PixelEncoding::Rgb8,
        width: pixmap.width(),
        height: pixmap.height(),
    };
    RasterImage::plain(Bytes::new(rgb), format).map_err(|e| e.to_string())
}

fn rendered(
    image: &Image,
    size: Size,
    page: &Page,
    background: Option<typst::visualize::Color>,
) -> tiny_skia::Pixmap {
    let mut frame = Frame::hard(size);
    frame.push(
        Point::zero(),
        FrameItem::Image(image.clone(), size, Span::detached()),
    );
    let mut alone = page.clone();
    alone.frame = frame;
    alone.fill = Smart::Custom(background.map(Into::into));
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(RASTER_DPI / 72.0),
        ..Default::default()
    };
    typst_render::render(&alone, &options)
}

/// `doc` with the pages of embedded PDFs replaced by PNG images of them, drawn at the same
/// place and size; `None` when it embeds no PDF.
pub fn without_pdf_images(doc: &PagedDocument) -> Result<Option<PagedDocument>, String> {
    let mut found = false;
    let mut pages: Vec<Page> = doc.pages().to_vec();
    for page in &mut pages {
        let template = page.clone();
        let mut failed = None;
        rasterise_pdfs(&mut page.frame, &template, &mut found, &mut failed);
        if let Some(e) = failed {
            return Err(e);
        }
    }
    Ok(found.then(|| copies::assemble(doc, pages)))
}

fn rasterise_pdfs(frame: &mut Frame, page: &Page, found: &mut bool, failed: &mut Option<String>) {
    frame.retain(|item| {
        match item {
            FrameItem::Group(g) => rasterise_pdfs(&mut g.frame, page, found, failed),
            FrameItem::Image(image, size, _) if matches!(image.kind(), ImageKind::Pdf(_)) => {
                *found = true;
                match on_white(image, *size, page) {
                    Ok(raster) => {
                        *image = Image::new(raster, image.alt().map(Into::into), image.scaling())
                    }
                    Err(e) => *failed = Some(e),
                }
            }
            _ => {}
        }
        true
    });
}
