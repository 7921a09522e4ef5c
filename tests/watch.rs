//! `lianxi watch`: a saved edit re-renders exactly the documents it touches; bad data writes nothing.

mod common;

use common::{copy_dir, example_dir};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// A running `lianxi watch` whose stderr lines arrive on a channel; killed when dropped.
struct Watcher {
    child: Child,
    lines: Receiver<String>,
}

impl Watcher {
    fn start(dir: &std::path::Path, out: &std::path::Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lianxi"))
            .args(["watch", dir.to_str().unwrap(), "-o", out.to_str().unwrap()])
            .args(["--as-of", "2026-11-28", "--no-system-fonts"])
            .stderr(Stdio::piped())
            .spawn()
            .expect("start lianxi watch");
        let (send, lines) = channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Self { child, lines }
    }

    /// Lines up to and including the one ending a round (a deadlock guard, not a speed test).
    fn round(&self) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(120))
                .unwrap_or_else(|_| panic!("watch said no more after: {seen:#?}"));
            let ends = line.starts_with("已更新")
                || line.starts_with("数据已检查")
                || line.starts_with("数据有误");
            seen.push(line);
            if ends {
                return seen;
            }
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn written(round: &[String]) -> Vec<&str> {
    round
        .iter()
        .filter_map(|l| l.strip_prefix("已生成 "))
        .collect()
}

#[test]
fn watch_rebuilds_only_what_an_edit_touches_and_keeps_files_when_data_is_bad() {
    let data = copy_dir(&example_dir());
    let out = data.path().join("out");
    let watcher = Watcher::start(data.path(), &out);

    let first = watcher.round();
    assert_eq!(written(&first).len(), 17, "{first:#?}");
    let roster_pdf = out.join("roster-2026-11-28.pdf");
    let before = std::fs::read(&roster_pdf).unwrap();

    // A member's name appears in the founding notice, the rosters (the reissue, the adjustment
    // notice's 附件, the letter's table) and the minutes' attendance.
    let roster = data.path().join("roster.yaml");
    let text = std::fs::read_to_string(&roster).unwrap();
    std::fs::write(&roster, text.replace("徐翠侠", "徐翠霞")).unwrap();
    let second = watcher.round();
    let mut names: Vec<_> = written(&second)
        .iter()
        .map(|l| l.rsplit('/').next().unwrap().split('（').next().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "2026-10-调整组成人员的通知.pdf",
            "2026-11-核对成员和联络员信息的函.pdf",
            "2026-11.pdf",
            "2026-全体会议-minutes.pdf",
            "founding-notice.pdf",
            "roster-2026-11-28.pdf"
        ],
        "{second:#?}"
    );
    let after = std::fs::read(&roster_pdf).unwrap();
    assert_ne!(before, after);

    // Broken YAML: a located error, and every file already written stays as it was.
    let council = data.path().join("council.yaml");
    let good = std::fs::read_to_string(&council).unwrap();
    std::fs::write(&council, format!("{good}bad: [\n")).unwrap();
    let third = watcher.round();
    let said = third.join("\n");
    assert!(said.contains("council.yaml:"), "{said}");
    assert!(third.last().unwrap().starts_with("数据有误"), "{said}");
    assert_eq!(std::fs::read(&roster_pdf).unwrap(), after);

    // Putting it right again changes no document, so nothing is rewritten.
    std::fs::write(&council, good).unwrap();
    let fourth = watcher.round();
    assert!(written(&fourth).is_empty(), "{fourth:#?}");
    assert!(
        fourth.last().unwrap().starts_with("数据已检查"),
        "{fourth:#?}"
    );
}
