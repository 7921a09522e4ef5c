//! The OFD package: OFD.xml with the document information, the document root, its resources and
//! pages, zipped with fixed timestamps so the same pages give the same bytes.

use std::io::{Cursor, Write};

use sha2::{Digest, Sha256};
use typst_layout::PagedDocument;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::fonts::Fonts;
use super::images::Images;
use super::page::{self, Ids, Resources};
use super::xml::{escape, mm, nums};
use super::{DocInfo, NAMESPACE};

const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

pub fn write(pages: &PagedDocument, info: &DocInfo) -> Result<Vec<u8>, String> {
    let count = pages.pages().len() as u32;
    // Pages take the ids 1..=count, everything else comes after.
    let mut res = Resources {
        ids: Ids::after(count),
        fonts: Fonts::default(),
        images: Images::default(),
    };
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, page) in pages.pages().iter().enumerate() {
        let content = page::content(page, &mut res)?;
        files.push((
            format!("Doc_0/Pages/Page_{i}/Content.xml"),
            content.into_bytes(),
        ));
    }
    for font in &res.fonts.list {
        files.push((format!("Doc_0/Res/{}", font.file_name()), font.file()?));
    }
    for image in &res.images.list {
        files.push((
            format!("Doc_0/Res/{}", image.file_name()),
            image.bytes.clone(),
        ));
    }
    let fonts: String = res.fonts.list.iter().map(|f| f.entry()).collect();
    files.push((
        "Doc_0/PublicRes.xml".into(),
        format!("{HEADER}<ofd:Res xmlns:ofd=\"{NAMESPACE}\" BaseLoc=\"Res\"><ofd:Fonts>{fonts}</ofd:Fonts></ofd:Res>\n").into_bytes(),
    ));
    let mut document_res = String::new();
    if !res.images.list.is_empty() {
        let media: String = res.images.list.iter().map(|i| i.entry()).collect();
        files.push((
            "Doc_0/DocumentRes.xml".into(),
            format!("{HEADER}<ofd:Res xmlns:ofd=\"{NAMESPACE}\" BaseLoc=\"Res\"><ofd:MultiMedias>{media}</ofd:MultiMedias></ofd:Res>\n").into_bytes(),
        ));
        document_res = "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>".into();
    }
    let first = pages
        .pages()
        .first()
        .map(|p| p.frame.size())
        .unwrap_or_default();
    let page_list: String = (0..count)
        .map(|i| {
            format!(
                "<ofd:Page ID=\"{}\" BaseLoc=\"Pages/Page_{i}/Content.xml\"/>",
                i + 1
            )
        })
        .collect();
    files.push((
        "Doc_0/Document.xml".into(),
        format!(
            "{HEADER}<ofd:Document xmlns:ofd=\"{NAMESPACE}\"><ofd:CommonData><ofd:MaxUnitID>{}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>{}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{document_res}</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages></ofd:Document>\n",
            res.ids.max(),
            nums(&[0.0, 0.0, mm(first.x), mm(first.y)])
        )
        .into_bytes(),
    ));
    files.push(("OFD.xml".into(), ofd_xml(info).into_bytes()));
    zip(files, info)
}

/// OFD.xml: the package entry, with DocInfo (GB/T 33190 7.5) and the archival record as
/// CustomData named after DA/T 46 (GB/T 42133 6.2.1b).
fn ofd_xml(info: &DocInfo) -> String {
    let hash = Sha256::digest(info.ident.as_bytes());
    let doc_id: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
    let element = |name: &str, value: &str| {
        if value.is_empty() {
            String::new()
        } else {
            format!("<ofd:{name}>{}</ofd:{name}>", escape(value))
        }
    };
    let (y, m, d) = info.date;
    let keywords: String = info
        .keywords
        .iter()
        .map(|k| element("Keyword", k))
        .collect();
    let custom: String = info
        .custom_data
        .iter()
        .map(|(name, value)| {
            format!(
                "<ofd:CustomData Name=\"{}\">{}</ofd:CustomData>",
                escape(name),
                escape(value)
            )
        })
        .collect();
    format!(
        "{HEADER}<ofd:OFD xmlns:ofd=\"{NAMESPACE}\" Version=\"1.0\" DocType=\"OFD-A\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>{doc_id}</ofd:DocID>{}{}{}<ofd:CreationDate>{y:04}-{m:02}-{d:02}</ofd:CreationDate><ofd:Keywords>{keywords}</ofd:Keywords><ofd:Creator>lianxi</ofd:Creator><ofd:CreatorVersion>{}</ofd:CreatorVersion><ofd:CustomDatas>{custom}</ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n",
        element("Title", &info.title),
        element("Author", &info.author),
        element("Subject", &info.subject),
        env!("CARGO_PKG_VERSION"),
    )
}

fn zip(files: Vec<(String, Vec<u8>)>, info: &DocInfo) -> Result<Vec<u8>, String> {
    let (y, m, d) = info.date;
    let time = DateTime::from_date_and_time(y as u16, m, d, 0, 0, 0).unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let fail = |e: &dyn std::fmt::Display| format!("无法写出 OFD 文件：{e}");
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(&bytes).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}
