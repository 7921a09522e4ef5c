//! `lianxi archive`: the final documents, as PDF/A-2b or OFD, into an append-only folder with a
//! manifest.
//!
//! Layout: `ARCHIVE/<year>/<文种>/<name>.pdf` (or `.ofd`), and `ARCHIVE/manifest.json` listing every file with
//! its SHA-256. An archived file is never overwritten: a document whose content changed is refused
//! unless the run supersedes it, which writes the new version beside the old one (`<name>.v2.pdf`)
//! and records which version replaced which.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::build::{Format, Policy, render_all};
use crate::checked::Checked;
use crate::diag::{Diagnostic, Diagnostics, Failure};
use crate::documents::{self, Document, roster_appendix::RosterRequest};
use crate::output::write_atomic;
use crate::typeset::Typesetter;
use crate::typeset::pdfa::{PdfA, PdfAChoice};

pub const MANIFEST: &str = "manifest.json";

/// One archived file (one version of one document).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    /// Path inside the archive, with `/` separators.
    pub file: String,
    pub sha256: String,
    /// 题名.
    pub title: String,
    /// 文号 or 期号; empty for documents without one.
    pub number: String,
    /// 文种: 通知, 纪要, 备案表, 成员名单.
    pub kind: String,
    /// The document's date, `2026-12-15`.
    pub date: String,
    /// 保管期限.
    pub retention: String,
    /// 1 for the first version; each superseding version counts up.
    pub version: u32,
    /// The file of the version this one replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<String>,
}

/// The archive's manifest: every version ever archived, in the order archived.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub entries: Vec<Entry>,
}

/// What one archiving run did with each document.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Added(String),
    Unchanged(String),
    Superseded { old: String, new: String },
}

/// Archives every document of the checked data into `archive`, as PDF/A-2b or (with
/// `Format::Ofd`) OFD. Refuses (writing nothing) when any document changed since it was
/// archived, unless `supersede`.
pub fn archive(
    checked: &Checked,
    archive: &Path,
    typesetter: &Typesetter,
    roster: Option<&RosterRequest>,
    format: Format,
    supersede: bool,
) -> Result<Vec<Outcome>, Failure> {
    let docs = documents::all(checked, roster)?;
    let mut manifest = read_manifest(archive)?;
    let policy = Policy {
        pdfa: PdfAChoice::All(PdfA::A2b),
        format,
        ..Policy::default()
    };
    let ext = format.extension();
    let sources = checked.data.sources();
    let mut planned = Vec::new();
    let mut diags = Diagnostics::new();
    for (doc, rendered) in docs
        .iter()
        .zip(render_all(&docs, typesetter, &sources, policy))
    {
        let bytes = match rendered {
            Ok(mut r) => r.files.remove(0).1,
            Err(Failure(d)) => {
                diags.extend(d);
                continue;
            }
        };
        let entry = describe(doc, &bytes, ext);
        let latest = manifest
            .entries
            .iter()
            .filter(|e| same_document(e, &entry.file))
            .max_by_key(|e| e.version);
        match latest {
            None => planned.push((Outcome::Added(entry.file.clone()), entry, bytes)),
            Some(old) if old.sha256 == entry.sha256 => {
                planned.push((Outcome::Unchanged(old.file.clone()), entry, bytes))
            }
            Some(old) if supersede => {
                let version = old.version + 1;
                let new = Entry {
                    file: versioned(&entry.file, version),
                    version,
                    supersedes: Some(old.file.clone()),
                    ..entry
                };
                let outcome = Outcome::Superseded {
                    old: old.file.clone(),
                    new: new.file.clone(),
                };
                planned.push((outcome, new, bytes));
            }
            Some(old) => diags.push(
                Diagnostic::error(format!("《{}》与已归档的版本不同", entry.title))
                    .in_file(&archive.join(&old.file))
                    .help("已归档的文件不会被覆盖；确需归档新版本时加 --supersede，新版本与旧版本并存并记入清单"),
            ),
        }
    }
    if !diags.is_empty() {
        return Err(Failure(diags));
    }
    let mut outcomes = Vec::new();
    for (outcome, entry, bytes) in planned {
        if !matches!(outcome, Outcome::Unchanged(_)) {
            let path = archive.join(&entry.file);
            if path.exists() {
                return Err(
                    Diagnostic::error("归档目录中已有同名文件，但清单中没有记录")
                        .in_file(&path)
                        .help("为免覆盖，没有写入；请核对该文件来历后移走它再归档")
                        .into(),
                );
            }
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| Diagnostic::error(format!("无法创建目录：{e}")).in_file(dir))?;
            }
            write_atomic(&path, &bytes)?;
            manifest.entries.push(entry);
            // The manifest follows each file, so a failure later leaves no file unlisted.
            write_manifest(archive, &manifest)?;
        }
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

