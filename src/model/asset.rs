//! Files the data names explicitly (a seal image, a PDF attachment): resolved inside the data directory, or refused.

use std::path::{Component, Path, PathBuf};

use serde_saphyr::Spanned;

use super::yaml::span_of;
use crate::diag::{Diagnostic, SourceFile};

/// A file the compiler may read: its real path and the name it has inside the sandbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Path inside the compiler's sandbox, e.g. `/assets/seal.png`.
    pub virtual_path: String,
    pub real_path: PathBuf,
}

/// What an asset may be: the extensions accepted, and what to say when another is named.
pub struct AssetKind {
    extensions: &'static [&'static str],
    wrong_kind: &'static str,
    convert: &'static str,
    example: &'static str,
}

/// A seal image.
pub const SEAL_IMAGE: AssetKind = AssetKind {
    extensions: &["png", "jpg", "jpeg", "svg"],
    wrong_kind: "只支持 PNG、JPG 或 SVG 图片",
    convert: "请把印章另存为 PNG 图片（透明背景）",
    example: "seal.png",
};

/// An existing PDF printed as an attachment.
pub const PDF: AssetKind = AssetKind {
    extensions: &["pdf"],
    wrong_kind: "附件只能是 PDF 文件",
    convert: "请先把它另存为 PDF（如在 WPS 或 Word 中“输出为 PDF”）",
    example: "附件/工作方案.pdf",
};

/// Resolves the seal image `name` (relative to `dir`), refusing anything outside `dir`.
pub fn resolve(dir: &Path, name: &Spanned<String>, file: &SourceFile) -> Result<Asset, Diagnostic> {
    resolve_as(dir, name, file, &SEAL_IMAGE)
}

/// Resolves `name` (relative to `dir`) to an asset of `kind`, refusing anything outside `dir`.
pub fn resolve_as(
    dir: &Path,
    name: &Spanned<String>,
    file: &SourceFile,
    kind: &AssetKind,
) -> Result<Asset, Diagnostic> {
    let refuse = refusal(name, file);
    let inside = format!(
        "请把文件放进数据目录（或其子目录），并写相对路径，如 {}",
        kind.example
    );
    let canon = inside_dir(dir, name, file, &inside)?;
    if !canon.is_file() {
        return Err(refuse("它不是文件", &inside));
    }
    let ext = Path::new(&name.value)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !kind.extensions.contains(&ext.as_str()) {
        return Err(refuse(kind.wrong_kind, kind.convert));
    }
    let virtual_path = format!("/assets/{}", name.value.replace('\\', "/"));
    Ok(Asset {
        virtual_path,
        real_path: canon,
    })
}

/// Resolves `name` (relative to `dir`) to a directory inside `dir`, such as a font directory.
pub fn resolve_dir(
    dir: &Path,
    name: &Spanned<String>,
    file: &SourceFile,
) -> Result<PathBuf, Diagnostic> {
    let inside = "请把字体文件放进数据目录内的一个文件夹，并写它的相对路径，如 字体";
    let canon = inside_dir(dir, name, file, inside)?;
    if !canon.is_dir() {
        return Err(refusal(name, file)("它不是文件夹", inside));
    }
    Ok(canon)
}

/// A diagnostic refusing `name`, with the reason and a suggestion.
fn refusal<'a>(
    name: &'a Spanned<String>,
    file: &'a SourceFile,
) -> impl Fn(&str, &str) -> Diagnostic + 'a {
    move |why, help| {
        Diagnostic::error(format!("不能使用“{}”：{why}", name.value))
            .at(file, span_of(&name.referenced))
            .help(help.to_string())
    }
}

/// The real path `name` names, when it is relative, exists, and stays inside `dir`.
fn inside_dir(
    dir: &Path,
    name: &Spanned<String>,
    file: &SourceFile,
    help: &str,
) -> Result<PathBuf, Diagnostic> {
    let refuse = refusal(name, file);
    let rel = Path::new(&name.value);
    if name.value.is_empty() || rel.is_absolute() || name.value.starts_with(['/', '\\']) {
        return Err(refuse("只能使用数据目录内的相对路径", help));
    }
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(refuse("路径中不能有“..”或盘符", help));
    }
    let (Ok(canon_dir), Ok(canon)) = (dir.canonicalize(), dir.join(rel).canonicalize()) else {
        return Err(refuse(
            "找不到这个文件或文件夹",
            "请检查名称，它须在数据目录内",
        ));
    };
    if !canon.starts_with(&canon_dir) {
        return Err(refuse("它是指向数据目录之外的链接", help));
    }
    Ok(canon)
}
