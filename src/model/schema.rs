//! JSON Schemas (draft-07, what the VS Code YAML extension reads) for every kind of data file,
//! made from the model itself, with the Chinese field descriptions of its doc comments.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

use super::{Council, Filing, Notice, OfficialDocument, Roster, RosterIssue, Session};

/// Where each schema goes, relative to a data directory, and the files it describes.
pub const SCHEMA_DIR: &str = "schema";

/// `(file name, schema)` for each kind of data file.
pub fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        (
            "council.schema.json",
            titled_schema_for::<Council>("council.yaml：联席会议和成员单位"),
        ),
        (
            "roster.schema.json",
            titled_schema_for::<Roster>("roster.yaml：成立时的组成人员"),
        ),
        (
            "founding-notice.schema.json",
            titled_schema_for::<Notice>("founding-notice.yaml：成立通知"),
        ),
        (
            "filing.schema.json",
            titled_schema_for::<Filing>("filings/*.yaml：人员调整备案"),
        ),
        (
            "session.schema.json",
            titled_schema_for::<Session>("sessions/*.yaml：会议通知和纪要"),
        ),
        (
            "roster-issue.schema.json",
            titled_schema_for::<RosterIssue>("rosters/*.yaml：重新印发的成员名单"),
        ),
        (
            "document.schema.json",
            titled_schema_for::<OfficialDocument>(
                "documents/*.yaml：通知、函、报告、请示等其他公文",
            ),
        ),
    ]
}

/// The schema file a data file is checked against, by its path inside the data directory.
pub fn schema_file_for(relative: &str) -> Option<&'static str> {
    match relative {
        "council.yaml" => Some("council.schema.json"),
        "roster.yaml" => Some("roster.schema.json"),
        "founding-notice.yaml" => Some("founding-notice.schema.json"),
        p if p.starts_with("filings/") => Some("filing.schema.json"),
        p if p.starts_with("sessions/") => Some("session.schema.json"),
        p if p.starts_with("rosters/") => Some("roster-issue.schema.json"),
        p if p.starts_with("documents/") => Some("document.schema.json"),
        _ => None,
    }
}

/// Writes every schema into `dir` (pretty JSON, ending in a newline); returns the paths.
pub fn write_schemas(
    dir: &std::path::Path,
) -> Result<Vec<std::path::PathBuf>, crate::diag::Diagnostic> {
    schemas()
        .into_iter()
        .map(|(name, schema)| {
            let path = dir.join(name);
            let text = serde_json::to_string_pretty(&schema).expect("schemas serialise") + "\n";
            crate::output::write_atomic(&path, text.as_bytes()).map(|()| path)
        })
        .collect()
}

/// The draft-07 schema of `T`, as the loader checks a file that does not read.
pub(super) fn schema_for<T: JsonSchema>() -> serde_json::Value {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

fn titled_schema_for<T: JsonSchema>(title: &str) -> serde_json::Value {
    let mut schema = schema_for::<T>();
    schema["title"] = title.into();
    schema
}
