//! The JSON Schemas editors use: generated from the model, committed beside the examples, and
//! every example and `init` file valid against them.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use lianxi::model::schema::{SCHEMA_DIR, schema_file_for, schemas};

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
    files
}

/// Checks every YAML file of a data directory against its schema and its `$schema` line.
fn all_valid(dir: &Path) {
    let files = yaml_files(dir);
    assert!(files.len() >= 3, "{}", dir.display());
    for path in files {
        let rel = path
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let schema_name = schema_file_for(&rel).unwrap_or_else(|| panic!("no schema for {rel}"));
        let text = std::fs::read_to_string(&path).unwrap();
        let depth = rel.matches('/').count();
        let want = format!(
            "# yaml-language-server: $schema={}{SCHEMA_DIR}/{schema_name}",
            "../".repeat(depth)
        );
        assert_eq!(text.lines().next(), Some(want.as_str()), "{rel}");
        let schema: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(SCHEMA_DIR).join(schema_name)).unwrap(),
        )
        .unwrap();
        let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        let validator = jsonschema::draft7::new(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{rel}: {errors:#?}");
    }
}

/// Every data directory under `examples/`.
fn example_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("council.yaml").is_file())
            .collect();
    dirs.sort();
    assert!(dirs.len() >= 8, "{dirs:?}");
    dirs
}

#[test]
fn committed_schemas_are_the_generated_ones() {
    for dir in example_dirs() {
        let dir = dir.display().to_string();
        for (name, schema) in schemas() {
            let path = Path::new(&dir).join(SCHEMA_DIR).join(name);
            let committed: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            assert_eq!(
                committed,
                schema,
                "{} is stale: run lianxi schema {dir}",
                path.display()
            );
        }
    }
}

#[test]
fn every_example_file_validates() {
    for dir in example_dirs() {
        all_valid(&dir);
    }
}

#[test]
fn every_init_file_validates() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("c");
    assert!(lianxi(&["init", dir.to_str().unwrap()]).status.success());
    all_valid(&dir);
}

#[test]
fn a_schema_catches_what_the_loader_catches() {
    let schema = schemas()
        .into_iter()
        .find(|(n, _)| *n == "council.schema.json")
        .unwrap()
        .1;
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let bad: serde_json::Value = serde_json::json!({"name": "x", "lead_unti": "y"});
    assert!(
        !validator.is_valid(&bad),
        "unknown and missing fields are schema errors too"
    );
}
