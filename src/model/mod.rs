//! Loading and validation of a council's data directory: YAML files → typed, checked model.
//!
//! Layout of a data directory:
//! - `council.yaml`          the council and its member units ([`Council`])
//! - `roster.yaml`           the founding roster ([`Roster`])
//! - `founding-notice.yaml`  the founding notice ([`Notice`]), optional
//! - `filings/*.yaml`        personnel-change filings ([`Filing`]), one per file
//! - `sessions/*.yaml`       meetings: their notices and minutes ([`Session`]), one per file
//! - `rosters/*.yaml`        reissues of the 成员名单 ([`RosterIssue`]), one per file
//! - `documents/*.yaml`      any other 公文: 通知, 函, 报告 … ([`OfficialDocument`]), one per file

pub mod asset;
pub mod check;
pub mod check_documents;
mod check_seats;
mod check_text;
pub mod conventions;
pub mod council;
pub mod date;
pub mod filing;
pub mod font_choice;
pub mod notice;
pub mod official;
pub mod prose;
pub mod reissue;
pub mod roster;
pub mod schema;
pub mod session;
pub mod slots;
pub mod tree;
pub mod validate;
pub mod yaml;

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

pub use council::{Council, Office, Sealing, Unit};
pub use date::Date;
pub use filing::Filing;
pub use notice::{Attachment, Block, Insert, Notice, Seal};
pub use official::OfficialDocument;
pub use reissue::{RosterIssue, RosterLayout};
pub use roster::{Roster, Seat};
pub use session::Session;

use crate::diag::{Diagnostic, Diagnostics, Failure, SourceFile};

/// A value read from a YAML file, with the file kept for diagnostics.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub file: SourceFile,
    pub value: T,
}

impl<T> std::ops::Deref for Loaded<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// Everything one data directory defines.
#[derive(Debug, Clone)]
pub struct CouncilData {
    pub dir: PathBuf,
    pub council: Loaded<Council>,
    pub roster: Loaded<Roster>,
    pub founding_notice: Option<Loaded<Notice>>,
    /// In file-name order.
    pub filings: Vec<Loaded<Filing>>,
    /// In file-name order.
    pub sessions: Vec<Loaded<Session>>,
    /// In file-name order.
    pub roster_issues: Vec<Loaded<RosterIssue>>,
    /// In file-name order.
    pub documents: Vec<Loaded<OfficialDocument>>,
}

impl CouncilData {
    /// Every YAML file the data was read from.
    pub fn sources(&self) -> Vec<&SourceFile> {
        let mut files = vec![&self.council.file, &self.roster.file];
        files.extend(self.founding_notice.iter().map(|n| &n.file));
        files.extend(self.filings.iter().map(|f| &f.file));
        files.extend(self.sessions.iter().map(|s| &s.file));
        files.extend(self.roster_issues.iter().map(|r| &r.file));
        files.extend(self.documents.iter().map(|d| &d.file));
        files
    }
}

pub const COUNCIL_FILE: &str = "council.yaml";
pub const ROSTER_FILE: &str = "roster.yaml";
pub const FOUNDING_NOTICE_FILE: &str = "founding-notice.yaml";
pub const FILINGS_DIR: &str = "filings";
pub const SESSIONS_DIR: &str = "sessions";
pub const ROSTERS_DIR: &str = "rosters";
pub const DOCUMENTS_DIR: &str = "documents";

/// Loads and checks a data directory. All problems found are returned together.
pub fn load(dir: &Path) -> Result<CouncilData, Failure> {
    if !dir.is_dir() {
        return Err(Diagnostic::error("数据目录不存在")
            .in_file(dir)
            .help("请给出含有 council.yaml 的目录，例如 examples/duji")
            .into());
    }
    let mut diags = Diagnostics::new();
    let council = load_file::<Council>(&dir.join(COUNCIL_FILE), &mut diags);
    let roster = load_file::<Roster>(&dir.join(ROSTER_FILE), &mut diags);
    let notice_path = dir.join(FOUNDING_NOTICE_FILE);
    let founding_notice = if notice_path.exists() {
        load_file::<Notice>(&notice_path, &mut diags)
    } else {
        None
    };
    let filings: Vec<Loaded<Filing>> = yaml_files(&dir.join(FILINGS_DIR))
        .iter()
        .filter_map(|path| load_file(path, &mut diags))
        .collect();
    let sessions: Vec<Loaded<Session>> = yaml_files(&dir.join(SESSIONS_DIR))
        .iter()
        .filter_map(|path| load_file(path, &mut diags))
        .collect();
    let roster_issues: Vec<Loaded<RosterIssue>> = yaml_files(&dir.join(ROSTERS_DIR))
        .iter()
        .filter_map(|path| load_file(path, &mut diags))
        .collect();
    let documents: Vec<Loaded<OfficialDocument>> = yaml_files(&dir.join(DOCUMENTS_DIR))
        .iter()
        .filter_map(|path| load_file(path, &mut diags))
        .collect();
    let (Some(council), Some(roster)) = (council, roster) else {
        return Err(Failure(diags));
    };
    let data = CouncilData {
        dir: dir.to_path_buf(),
        council,
        roster,
        founding_notice,
        filings,
        sessions,
        roster_issues,
        documents,
    };
    diags.extend(check::check(&data));
    if diags.iter().any(Diagnostic::is_error) {
        return Err(Failure(diags));
    }
    Ok(data)
}

fn load_file<T: DeserializeOwned + schemars::JsonSchema>(
    path: &Path,
    diags: &mut Diagnostics,
) -> Option<Loaded<T>> {
    let file = match yaml::read_source(path) {
        Ok(file) => file,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let bad_chars = check::forbidden_characters(&file);
    let parsed = yaml::parse::<T>(&file);
    diags.extend(bad_chars);
    match parsed {
        Ok(value) => Some(Loaded { file, value }),
        Err(problems) => {
            diags.extend(problems);
            None
        }
    }
}

/// The `.yaml` files directly in `dir`, sorted by name; none when `dir` does not exist.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
