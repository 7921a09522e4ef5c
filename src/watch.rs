//! `lianxi watch`: whenever a data file is saved, rebuild the documents whose content changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::build::{Policy, Report, write_documents};
use crate::checked::load_with;
use crate::diag::Failure;
use crate::documents::{self, Document, roster_appendix::RosterRequest};
use crate::model::CouncilData;
use crate::typeset::Typesetter;
use crate::typeset::fonts::FontOptions;

/// What one round of watching did.
pub enum Round {
    /// Documents re-rendered (only those whose content changed), and how long it took.
    Built {
        report: Report,
        changed: usize,
        took: Duration,
    },
    /// The data did not check out; nothing was written.
    Refused(Failure),
}

/// Watches `dir` (polling every 250 ms, so it works on every file system) and never returns.
/// The fonts follow the data's `fonts:` section through `fonts_for`; when it changes, every
/// document is rendered again.
pub fn watch(
    dir: &Path,
    out: &Path,
    fonts_for: impl Fn(&CouncilData) -> FontOptions,
    roster: Option<&RosterRequest>,
    policy: Policy,
    mut tell: impl FnMut(Round),
) -> ! {
    let mut seen = Vec::new();
    let mut state = State {
        fonts: None,
        built: HashMap::new(),
    };
    loop {
        let now = fingerprint(dir, out);
        if now != seen {
            seen = now;
            tell(round(dir, out, &fonts_for, roster, policy, &mut state));
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// What watching remembers between rounds.
struct State {
    /// The fonts in use and the typesetter holding them.
    fonts: Option<(FontOptions, Typesetter)>,
    /// What each document written so far was made from.
    built: HashMap<String, String>,
}

fn round(
    dir: &Path,
    out: &Path,
    fonts_for: &impl Fn(&CouncilData) -> FontOptions,
    roster: Option<&RosterRequest>,
    policy: Policy,
    state: &mut State,
) -> Round {
    let started = Instant::now();
    let checked = match load_with(dir, policy.strict) {
        Ok(checked) => checked,
        Err(failure) => return Round::Refused(failure),
    };
    let docs = match documents::all(&checked, roster) {
        Ok(docs) => docs,
        Err(failure) => return Round::Refused(failure),
    };
    let options = fonts_for(&checked.data);
    if state
        .fonts
        .as_ref()
        .is_none_or(|(used, _)| *used != options)
    {
        state.built.clear();
        state.fonts = Some((options.clone(), Typesetter::new(&options)));
    }
    let (_, typesetter) = state.fonts.as_ref().expect("set just above");
    let built = &mut state.built;
    let changed: Vec<Document> = docs
        .into_iter()
        .filter(|d| built.get(&d.name) != Some(&content(d)))
        .collect();
    let mut report = write_documents(&changed, out, typesetter, &checked.data.sources(), policy);
    report
        .warnings
        .splice(0..0, checked.warnings.iter().cloned());
    // After a failure, remember nothing from this round: the next save retries every change.
    if report.errors.is_empty() {
        for doc in &changed {
            built.insert(doc.name.clone(), content(doc));
        }
    }
    Round::Built {
        changed: changed.len(),
        report,
        took: started.elapsed(),
    }
}

/// Everything that decides a document's output.
fn content(doc: &Document) -> String {
    format!(
        "{}|{}|{}|{:?}",
        doc.template, doc.date, doc.view, doc.assets
    )
}

/// Every file under `dir` (but not under `out`) with its modification time and size.
fn fingerprint(dir: &Path, out: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    let mut files = Vec::new();
    let skip = out.canonicalize().ok();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if skip
                .as_deref()
                .is_some_and(|s| path.canonicalize().is_ok_and(|p| p.starts_with(s)))
            {
                continue;
            }
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                stack.push(path);
            } else {
                files.push((path, meta.modified().ok(), meta.len()));
            }
        }
    }
    files.sort();
    files
}
