//! Shared helpers: the example data, one typesetter per test binary, real compiles.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lianxi::checked;
use lianxi::documents::roster_appendix::{RosterLayout, RosterRequest};
use lianxi::documents::{self, Document};
use lianxi::fill::Filler;
use lianxi::model::Date;
use lianxi::typeset::fonts::FontOptions;
use lianxi::typeset::inspect::{PageLayout, inspect};
use lianxi::typeset::{Typeset, Typesetter};

pub fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/duji")
}

pub fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_c2218cdfe752ccae.txt")
}

/// Bundled fonts only, so results do not depend on the machine.
pub fn typesetter() -> &'static Typesetter {
    static T: OnceLock<Typesetter> = OnceLock::new();
    T.get_or_init(|| Typesetter::new(&FontOptions::default()))
}

/// A laid-out document with its measurements.
pub struct Rendered {
    pub doc: Document,
    pub typeset: Typeset,
    pub pages: Vec<PageLayout>,
}

impl Rendered {
    /// The document's text in the order it was laid out (a table cell by cell), without page
    /// numbers.
    pub fn layout_text(&self) -> String {
        let runs = self.pages.iter().flat_map(|p| p.runs.iter());
        runs.filter(|r| r.baseline < 262.5)
            .map(|r| r.text.as_str())
            .collect()
    }

    /// The document's text in reading order, without page numbers.
    pub fn text(&self) -> String {
        self.pages
            .iter()
            .flat_map(|p| p.lines())
            .filter(|l| l.baseline < 262.5)
            .map(|l| l.text())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The date the example's roster appendix is rendered for.
pub fn as_of() -> Date {
    Date::parse("2026-11-28").unwrap()
}

/// A roster appendix of the lines layout as of `as_of`, without a 变更说明.
pub fn roster_request(as_of: &str) -> RosterRequest {
    RosterRequest {
        as_of: Date::parse(as_of).unwrap(),
        since: None,
        layout: RosterLayout::Lines,
        updated_note: None,
    }
}

/// Every document `dir` defines (the roster appendix as of [`as_of`]), not yet laid out.
pub fn documents_of(dir: &Path) -> Vec<Document> {
    let checked = checked::load(dir).unwrap_or_else(|f| panic!("data should load:\n{f}"));
    documents::all(&checked, Some(&roster_request("2026-11-28"))).unwrap_or_else(|f| panic!("{f}"))
}

/// Lays out one document.
pub fn render(doc: Document) -> Rendered {
    let source = Filler::new().fill(&doc).unwrap_or_else(|f| panic!("{f}"));
    let typeset = typesetter()
        .typeset(&doc, &source)
        .unwrap_or_else(|f| panic!("{f}"));
    let pages = inspect(&typeset.pages);
    Rendered {
        doc,
        typeset,
        pages,
    }
}

/// The document of `dir` named `name` (its output path without `.pdf`), not yet laid out.
pub fn document_named(dir: &Path, name: &str) -> Document {
    documents_of(dir)
        .into_iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("{name} is built"))
}

/// The document of `dir` named `name`, laid out.
pub fn rendered_named(dir: &Path, name: &str) -> Rendered {
    render(document_named(dir, name))
}

/// The founding notice of `dir`, laid out.
pub fn founding_notice_of(dir: &Path) -> Rendered {
    rendered_named(dir, "founding-notice")
}

/// Typesets a hand-written Typst source that imports the GB/T 9704 library.
pub fn render_typst(source: &str) -> Vec<PageLayout> {
    let doc = Document::scratch(Path::new("scratch.typ"));
    let typeset = typesetter()
        .typeset(&doc, source)
        .unwrap_or_else(|f| panic!("{f}"));
    inspect(&typeset.pages)
}

/// Copies a data directory (with its subdirectories) into a fresh temporary one tests may edit.
pub fn copy_dir(from: &Path) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    copy(from, tmp.path());
    tmp
}

/// A copy of the example data with `edit` applied to `file`; the edit must change something.
pub fn edited_example(file: &str, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    edited_copy(&example_dir(), file, edit)
}

/// A copy of the data in `dir` with `edit` applied to `file`; the edit must change something.
pub fn edited_copy(dir: &Path, file: &str, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let data = copy_dir(dir);
    let path = data.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit must change {file}");
    std::fs::write(&path, edited).unwrap();
    data
}

/// Text with all white space removed (U+3000 included), for comparing wording.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Runs the `lianxi` binary.
pub fn lianxi(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_lianxi"))
        .args(args)
        .output()
        .expect("run lianxi")
}

/// `lianxi build DIR -o OUT` with bundled fonts only and the roster as of 2026-11-28, plus `extra`.
pub fn lianxi_build(dir: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "build",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--as-of",
        "2026-11-28",
        "--no-system-fonts",
    ];
    args.extend(extra);
    lianxi(&args)
}

/// `file:line:col` of the first occurrence of `needle` in `file` of the data in `dir` (columns
/// count characters).
pub fn where_in(dir: &Path, file: &str, needle: &str) -> String {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let (i, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} in {file}"));
    let col = line[..line.find(needle).unwrap()].chars().count() + 1;
    format!("{file}:{}:{col}", i + 1)
}

/// Whether a laid-out item is, or holds, an image.
pub fn has_image(item: &typst::layout::FrameItem) -> bool {
    match item {
        typst::layout::FrameItem::Image(..) => true,
        typst::layout::FrameItem::Group(g) => g.frame.items().any(|(_, i)| has_image(i)),
        _ => false,
    }
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
