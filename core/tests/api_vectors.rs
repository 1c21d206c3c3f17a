//! Runs every case of `tests/vectors/api/*.json`: request encoding and response meaning.

use std::path::Path;

use avara::client::operations::{encode_named, interpret_named};
use serde_json::{Value, json};

fn load(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors/api")
        .join(name);
    serde_json::from_slice(&std::fs::read(&path).expect("vector file exists")).expect("valid JSON")
}

fn run(name: &str, check: impl Fn(&Value) -> Option<String>) {
    let file = load(name);
    let mut failures = Vec::new();
    let mut count = 0;
    for group in file["testGroups"].as_array().expect("groups") {
        for case in group["tests"].as_array().expect("tests") {
            count += 1;
            if let Some(failure) = check(case) {
                failures.push(format!(
                    "{name} tcId {} ({}): {failure}",
                    case["tcId"], case["comment"]
                ));
            }
        }
    }
    assert_eq!(
        Some(count),
        file["numberOfTests"].as_u64(),
        "{name}: numberOfTests"
    );
    println!("rust vectors: api/{name} {count} cases");
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn request_encoding_vectors() {
    run("requests.json", |case| {
        let operation = case["operation"].as_str().expect("operation");
        match (
            case["result"].as_str(),
            encode_named(operation, case["params"].clone()),
        ) {
            (Some("valid"), Ok(spec)) => {
                let query: Vec<Value> = spec.query.iter().map(|(k, v)| json!([k, v])).collect();
                let actual = json!({
                    "method": spec.method.as_str(),
                    "path": spec.path,
                    "query": query,
                    "body": spec.body,
                    "pathAndQuery": spec.path_and_query(),
                });
                (actual != case["expected"]).then(|| format!("encoded as {actual}"))
            }
            (Some("invalid"), Err(error)) => {
                let field_matches = case
                    .get("field")
                    .is_none_or(|field| error.field.as_deref() == field.as_str());
                (error.code() != case["code"] || !field_matches).then(|| {
                    format!(
                        "expected {} on {}, got {error} (field {:?})",
                        case["code"], case["field"], error.field
                    )
                })
            }
            (_, Ok(spec)) => Some(format!("expected {}, got {spec:?}", case["code"])),
            (_, Err(error)) => Some(format!("expected success, got {error}")),
        }
    });
}

#[test]
fn response_interpretation_vectors() {
    run("responses.json", |case| {
        let operation = case["operation"].as_str().expect("operation");
        let status = u16::try_from(case["status"].as_u64().expect("status")).expect("status fits");
        let body = case["body"].as_str().expect("body text");
        match (
            case["result"].as_str(),
            interpret_named(operation, status, body.as_bytes()),
        ) {
            (Some("valid"), Ok(value)) => {
                (value != case["expected"]).then(|| format!("read as {value}"))
            }
            (Some("invalid"), Err(error)) => (error.code() != case["code"])
                .then(|| format!("expected {}, got {error}", case["code"])),
            (_, Ok(value)) => Some(format!("expected {}, got {value}", case["code"])),
            (_, Err(error)) => Some(format!("expected success, got {error}")),
        }
    });
}