/// Re-hashes every file the manifest lists; the files missing or changed, or none.
pub fn verify(archive: &Path) -> Result<usize, Failure> {
    let manifest = read_manifest(archive)?;
    if manifest.entries.is_empty() {
        return Err(Diagnostic::error("归档目录中没有清单或清单为空")
            .in_file(&archive.join(MANIFEST))
            .help("请给出 lianxi archive --to 写过的目录")
            .into());
    }
    let diags: Diagnostics = manifest
        .entries
        .iter()
        .filter_map(|e| {
            let path = archive.join(&e.file);
            match std::fs::read(&path) {
                Ok(bytes) if sha256(&bytes) == e.sha256 => None,
                Ok(_) => Some(
                    Diagnostic::error("文件内容与归档时不同（SHA-256 不符）")
                        .in_file(&path)
                        .help("该文件在归档后被改动或损坏；请从备份恢复"),
                ),
                Err(_) => Some(
                    Diagnostic::error("清单中的文件不见了")
                        .in_file(&path)
                        .help("请从备份恢复该文件"),
                ),
            }
        })
        .collect();
    if diags.is_empty() {
        Ok(manifest.entries.len())
    } else {
        Err(Failure(diags))
    }
}

/// The manifest entry of `doc` rendered as `bytes`, a `.ext` file (version 1).
fn describe(doc: &Document, bytes: &[u8], ext: &str) -> Entry {
    let stem = doc.name.rsplit('/').next().unwrap_or(&doc.name);
    Entry {
        file: format!("{}/{}/{stem}.{ext}", doc.date.year, doc.kind()),
        sha256: sha256(bytes),
        title: doc.title.clone(),
        number: doc.number().to_string(),
        kind: doc.kind().to_string(),
        date: doc.date.to_string(),
        retention: doc.retention().to_string(),
        version: 1,
        supersedes: None,
    }
}

/// Whether `entry` is a version of the document first archived as `first` (a PDF and an OFD of
/// one document are two documents to the archive).
fn same_document(entry: &Entry, first: &str) -> bool {
    let (base, ext) = first.rsplit_once('.').unwrap_or((first, ""));
    entry.file == first
        || entry
            .file
            .strip_suffix(&format!(".{ext}"))
            .and_then(|f| f.rsplit_once(".v"))
            .is_some_and(|(b, n)| b == base && n.parse::<u32>().is_ok())
}

/// `2026/纪要/x.pdf` → `2026/纪要/x.v2.pdf`.
fn versioned(first: &str, version: u32) -> String {
    let (base, ext) = first.rsplit_once('.').unwrap_or((first, ""));
    format!("{base}.v{version}.{ext}")
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn read_manifest(archive: &Path) -> Result<Manifest, Failure> {
    let path = archive.join(MANIFEST);
    if !path.exists() {
        return Ok(Manifest::default());
    }
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Diagnostic::error(format!("无法读取清单：{e}")).in_file(&path))?;
    serde_json::from_str(&text).map_err(|e| {
        Diagnostic::error(format!("清单格式错误：{e}"))
            .in_file(&path)
            .help("清单由 lianxi 写入，请勿手工修改；请从备份恢复")
            .into()
    })
}

fn write_manifest(archive: &Path, manifest: &Manifest) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(manifest).expect("a manifest always serialises");
    Ok(write_atomic(
        &archive.join(MANIFEST),
        format!("{text}\n").as_bytes(),
    )?)
}
