//! The `lianxi` binary as a user runs it: real processes, real files, real PDF readers.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;

/// `lianxi build DIR -o OUT`, bundled fonts only, the roster appendix as of 2026-11-28.
fn build(dir: &Path, out: &Path) -> Output {
    lianxi_build(dir, out, &[])
}

/// The example's founding notice without its one 公文-convention warning (抄送 "区法院、区检察院"
/// in one entry, as the real notice prints it), so that `--strict` concerns fonts alone.
fn without_warnings(notice: String) -> String {
    notice.replace("  - 区法院、区检察院\n", "  - 区法院\n  - 区检察院\n")
}

/// Text as poppler's pdftotext reads it, page numbers ("— n —") left out.
fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed to run the tests");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().starts_with('—'))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn build_writes_the_founding_notice_and_pdftotext_reads_the_seed_back() {
    let out = tempfile::tempdir().unwrap();
    let run = build(&example_dir(), out.path());
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("founding-notice.pdf（8 页）"),
        "{}",
        stderr(&run)
    );
    let text = squash(&pdftotext(&out.path().join("founding-notice.pdf")));
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    // The head lines (文号, organ) are checked in the frame-level test; the rest must follow in order.
    let mut from = 0;
    for line in seed.lines().map(squash).filter(|l| !l.is_empty()).skip(2) {
        let at = text[from..]
            .find(&line)
            .unwrap_or_else(|| panic!("pdftotext lacks: {line}"));
        from += at + line.len();
    }
}

