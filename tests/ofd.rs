//! OFD export, judged by independent readers: sOFD renders every page like our PDF, with the
//! embedded fonts; ofdkit reads back exactly the text Typst laid out, and the archival record.
//! `.ci/run` installs both (`cargo install sofd-cli`, `pip install ofdkit`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use lianxi::typeset::Typesetter;
use serde_json::Value;

/// Every file with extension `ext` under `dir`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// What ofdkit reads from an OFD file: the DocType, DocInfo's custom data, and per page the
/// text runs in document order and the page text in reading order (what `ofdkit text` prints).
fn ofdkit_read(ofd: &Path) -> Value {
    let script = r#"
import json, sys, zipfile, ofdkit
path = sys.argv[1]
doc = ofdkit.open(path)
ofd_xml = zipfile.ZipFile(path).read("OFD.xml").decode()
print(json.dumps({
    "doc_type": ofd_xml.split('DocType="')[1].split('"')[0],
    "custom": doc.info.custom_data,
    "title": doc.info.title,
    "runs": [[r.text for r in p.runs] for p in doc.pages],
    "text": [p.text() for p in doc.pages],
}, ensure_ascii=False))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(ofd)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "ofdkit could not read {}: {} (is ofdkit installed? pip install ofdkit)",
        ofd.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The text runs ofdkit reads on page `page` (0-based), in document order.
fn runs_on(read: &Value, page: usize) -> Vec<&str> {
    read["runs"][page]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect()
}

/// The names of an OFD package's entries, and the text of entry `name`.
fn entry(ofd: &Path, name: &str) -> (Vec<String>, String) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(ofd).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    let mut content = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut content).unwrap();
    (names, content)
}

fn build_example(extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let run = lianxi_build(&example_dir(), out.path(), extra);
    assert!(run.status.success(), "{}", stderr(&run));
    out
}

#[test]
fn every_document_kind_exports_to_ofd_a_with_its_archival_record() {
    let out = build_example(&["--format", "ofd"]);
    let ofds = files(out.path(), "ofd");
    let docs = documents_of(&example_dir());
    assert_eq!(ofds.len(), docs.len(), "one OFD per document: {ofds:?}");
    let mut kinds = std::collections::BTreeSet::new();
    for doc in &docs {
        let ofd = ofds
            .iter()
            .find(|p| p.ends_with(format!("{}.ofd", doc.name)))
            .unwrap_or_else(|| panic!("{}.ofd written", doc.name));
        let read = ofdkit_read(ofd);
        assert_eq!(read["doc_type"], "OFD-A");
        assert_eq!(read["title"], doc.title.as_str());
        for (name, value) in doc.archival_fields() {
            assert_eq!(read["custom"][name], value.as_str(), "{} {name}", doc.name);
        }
        kinds.insert(doc.kind());
        // sOFD's GB/T 42133 checks (DocType, encryption, image formats, every reference
        // reachable) find nothing but the missing signature, which takes a CA-issued seal.
        let audit = Command::new("sofd")
            .args(["--locale", "en-US", "audit"])
            .arg(ofd)
            .output()
            .expect("sofd runs");
        let findings = String::from_utf8_lossy(&audit.stdout).into_owned();
        assert!(findings.contains("ARCH-006"), "the audit ran: {findings}");
        assert!(
            findings
                .lines()
                .all(|l| l.trim().is_empty() || l.starts_with("ARCH-006 ")),
            "{}: {findings}",
            doc.name
        );
    }
    let want: std::collections::BTreeSet<&str> =
        ["通知", "函", "报告", "纪要", "备案表", "成员名单"].into();
    assert_eq!(kinds, want, "every kind of document exported");
}

