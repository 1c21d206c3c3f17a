//! Prints what the manifest builder makes of each case on stdin, for
//! `tests/vectors/manifest/generate.py`: the codes of inputs pydicom cannot judge come
//! from here once and are then fixed in the vector every language is held to.
//!
//! stdin: `[{"path": "...", "study": "<uid>", "prefix": <bytes or null>}, ...]`
//! stdout: one `{"code": "<skip code>" | null, "listed": bool, "reason": "..."}` per case.

use std::io::Read;

use avara::build_manifest;
use serde_json::{Value, json};

fn main() {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .expect("stdin is readable");
    let cases: Vec<Value> =
        serde_json::from_str(&input).expect("stdin holds a JSON array of cases");
    let outcomes: Vec<Value> = cases.iter().map(outcome).collect();
    println!("{}", Value::Array(outcomes));
}

fn outcome(case: &Value) -> Value {
    let path = case["path"].as_str().expect("path");
    let mut bytes = std::fs::read(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    if let Some(prefix) = case["prefix"].as_u64() {
        bytes.truncate(usize::try_from(prefix).expect("prefix fits"));
    }
    let study = case["study"].as_str().expect("study");
    let built = build_manifest(study, [("input", bytes)]).expect("the case's study UID is valid");
    match built.skipped.first() {
        Some(skip) => {
            json!({"code": skip.code.as_str(), "listed": skip.listed, "reason": skip.reason})
        }
        None => json!({"code": null, "listed": true, "reason": null}),
    }
}