#[test]
fn check_accepts_the_example() {
    let run = lianxi(&["check", example_dir().to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
}

#[test]
fn a_typo_is_reported_with_file_line_column_and_a_suggestion() {
    let data = edited_example("council.yaml", |t| {
        t.replace("lead_unit: 区卫健委", "lead_unti: 区卫健委")
    });
    let run = lianxi(&["check", data.path().to_str().unwrap()]);
    assert!(!run.status.success());
    let err = stderr(&run);
    let line = std::fs::read_to_string(example_dir().join("council.yaml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("lead_unit:"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("council.yaml:{line}:1")), "{err}");
    assert!(err.contains("未知字段 `lead_unti`"), "{err}");
    assert!(err.contains("是否想写 `lead_unit`"), "{err}");
}

#[test]
fn a_failed_build_leaves_the_previous_pdf_untouched() {
    let data = edited_example("roster.yaml", |t| {
        t.replace(
            "unit: 区委编办, post: 副主任",
            "unit: 区委边办, post: 副主任",
        )
    });
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("founding-notice.pdf");
    std::fs::write(&pdf, b"previous good output").unwrap();
    let run = build(data.path(), out.path());
    assert!(!run.status.success());
    assert!(
        stderr(&run).contains("是否想写“区委编办”"),
        "{}",
        stderr(&run)
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), b"previous good output");
    let leftovers: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files are left behind");
}

#[test]
fn a_missing_directory_is_explained() {
    let run = lianxi(&["check", "no/such/dir"]);
    assert!(!run.status.success());
    assert!(stderr(&run).contains("数据目录不存在"), "{}", stderr(&run));
}

#[test]
fn fonts_names_a_font_for_every_role() {
    let run = lianxi(&["fonts", "--no-system-fonts"]);
    assert!(run.status.success());
    let out = String::from_utf8_lossy(&run.stdout);
    for role in [
        "小标宋：Lianxi Serif SC",
        "仿宋：FandolFang R",
        "黑体：FandolHei",
        "楷体：FandolKai",
        "宋体（页码数字）：FandolSong",
    ] {
        assert!(out.contains(role), "{out}");
    }
}

/// A copy of a bundled font whose name table says `family`: stands in for an office's own font.
fn renamed_font(source: &[u8], family: &str) -> Vec<u8> {
    let u16_at = |b: &[u8], i: usize| u16::from_be_bytes([b[i], b[i + 1]]) as usize;
    let mut font = source.to_vec();
    while !font.len().is_multiple_of(4) {
        font.push(0);
    }
    // A name table with one Windows-Unicode record per field.
    let utf16 = |s: &str| {
        s.encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect::<Vec<u8>>()
    };
    let fields = [(1u16, family), (2, "Regular"), (4, family), (6, family)];
    let mut records = Vec::new();
    let mut storage = Vec::new();
    for (id, text) in fields {
        let bytes = utf16(text);
        for v in [3u16, 1, 0x409, id, bytes.len() as u16, storage.len() as u16] {
            records.extend(v.to_be_bytes());
        }
        storage.extend(bytes);
    }
    let mut table = Vec::new();
    for v in [0u16, fields.len() as u16, (6 + records.len()) as u16] {
        table.extend(v.to_be_bytes());
    }
    table.extend(records);
    table.extend(storage);
    // Point the table directory's `name` record at the new table, appended at the end.
    let offset = font.len();
    for i in 0..u16_at(source, 4) {
        let rec = 12 + 16 * i;
        if &font[rec..rec + 4] == b"name" {
            font[rec + 8..rec + 12].copy_from_slice(&(offset as u32).to_be_bytes());
            font[rec + 12..rec + 16].copy_from_slice(&(table.len() as u32).to_be_bytes());
        }
    }
    font.extend(table);
    font
}

#[test]
fn an_offices_own_font_in_font_dir_takes_over_its_role() {
    let dir = tempfile::tempdir().unwrap();
    let digits =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/FandolSong-Digits.otf"))
            .unwrap();
    std::fs::write(
        dir.path().join("simsun.otf"),
        renamed_font(&digits, "SimSun"),
    )
    .unwrap();
    let run = lianxi(&[
        "fonts",
        "--no-system-fonts",
        "--font-dir",
        dir.path().to_str().unwrap(),
    ]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        out.contains("宋体（页码数字）：SimSun（--font-dir："),
        "{out}"
    );
    assert!(out.contains("仿宋：FandolFang R（内置字体"), "{out}");
}

#[test]
fn roster_writes_an_appendix_for_a_date_and_lists_the_history() {
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("名单.pdf");
    let run = lianxi(&[
        "roster",
        example_dir().to_str().unwrap(),
        "--as-of",
        "2024-06-01",
        "--since",
        "2021-07-21",
        "-o",
        pdf.to_str().unwrap(),
        "--no-system-fonts",
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let text = squash(&pdftotext(&pdf));
    assert!(
        text.contains("召集人：刘洋区政府副区长") && text.contains("（2024年6月更新）"),
        "{text}"
    );
    assert!(
        text.contains("1.区发改委联络员：朱旭→李晓明（2022年3月1日起）"),
        "{text}"
    );

    let list = lianxi(&["roster", example_dir().to_str().unwrap(), "--list"]);
    let stdout = String::from_utf8_lossy(&list.stdout);
    assert!(stdout.contains("2021年7月21日 成立"), "{stdout}");
    assert_eq!(stdout.lines().count(), 7, "{stdout}");
    assert!(stdout.contains("召集人：马晨晨 → 刘洋（2024年1月10日起）"));
}

#[test]
fn build_writes_every_document_of_the_example() {
    let out = tempfile::tempdir().unwrap();
    let run = build(&example_dir(), out.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let mut written: Vec<String> = stderr(&run)
        .lines()
        .filter(|l| l.starts_with("已生成"))
        .map(String::from)
        .collect();
    written.sort();
    assert_eq!(written.len(), 17, "{written:#?}");
    assert!(out.path().join("rosters/2026-11.pdf").is_file());
    assert!(
        out.path()
            .join("filings/2025-06-区民政局-联络员.pdf")
            .is_file()
    );
    assert!(out.path().join("roster-2026-11-28.pdf").is_file());
    assert!(
        out.path()
            .join("sessions/2026-全体会议-notice.pdf")
            .is_file()
    );
    assert!(
        out.path()
            .join("sessions/2026-全体会议-minutes.pdf")
            .is_file()
    );
}

#[test]
fn strict_refuses_a_document_with_a_character_no_font_has_and_keeps_the_rest() {
    // The example's 抄送 "区法院、区检察院" (as the real notice has it) is a warning that
    // --strict would refuse: written as two entries here.
    let data = edited_example("founding-notice.yaml", |t| {
        without_warnings(t).replace(
            "issuer: 杜集区人民政府办公室",
            "issuer: 杜集区人民政府办公室😀",
        )
    });
    let out = tempfile::tempdir().unwrap();
    let run = lianxi_build(data.path(), out.path(), &["--strict"]);
    assert!(!run.status.success());
    let err = stderr(&run);
    assert!(
        err.contains("U+1F600") && err.contains("founding-notice.yaml:"),
        "{err}"
    );
    assert!(
        !out.path().join("founding-notice.pdf").exists(),
        "the failed document is not written"
    );
    assert!(
        out.path().join("roster-2026-11-28.pdf").exists(),
        "the others are"
    );

    // --all-or-nothing writes none of them.
    let none = tempfile::tempdir().unwrap();
    let run = lianxi_build(data.path(), none.path(), &["--strict", "--all-or-nothing"]);
    assert!(!run.status.success());
    assert_eq!(std::fs::read_dir(none.path()).unwrap().count(), 0);

    // Without --strict it is a warning and the PDF is written.
    let run = lianxi_build(data.path(), out.path(), &[]);
    assert!(
        run.status.success() && stderr(&run).contains("警告"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn a_document_failing_mid_batch_leaves_the_earlier_outputs_byte_identical() {
    let out = tempfile::tempdir().unwrap();
    let data = edited_example("founding-notice.yaml", without_warnings);
    assert!(build(data.path(), out.path()).status.success());
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = walk(out.path())
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    // The minutes now hold a character no font has: with --strict that document fails to render.
    let minutes = data.path().join("sessions/2026-全体会议.yaml");
    let text = std::fs::read_to_string(&minutes).unwrap();
    std::fs::write(&minutes, text.replace("number: 第1期", "number: 第1期😀")).unwrap();
    let run = lianxi_build(data.path(), out.path(), &["--strict"]);
    assert!(!run.status.success());
    assert!(
        stderr(&run).contains("2026-全体会议-minutes"),
        "{}",
        stderr(&run)
    );
    for (path, bytes) in before {
        assert!(
            std::fs::read(&path).unwrap() == bytes,
            "{} changed",
            path.display()
        );
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            files.extend(walk(&entry.path()))
        } else {
            files.push(entry.path())
        }
    }
    files
}

#[test]
fn the_emitted_typst_source_is_self_contained_and_typesets_to_the_same_pdf() {
    let out = tempfile::tempdir().unwrap();
    let run = lianxi_build(&example_dir(), out.path(), &["--format", "typ"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let typ = out.path().join("founding-notice.typ");
    let text = std::fs::read_to_string(&typ).unwrap();
    assert!(!text.contains("#import"), "nothing left to import");
    // The hidden `typeset` command compiles a file in the same sandbox: same bytes as `build`.
    let pdf = out.path().join("from-typ.pdf");
    let run = lianxi(&[
        "typeset",
        typ.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let built = tempfile::tempdir().unwrap();
    assert!(build(&example_dir(), built.path()).status.success());
    let a = pdftotext(&pdf);
    let b = pdftotext(&built.path().join("founding-notice.pdf"));
    assert_eq!(a, b, "same text, page by page");
}

#[test]
fn init_makes_a_council_that_builds_at_once_and_never_overwrites() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("我的联席会议");
    let run = lianxi(&["init", dir.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let out = dir.join("out");
    let run = build(&dir, &out);
    assert!(run.status.success(), "{}", stderr(&run));
    for name in [
        "founding-notice.pdf",
        "filings/2026-06-区财政局-联络员.pdf",
        "sessions/2026-全体会议-notice.pdf",
        "sessions/2026-全体会议-minutes.pdf",
        "roster-2026-11-28.pdf",
    ] {
        assert!(out.join(name).is_file(), "{name}");
    }
    let text = squash(&pdftotext(&out.join("roster-2026-11-28.pdf")));
    assert!(
        text.contains("联络员：孙八区民政局") && text.contains("郑十一区财政局"),
        "{text}"
    );
    // A second init into the same directory writes nothing.
    let before = std::fs::read(dir.join("council.yaml")).unwrap();
    let run = lianxi(&["init", dir.to_str().unwrap()]);
    assert!(!run.status.success() && stderr(&run).contains("目录已存在且不是空的"));
    assert_eq!(std::fs::read(dir.join("council.yaml")).unwrap(), before);
}

#[test]
fn strict_fonts_needs_every_standard_font() {
    let run = lianxi(&["fonts", "--no-system-fonts", "--strict-fonts"]);
    assert!(!run.status.success());
    assert!(
        stderr(&run).contains("缺少公文标准字体：小标宋"),
        "{}",
        stderr(&run)
    );
    // With a standard-named copy for every role, it passes and says where each came from.
    let dir = tempfile::tempdir().unwrap();
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    for (file, family) in [
        ("LianxiSerifSC-Bold.otf", "FZXiaoBiaoSong-B05S"),
        ("FandolFang-Regular.otf", "FangSong_GB2312"),
        ("FandolHei-Regular.otf", "SimHei"),
        ("FandolKai-Regular.otf", "KaiTi_GB2312"),
        ("FandolSong-Digits.otf", "SimSun"),
    ] {
        let font = renamed_font(&std::fs::read(fonts.join(file)).unwrap(), family);
        std::fs::write(dir.path().join(format!("{family}.otf")), font).unwrap();
    }
    let run = lianxi(&[
        "fonts",
        "--no-system-fonts",
        "--strict-fonts",
        "--font-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        out.contains("仿宋：FangSong_GB2312（--font-dir：")
            && out.contains("小标宋：FZXiaoBiaoSong-B05S"),
        "{out}"
    );
}

#[test]
fn a_councils_fonts_section_chooses_fonts_from_its_own_directory() {
    let data = edited_example("council.yaml", |t| {
        t + "fonts:\n  dirs: [字体]\n  kaiti: Office Kai\n  heiti: 方正黑体\n  songti: 宋体\n"
    });
    let fonts = data.path().join("字体");
    std::fs::create_dir(&fonts).unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    for (file, family) in [
        ("FandolKai-Regular.otf", "Office Kai"),
        ("FandolSong-Digits.otf", "SimSun"),
    ] {
        let font = renamed_font(&std::fs::read(bundled.join(file)).unwrap(), family);
        std::fs::write(fonts.join(format!("{family}.otf")), font).unwrap();
    }
    let run = lianxi(&["fonts", data.path().to_str().unwrap(), "--no-system-fonts"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let out = String::from_utf8_lossy(&run.stdout);
    // A family named in the data, and a Chinese name (宋体) matched to the family fonts carry.
    assert!(
        out.contains("楷体：Office Kai（council.yaml 的字体目录："),
        "{out}"
    );
    assert!(
        out.contains("宋体（页码数字）：SimSun（council.yaml 的字体目录："),
        "{out}"
    );
    assert!(out.contains("黑体：FandolHei（内置字体"), "{out}");
    assert!(
        stderr(&run).contains("找不到黑体字体“方正黑体”"),
        "{}",
        stderr(&run)
    );

    // The build uses the same choice: the kaiti headings are set in the council's font.
    let out_dir = tempfile::tempdir().unwrap();
    let run = lianxi_build(data.path(), out_dir.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let pdffonts = Command::new("pdffonts")
        .arg(out_dir.path().join("founding-notice.pdf"))
        .output()
        .expect("pdffonts (poppler-utils) is installed");
    let listed = String::from_utf8_lossy(&pdffonts.stdout);
    assert!(
        listed.contains("OfficeKai") || listed.contains("Office"),
        "{listed}"
    );
}

#[test]
fn a_councils_fonts_section_can_demand_the_standard_fonts() {
    let data = edited_example("council.yaml", |t| t + "fonts:\n  strict: true\n");
    let out_dir = tempfile::tempdir().unwrap();
    let run = lianxi_build(data.path(), out_dir.path(), &[]);
    assert!(!run.status.success());
    assert!(
        stderr(&run).contains("缺少公文标准字体"),
        "{}",
        stderr(&run)
    );
    assert_eq!(std::fs::read_dir(out_dir.path()).unwrap().count(), 0);
}

#[test]
fn a_font_directory_outside_the_data_is_refused_with_its_line() {
    let data = edited_example("council.yaml", |t| {
        t + "fonts:\n  dirs: [/usr/share/fonts]\n"
    });
    let run = lianxi(&["check", data.path().to_str().unwrap()]);
    assert!(!run.status.success());
    let said = stderr(&run);
    assert!(said.contains("只能使用数据目录内的相对路径"), "{said}");
    assert!(said.contains("council.yaml:"), "{said}");
}

#[test]
fn the_same_data_gives_the_same_bytes_in_every_file() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for out in [&a, &b] {
        let run = lianxi_build(&example_dir(), out.path(), &[]);
        assert!(run.status.success(), "{}", stderr(&run));
    }
    for file in [
        "founding-notice.pdf",
        "sessions/2026-全体会议-notice.pdf",
        "sessions/2026-全体会议-minutes.pdf",
        "filings/2024-01-区政府-召集人.pdf",
        "roster-2026-11-28.pdf",
    ] {
        let (x, y) = (a.path().join(file), b.path().join(file));
        assert_eq!(
            std::fs::read(x).unwrap(),
            std::fs::read(y).unwrap(),
            "{file}"
        );
    }
}