#[test]
fn ofdkit_reads_exactly_the_text_typst_laid_out() {
    for doc in documents_of(&example_dir()) {
        let rendered = render(doc);
        let ofd_bytes = typesetter()
            .ofd(&rendered.doc, &rendered.typeset.pages)
            .unwrap_or_else(|f| panic!("{f}"));
        let dir = tempfile::tempdir().unwrap();
        let ofd = dir.path().join("doc.ofd");
        std::fs::write(&ofd, ofd_bytes).unwrap();
        let read = ofdkit_read(&ofd);
        assert_eq!(read["runs"].as_array().unwrap().len(), rendered.pages.len());
        for (i, page) in rendered.pages.iter().enumerate() {
            // Character for character, spaces included, in the order they were laid out.
            let laid_out: String = page.runs.iter().map(|r| r.text.as_str()).collect();
            let runs: String = runs_on(&read, i).concat();
            assert_eq!(runs, laid_out, "{} page {}", rendered.doc.name, i + 1);
            // And in reading order, as `ofdkit text` prints it: line by line for running text.
            // In a table ofdkit reads by columns and cells, which orders the same characters
            // differently from baseline-by-baseline lines.
            let lines = squash(&page.lines().iter().map(|l| l.text()).collect::<String>());
            let text = squash(read["text"][i].as_str().unwrap());
            let name = format!("{} page {}", rendered.doc.name, i + 1);
            if matches!(rendered.doc.kind(), "通知" | "纪要") {
                assert_eq!(text, lines, "{name}");
            } else {
                let sorted = |s: &str| {
                    let mut chars: Vec<char> = s.chars().collect();
                    chars.sort_unstable();
                    chars
                };
                assert_eq!(sorted(&text), sorted(&lines), "{name}");
            }
        }
    }
}

/// A greyscale page image.
struct Gray {
    width: usize,
    height: usize,
    pixels: Vec<f32>,
}

impl Gray {
    fn read(path: &Path) -> Self {
        let mut decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let channels = info.color_type.samples();
        let pixels = buf[..info.buffer_size()]
            .chunks(channels)
            .map(|px| {
                // Composite any alpha over white paper, then average the colour channels.
                let (color, alpha) = match channels {
                    1 => (f32::from(px[0]), 255.0),
                    2 => (f32::from(px[0]), f32::from(px[1])),
                    3 => (px.iter().map(|&v| f32::from(v)).sum::<f32>() / 3.0, 255.0),
                    _ => (
                        px[..3].iter().map(|&v| f32::from(v)).sum::<f32>() / 3.0,
                        f32::from(px[3]),
                    ),
                };
                (color * alpha + 255.0 * (255.0 - alpha)) / 255.0
            })
            .collect();
        Self {
            width: info.width as usize,
            height: info.height as usize,
            pixels,
        }
    }

    /// Gaussian blur (σ in pixels): differences of anti-aliasing between two renderers vanish,
    /// a misplaced or missing glyph or rule does not.
    fn blurred(&self, sigma: f32) -> Self {
        let radius = (3.0 * sigma).ceil() as isize;
        let kernel: Vec<f32> = (-radius..=radius)
            .map(|i| (-(i * i) as f32 / (2.0 * sigma * sigma)).exp())
            .collect();
        let total: f32 = kernel.iter().sum();
        let pass = |src: &[f32], horizontal: bool| {
            let mut out = vec![0.0; src.len()];
            for y in 0..self.height {
                for x in 0..self.width {
                    let mut sum = 0.0;
                    for (k, w) in kernel.iter().enumerate() {
                        let d = k as isize - radius;
                        let (sx, sy) = if horizontal {
                            (
                                (x as isize + d).clamp(0, self.width as isize - 1) as usize,
                                y,
                            )
                        } else {
                            (
                                x,
                                (y as isize + d).clamp(0, self.height as isize - 1) as usize,
                            )
                        };
                        sum += w * src[sy * self.width + sx];
                    }
                    out[y * self.width + x] = sum / total;
                }
            }
            out
        };
        let pixels = pass(&pass(&self.pixels, true), false);
        Self { pixels, ..*self }
    }
}

/// Renders page `page` (0-based) of `ofd` with sOFD at `dpi`; fails on any warning, such as a
/// font sOFD had to substitute.
fn sofd_render(ofd: &Path, page: usize, dpi: u32, png: &Path) {
    let out = Command::new("sofd")
        .args(["--locale", "en-US", "render"])
        .arg(ofd)
        .args(["--page", &page.to_string(), "--dpi", &dpi.to_string(), "-o"])
        .arg(png)
        .output()
        .expect("sofd runs (.ci/run installs it: cargo install sofd-cli --locked)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "sofd failed on {} page {page}: {said}",
        ofd.display()
    );
    assert!(
        !said.contains("Warning"),
        "sofd warned on {} page {page}: {said}",
        ofd.display()
    );
}

