//! Runs every case of every file in `tests/vectors/` against the Rust core.

use std::path::{Path, PathBuf};
use std::time::Duration;

use avara::webhooks::{
    self, Scheme, Webhook, WebhookError, WebhookEvent, WebhookHeaders, responses,
};
use serde_json::Value;

fn vector_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

fn payload(case: &Value) -> Vec<u8> {
    match (case.get("payload"), case.get("payloadHex")) {
        (Some(Value::String(text)), _) => text.as_bytes().to_vec(),
        (_, Some(Value::String(encoded))) => hex(encoded),
        _ => panic!("case {} has no payload", case["tcId"]),
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("string").to_owned())
        .collect()
}

fn build_verifier(secrets: &[String], config: &Value) -> Result<Webhook, WebhookError> {
    let mut webhook = if secrets.len() == 1 {
        Webhook::new(&secrets[0])?
    } else {
        Webhook::with_secrets(secrets)?
    };
    let ms = |key: &str| {
        config
            .get(key)
            .and_then(Value::as_u64)
            .map(Duration::from_millis)
    };
    match config.get("toleranceMs") {
        Some(Value::Null) => webhook = webhook.without_timestamp_check(),
        Some(tolerance) => {
            webhook = webhook.with_tolerance(Duration::from_millis(tolerance.as_u64().expect("ms")))
        }
        None => {}
    }
    if let Some(past) = ms("pastToleranceMs") {
        webhook = webhook.with_past_tolerance(past);
    }
    if let Some(future) = ms("futureToleranceMs") {
        webhook = webhook.with_future_tolerance(future);
    }
    if let Some(limit) = config.get("maxPayloadBytes").and_then(Value::as_u64) {
        webhook = webhook.with_max_payload_bytes(usize::try_from(limit).expect("limit fits"));
    }
    Ok(webhook)
}

/// Compares an outcome with a case's `result`/`code`; returns a failure description.
fn judge<T>(
    case: &Value,
    outcome: &Result<T, WebhookError>,
    check_valid: impl FnOnce(&T) -> Option<String>,
) -> Option<String> {
    match (case["result"].as_str(), outcome) {
        (Some("valid"), Ok(value)) => check_valid(value),
        (Some("invalid"), Err(error)) if error.code().as_str() == case["code"] => None,
        (_, Ok(_)) => Some(format!("expected {}, got valid", case["code"])),
        (_, Err(error)) => Some(format!(
            "expected {}, got {error}",
            case.get("code").unwrap_or(&case["result"])
        )),
    }
}

fn run_signature_case(group: &Value, case: &Value) -> Option<String> {
    match group["type"].as_str() {
        Some("verify") => {
            let webhook = build_verifier(&strings(&group["secrets"]), &group["config"])
                .expect("group secrets are valid");
            let mut headers = WebhookHeaders::new();
            for pair in case["headers"].as_array().expect("headers") {
                headers.insert_text(
                    pair[0].as_str().expect("name"),
                    pair[1].as_str().expect("value"),
                );
            }
            let now = group["nowMs"].as_u64().expect("nowMs");
            let outcome = webhook.verify_at(&payload(case), &headers, now);
            judge(case, &outcome, |verified| {
                let scheme = match verified.scheme {
                    Scheme::Guide => "guide",
                    Scheme::Standard => "standard",
                    Scheme::Both => "both",
                };
                let index = u64::try_from(verified.secret_index).expect("index");
                let id = verified.webhook_id.as_deref();
                (scheme != case["scheme"]
                    || index != case["secretIndex"]
                    || id != case.get("webhookId").and_then(Value::as_str))
                .then(|| format!("verified as {scheme} #{index} with id {id:?}"))
            })
        }
        Some("secret") => {
            let outcome = build_verifier(&strings(&case["secrets"]), &Value::Null);
            judge(case, &outcome, |_| None)
        }
        Some("sign") => {
            let signature = webhooks::sign(
                &hex(case["keyHex"].as_str().expect("key")),
                case["timestamp"].as_str().expect("timestamp"),
                &hex(case["payloadHex"].as_str().expect("payload")),
            );
            (signature != case["signature"]).then(|| format!("signed {signature}"))
        }
        Some("signStandard") => {
            let outcome = webhooks::sign_standard(
                case["secret"].as_str().expect("secret"),
                case["webhookId"].as_str().expect("webhookId"),
                case["timestamp"].as_u64().expect("timestamp"),
                &payload(case),
            );
            judge(case, &outcome, |headers| {
                let pairs = Value::from(
                    headers
                        .pairs()
                        .map(|(name, value)| Value::from(vec![name, value]))
                        .to_vec(),
                );
                (pairs != case["headers"]).then(|| format!("signed {pairs}"))
            })
        }
        other => Some(format!("unknown group type {other:?}")),
    }
}

fn run_event_case(case: &Value) -> Option<String> {
    let outcome = webhooks::unsafe_unwrap(&payload(case));
    judge(case, &outcome, |event: &WebhookEvent| {
        let parsed = event.to_value();
        (parsed != case["expected"]).then(|| format!("parsed as {parsed}"))
    })
}

fn run_response_case(group: &Value, case: &Value) -> Option<String> {
    let event_type = case["eventType"].as_str().expect("eventType");
    let outcome = match group["type"].as_str() {
        Some("construct") => responses::construct(
            event_type,
            case["constructor"].as_str().expect("constructor"),
            case["args"].as_array().expect("args").clone(),
        ),
        Some("normalize") => responses::normalize_response_value(event_type, case["body"].clone()),
        other => return Some(format!("unknown group type {other:?}")),
    };
    judge(case, &outcome, |value| {
        (*value != case["expected"]).then(|| format!("produced {value}"))
    })
}

#[test]
fn every_vector_file_passes() {
    let mut failures = Vec::new();
    for path in vector_files() {
        let file: Value =
            serde_json::from_slice(&std::fs::read(&path).expect("readable")).expect("valid JSON");
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let mut count = 0;
        for group in file["testGroups"].as_array().expect("testGroups") {
            for case in group["tests"].as_array().expect("tests") {
                count += 1;
                let failure = match file["schema"].as_str() {
                    Some("webhook_signatures_v1") => run_signature_case(group, case),
                    Some("webhook_events_v1") => run_event_case(case),
                    Some("webhook_responses_v1") => run_response_case(group, case),
                    other => Some(format!("unknown schema {other:?}")),
                };
                if let Some(failure) = failure {
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
            "{name}: numberOfTests does not match its cases"
        );
        println!("rust vectors: {name} {count} cases");
    }
    assert!(
        failures.is_empty(),
        "{} vector case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
