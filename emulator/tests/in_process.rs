//! `InProcessEmulator` answers requests as the server does, keeping state between calls.

use avara_emulator::{ApiKeyConfig, EmulatorConfig, InProcessEmulator};
use serde_json::Value;

const KEY: &str = "sk_test_in_process_0000000000000000";

fn emulator() -> InProcessEmulator {
    let key = ApiKeyConfig {
        key: Some(KEY.into()),
        ..ApiKeyConfig::default()
    };
    InProcessEmulator::new(EmulatorConfig {
        keys: vec![key],
        ..EmulatorConfig::default()
    })
    .unwrap()
}

fn send(emulator: &InProcessEmulator, method: &str, target: &str, body: &str) -> (u16, Value) {
    let request = hyper::Request::builder()
        .method(method)
        .uri(target)
        .header("authorization", format!("Bearer {KEY}"))
        .body(body.as_bytes().to_vec())
        .unwrap();
    let response = emulator.handle(request).expect("no faults are configured");
    assert!(response.headers().contains_key("x-request-id"));
    let body = serde_json::from_slice(response.body()).unwrap();
    (response.status().as_u16(), body)
}

#[test]
fn a_study_created_in_one_call_is_retrieved_in_the_next() {
    let emulator = emulator();
    let (status, created) = send(
        &emulator,
        "POST",
        "/v1/viewer/studies",
        r#"{"severity": "normal", "studyDescription": "CT", "studyInstanceUid": "1.2.3"}"#,
    );
    assert_eq!(status, 200, "{created}");
    let study_id = created["studyId"].as_str().unwrap();
    let (status, retrieved) = send(
        &emulator,
        "GET",
        &format!("/v1/viewer/studies/{study_id}"),
        "",
    );
    assert_eq!((status, &retrieved), (200, &created));
}

#[test]
fn health_routes_and_parameters_answer_as_over_http() {
    let emulator = emulator();
    assert_eq!(
        send(&emulator, "GET", "/health", ""),
        (200, serde_json::json!({"status": "ok"}))
    );
    let (status, missing) = send(&emulator, "GET", "/v1/nothing", "");
    assert_eq!(
        (status, missing["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let (status, invalid) = send(&emulator, "GET", "/v1/viewer/studies?limit=ten", "");
    assert_eq!(
        (status, invalid["error"]["field"].as_str()),
        (400, Some("limit"))
    );
}