fn page_count(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&out.stdout);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .expect("pdfinfo gives Pages");
    pages.trim().parse().unwrap()
}

/// Renders page `page` (0-based) of `pdf` with poppler at `dpi`.
fn pdftoppm(pdf: &Path, page: usize, dpi: u32, stem: &Path) -> PathBuf {
    let n = (page + 1).to_string();
    let out = Command::new("pdftoppm")
        .args([
            "-r",
            &dpi.to_string(),
            "-f",
            &n,
            "-l",
            &n,
            "-png",
            "-singlefile",
        ])
        .arg(pdf)
        .arg(stem)
        .output()
        .expect("pdftoppm (poppler-utils) runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stem.with_extension("png")
}

/// Share of pixels that differ by more than 48/255 between sOFD's rendering of each page of
/// `ofd` and poppler's of `pdf`, after blurring both (σ 1.5 px) to forgive anti-aliasing.
fn differences(ofd: &Path, pdf: &Path) -> Vec<f64> {
    const DPI: u32 = 100;
    let scratch = tempfile::tempdir().unwrap();
    (0..page_count(pdf))
        .map(|page| {
            let ours = scratch.path().join("ofd.png");
            let reference = pdftoppm(pdf, page, DPI, &scratch.path().join("pdf"));
            sofd_render(ofd, page, DPI, &ours);
            let (a, b) = (Gray::read(&ours), Gray::read(&reference));
            assert_eq!(
                (a.width, a.height),
                (b.width, b.height),
                "{ofd:?} page size"
            );
            let (a, b) = (a.blurred(1.5), b.blurred(1.5));
            let differing = a
                .pixels
                .iter()
                .zip(&b.pixels)
                .filter(|(x, y)| (*x - *y).abs() > 48.0)
                .count();
            differing as f64 / a.pixels.len() as f64
        })
        .collect()
}

/// Asserts every page of `ofd` renders like the same page of `pdf` (under 0.05 % of pixels
/// differ after blurring); the share per page, for a report.
fn assert_renders_like(ofd: &Path, pdf: &Path) -> Vec<f64> {
    let shares = differences(ofd, pdf);
    for (page, share) in shares.iter().enumerate() {
        assert!(
            *share < 0.0005,
            "{}: page {} differs from the PDF in {:.4}% of pixels",
            ofd.display(),
            page + 1,
            share * 100.0
        );
    }
    shares
}

#[test]
fn sofd_renders_every_page_like_the_pdf_with_the_embedded_fonts() {
    let pdfs = build_example(&[]);
    let ofds = build_example(&["--format", "ofd"]);
    let mut report = Vec::new();
    for ofd in files(ofds.path(), "ofd") {
        let relative = ofd.strip_prefix(ofds.path()).unwrap().with_extension("pdf");
        let shares = assert_renders_like(&ofd, &pdfs.path().join(&relative));
        for (page, share) in shares.into_iter().enumerate() {
            report.push(format!(
                "{} p{}: {:.4}%",
                relative.display(),
                page + 1,
                share * 100.0
            ));
        }
    }
    eprintln!(
        "sOFD against the PDF (poppler), 100 dpi, blurred, pixels differing:\n{}",
        report.join("\n")
    );
    assert!(report.len() >= 20, "every page compared: {}", report.len());
}

#[test]
fn a_seal_image_becomes_an_image_object_drawn_where_the_pdf_draws_it() {
    // A red ring, as PNG (kept as it is) and as SVG (rasterised, since OFD-A admits no SVG).
    let size = 240u32;
    let mut rgba = Vec::new();
    for y in 0..size {
        for x in 0..size {
            let r = ((x as f32 - 120.0).powi(2) + (y as f32 - 120.0).powi(2)).sqrt();
            rgba.extend_from_slice(&[255, 0, 0, if (100.0..115.0).contains(&r) { 255 } else { 0 }]);
        }
    }
    let mut png_bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png_bytes, size, size);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder
            .write_header()
            .unwrap()
            .write_image_data(&rgba)
            .unwrap();
    }
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="420" height="420"><circle cx="210" cy="210" r="200" fill="none" stroke="#ff0000" stroke-width="14"/></svg>"##;
    for (file, bytes, format) in [
        ("seal.png", png_bytes, "PNG"),
        ("seal.svg", svg.as_bytes().to_vec(), "PNG"),
    ] {
        let data = edited_example("founding-notice.yaml", |t| {
            t.replace("seal: stamped", &format!("seal:\n  image: {file}"))
        });
        std::fs::write(data.path().join(file), &bytes).unwrap();
        let (pdfs, ofds) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        for (out, extra) in [(&pdfs, &[][..]), (&ofds, &["--format", "ofd"][..])] {
            let run = lianxi_build(data.path(), out.path(), extra);
            assert!(run.status.success(), "{}", stderr(&run));
        }
        let ofd = ofds.path().join("founding-notice.ofd");
        let (names, resources) = entry(&ofd, "Doc_0/DocumentRes.xml");
        assert!(
            resources.contains(&format!("Type=\"Image\" Format=\"{format}\"")),
            "{resources}"
        );
        assert!(
            names.iter().any(|n| n.starts_with("Doc_0/Res/image_")),
            "{names:?}"
        );
        assert_renders_like(&ofd, &pdfs.path().join("founding-notice.pdf"));
    }
}

