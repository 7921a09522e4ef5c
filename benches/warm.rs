//! Warm throughput: one process, one typesetter, 200 founding notices that differ in content.
//! Per core means pinned to one (`benches/bench.sh` runs it under `taskset -c 0`): typst-pdf
//! subsets fonts on rayon threads, which would otherwise use the other cores too.
//!
//!   cargo bench --bench warm

use std::path::Path;
use std::time::Instant;

use lianxi::build::{Policy, render_document};
use lianxi::checked;
use lianxi::documents;
use lianxi::fill::Filler;
use lianxi::typeset::Typesetter;
use lianxi::typeset::fonts::FontOptions;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/duji");
    let checked = checked::load(&dir).expect("example loads");
    let base = documents::all(&checked, None)
        .unwrap()
        .into_iter()
        .find(|d| d.name == "founding-notice")
        .unwrap();
    let typesetter = Typesetter::new(&FontOptions::default());
    let filler = Filler::new();
    let sources = checked.data.sources();
    let mut times = Vec::new();
    let (mut layout_ms, mut pdf_ms, mut ofd_ms) = (0.0, 0.0, 0.0);
    let (mut bytes, mut ofd_bytes) = (0, 0);
    for i in 0..200 {
        let mut doc = base.clone();
        doc.view["document"]["doc_number"] = format!("杜政办〔2021〕{}号", i + 1).into();
        let first = doc.view["document"]["body"][0]["text"]
            .as_str()
            .unwrap()
            .to_string();
        doc.view["document"]["body"][0]["text"] = format!("第{}稿。{first}", i + 1).into();
        let start = Instant::now();
        let source = filler.fill(&doc).unwrap();
        let typeset = typesetter.typeset(&doc, &source).unwrap();
        let laid_out = Instant::now();
        let pdfa = lianxi::typeset::pdfa::PdfAChoice::default().level(doc.archival);
        let pdf = typesetter.pdf(&doc, &typeset.pages, pdfa).unwrap();
        let done = Instant::now();
        layout_ms += (laid_out - start).as_secs_f64() * 1000.0;
        pdf_ms += (done - laid_out).as_secs_f64() * 1000.0;
        times.push((done - start).as_secs_f64() * 1000.0);
        bytes += pdf.len();
        // The OFD of the same pages, timed on its own (not part of the per-document figures).
        let ofd = typesetter.ofd(&doc, &typeset.pages).unwrap();
        ofd_ms += done.elapsed().as_secs_f64() * 1000.0;
        ofd_bytes += ofd.len();
    }
    // The whole path once more, as `build` runs it, to be sure it is the same work.
    render_document(&filler, &typesetter, &base, &sources, Policy::default()).unwrap();
    times.sort_by(f64::total_cmp);
    let total: f64 = times.iter().sum();
    println!("warm: 200 distinct founding notices (8 pages each) in one process, one thread");
    println!(
        "  median {:.1} ms/doc, p90 {:.1} ms, mean {:.1} ms (fill + layout {:.1}, PDF {:.1}) → {:.0} documents/s per core",
        times[100],
        times[180],
        total / 200.0,
        layout_ms / 200.0,
        pdf_ms / 200.0,
        200_000.0 / total
    );
    println!(
        "  {:.1} MB of PDF written in memory; peak RSS {} MB",
        bytes as f64 / 1e6,
        peak_rss_mb()
    );
    println!(
        "  OFD export of the same pages: {:.1} ms/doc, {:.1} MB",
        ofd_ms / 200.0,
        ofd_bytes as f64 / 1e6
    );
}

fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}
