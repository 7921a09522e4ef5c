//! OFD (GB/T 33190-2016), the national fixed-layout format, written from the same laid-out pages
//! as the PDF: laid-out pages and document information in, package bytes out.
//!
//! Text becomes TextObjects carrying the real Unicode text, each character's position and the
//! glyph ids of an embedded font subset (CGTransform); shapes become PathObjects, images
//! ImageObjects. The package follows the OFD-A profile (GB/T 42133-2022) as far as it concerns a
//! generator: subset fonts with `cmap`, raster images only, no actions, DA/T 46 metadata.

mod fonts;
mod images;
mod package;
mod page;
mod paint;
mod path;
mod place;
mod sfnt;
mod text;
mod xml;

use typst_layout::PagedDocument;

const NAMESPACE: &str = "http://www.ofdspec.org/2016";

/// What the package says about its document (OFD.xml's DocInfo).
pub struct DocInfo {
    /// What identifies the document across runs: its DocID is derived from it.
    pub ident: String,
    pub title: String,
    pub author: String,
    /// 文号 or 期号.
    pub subject: String,
    pub keywords: Vec<String>,
    /// Year, month, day.
    pub date: (i32, u8, u8),
    /// The archival record, by DA/T 46 element name.
    pub custom_data: Vec<(String, String)>,
}

/// The OFD package of `pages`; the same pages and information give the same bytes.
pub fn export(pages: &PagedDocument, info: &DocInfo) -> Result<Vec<u8>, String> {
    package::write(pages, info)
}