#[test]
fn the_same_data_gives_the_same_ofd_bytes() {
    let (a, b) = (
        build_example(&["--format", "ofd"]),
        build_example(&["--format", "ofd"]),
    );
    let (fa, fb) = (files(a.path(), "ofd"), files(b.path(), "ofd"));
    assert_eq!(fa.len(), fb.len());
    for (x, y) in fa.iter().zip(&fb) {
        assert_eq!(
            std::fs::read(x).unwrap(),
            std::fs::read(y).unwrap(),
            "{x:?}"
        );
    }
}

/// Typesets `source` with `typesetter` and writes it as PDF and OFD into `dir`.
fn pdf_and_ofd(
    typesetter: &Typesetter,
    source: &str,
    dir: &Path,
) -> (PathBuf, PathBuf, lianxi::typeset::Typeset) {
    let doc = lianxi::documents::Document::scratch(Path::new("scratch.typ"));
    let typeset = typesetter
        .typeset(&doc, source)
        .unwrap_or_else(|f| panic!("{f}"));
    let (pdf, ofd) = (dir.join("x.pdf"), dir.join("x.ofd"));
    std::fs::write(&pdf, typesetter.pdf(&doc, &typeset.pages, None).unwrap()).unwrap();
    std::fs::write(&ofd, typesetter.ofd(&doc, &typeset.pages).unwrap()).unwrap();
    (pdf, ofd, typeset)
}

#[test]
fn rotated_raised_scaled_and_latin_text_and_shapes_survive() {
    let source = r#"
#set page(width: 210mm, height: 297mm, margin: 20mm)
#set text(font: ("FandolFang R", "Lianxi Serif SC"), size: 16pt)
The office staff affirm the final draft, 办公室定稿。

#rotate(-15deg)[#text(fill: red, size: 30pt)[样稿 Sample]]

H#sub[2]O，10#super[3]，#text(baseline: -3pt)[上移]

#line(length: 50mm, stroke: (paint: blue, thickness: 1pt, cap: "round"))
#circle(radius: 10mm, fill: green, stroke: 2pt + black)
#scale(x: 60%, reflow: true)[压扁的标志文字]
"#;
    let dir = tempfile::tempdir().unwrap();
    let (pdf, ofd, typeset) = pdf_and_ofd(typesetter(), source, dir.path());
    let pages = lianxi::typeset::inspect::inspect(&typeset.pages);
    let read = ofdkit_read(&ofd);
    let laid_out: String = pages[0].runs.iter().map(|r| r.text.as_str()).collect();
    let runs: String = runs_on(&read, 0).concat();
    assert_eq!(runs, laid_out);
    for words in [
        "office staff affirm the final draft",
        "样稿 Sample",
        "上移",
        "压扁",
    ] {
        assert!(runs.contains(words), "{words} in {runs}");
    }
    let shares = assert_renders_like(&ofd, &pdf);
    eprintln!("pixels differing from the PDF, per page: {shares:?}");
}

