//! The sandboxed Typst `World`: it serves the generated main file, the embedded GB/T 9704 library,
//! the font module and the assets the data names — and nothing else. No packages, no disk access,
//! a fixed `today`.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::FontSet;

/// File ids are interned for the whole process (at most 65,535), so the fixed ones are made once.
pub fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("valid virtual path"),
    )
    .intern()
}

pub static MAIN: LazyLock<FileId> = LazyLock::new(|| file_id("/main.typ"));

/// Things shared by every compile in a process: the standard library and the fonts.
pub struct Base {
    pub library: LazyHash<Library>,
    pub fonts: FontSet,
    /// Typst modules served next to the main file (the GB/T 9704 library, the font stacks).
    pub modules: HashMap<FileId, Source>,
}

/// One document's view of the sandbox.
pub struct DocWorld<'a> {
    pub base: &'a Base,
    pub main: Source,
    /// Asset bytes by sandbox path.
    pub assets: HashMap<FileId, Bytes>,
    pub today: Datetime,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.base.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.base.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        refuse_packages(id)?;
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        self.base
            .modules
            .get(&id)
            .cloned()
            .ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        refuse_packages(id)?;
        if let Some(bytes) = self.assets.get(&id) {
            return Ok(bytes.clone());
        }
        self.source(id)
            .map(|s| Bytes::from_string(s.text().to_string()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.base.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn refuse_packages(id: FileId) -> FileResult<()> {
    match id.root() {
        VirtualRoot::Project => Ok(()),
        _ => Err(FileError::Package(PackageError::Other(Some(
            "lianxi 不使用 Typst 包 (packages are disabled)".into(),
        )))),
    }
}

impl Base {
    pub fn new(fonts: FontSet, modules: &[(&str, String)]) -> Self {
        let modules = modules
            .iter()
            .map(|(path, text)| {
                let id = file_id(path);
                (id, Source::new(id, text.clone()))
            })
            .collect();
        Self {
            library: LazyHash::new(Library::default()),
            fonts,
            modules,
        }
    }
}