/// sOFD's raster renderer ignores clips on text (its SVG export honours them), so a clip is
/// checked where it is written: the object carries the clip rectangle, in its own space.
#[test]
fn clipped_content_carries_its_clip_and_hidden_lines_are_left_out() {
    let source = r#"
#set page(width: 210mm, height: 297mm, margin: 20mm)
#set text(font: "FandolFang R", size: 16pt)
#box(width: 30mm, height: 8mm, clip: true)[这一行很长的文字会被裁掉一部分]
"#;
    let dir = tempfile::tempdir().unwrap();
    let (_, ofd, _) = pdf_and_ofd(typesetter(), source, dir.path());
    let read = ofdkit_read(&ofd);
    let runs = runs_on(&read, 0);
    // Three lines are laid out in the box; the third lies wholly outside it.
    assert_eq!(runs, ["这一行很长", "的文字会被"]);
    let (_, content) = entry(&ofd, "Doc_0/Pages/Page_0/Content.xml");
    for object in content.split("<ofd:TextObject ").skip(1) {
        // The clip, moved from the page into the object's space, is the box: x 20–50 mm.
        let boundary: Vec<f64> = object
            .split('"')
            .nth(3)
            .unwrap()
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect();
        let path = object
            .split("<ofd:AbbreviatedData>")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap();
        let xs: Vec<f64> = path
            .split(' ')
            .filter_map(|v| v.parse().ok())
            .step_by(2)
            .collect();
        assert!(object.contains("<ofd:Clips>"), "{object}");
        assert!(
            (boundary[0] + xs[0] - 20.0).abs() < 0.01 && (boundary[0] + xs[1] - 50.0).abs() < 0.01,
            "{object}"
        );
    }
}

/// The office's own fonts are mostly TrueType (仿宋_GB2312, 方正小标宋 .ttf): a TrueType font
/// (DejaVu, from Debian's fonts-dejavu-core) with its Latin ligatures goes through the same way.
#[test]
fn truetype_fonts_and_ligatures_survive() {
    let dejavu = Path::new("/usr/share/fonts/truetype/dejavu");
    assert!(
        dejavu.join("DejaVuSerif.ttf").exists(),
        "DejaVu fonts (.ci/run installs fonts-dejavu-core)"
    );
    let typesetter = Typesetter::new(&lianxi::typeset::fonts::FontOptions {
        dirs: vec![dejavu.to_path_buf()],
        ..Default::default()
    });
    let source = r#"
#set page(width: 210mm, height: 297mm, margin: 20mm)
#set text(font: "DejaVu Serif", size: 16pt)
The office staff affirm the final draft; fifty flowers fill the field.
"#;
    let dir = tempfile::tempdir().unwrap();
    let (pdf, ofd, _) = pdf_and_ofd(&typesetter, source, dir.path());
    let (_, content) = entry(&ofd, "Doc_0/Pages/Page_0/Content.xml");
    assert!(
        content.contains("CodeCount=\"2\" GlyphCount=\"1\"")
            || content.contains("CodeCount=\"3\" GlyphCount=\"1\""),
        "a ligature (fi, fl, ffi) is one glyph for several characters: {content}"
    );
    let read = ofdkit_read(&ofd);
    let runs: String = runs_on(&read, 0).concat();
    assert_eq!(
        runs,
        "The office staff affirm the final draft; fifty flowers fill the field."
    );
    let shares = assert_renders_like(&ofd, &pdf);
    eprintln!("pixels differing from the PDF, per page: {shares:?}");
}

#[test]
fn the_roster_command_writes_ofd_when_asked_for_an_ofd_file() {
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("名单.ofd");
    let run = lianxi(&[
        "roster",
        example_dir().to_str().unwrap(),
        "--as-of",
        "2026-11-28",
        "--no-system-fonts",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let read = ofdkit_read(&file);
    assert_eq!(read["custom"]["文种"], "成员名单");
    assert!(squash(read["text"][0].as_str().unwrap()).contains("联席会议成员名单"));
}
