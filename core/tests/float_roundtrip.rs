//! Every double in a body survives parsing and writing unchanged, so normalizing twice
//! gives the same text and a receiver reads the number its sender wrote.

use avara::webhooks::responses::normalize_response;
use avara::webhooks::{WebhookEvent, parse_strict_json, unsafe_unwrap};
use serde_json::Value;

/// A double that serde_json's fast (inexact) float parser reads one bit off.
const DRIFTING: &str = "956.0342718892493";

/// Finite doubles spread over every exponent, from a fixed seed so failures reproduce.
fn spread_doubles(count: usize) -> Vec<f64> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut doubles = Vec::with_capacity(count);
    while doubles.len() < count {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let candidate = f64::from_bits(state);
        if candidate.is_finite() {
            doubles.push(candidate);
        }
    }
    doubles
}

fn study_answer_with_slope(slope: &str) -> String {
    format!(
        r#"{{"authorized":true,"urls":["https://storage.example.com/a.dcm"],"manifest":{{"studyInstanceUID":"1.2.3","series":[{{"modality":"CT","seriesDescription":"Axial","seriesNumber":1,"seriesInstanceUID":"1.2.3.1","sops":[{{"sopClassUID":"1.2.840.10008.5.1.4.1.1.2","sopInstanceUID":"1.2.3.1.1","rescaleSlope":{slope}}}]}}]}}}}"#
    )
}

fn slope_of(normalized: &str) -> Value {
    let value: Value = serde_json::from_str(normalized).unwrap();
    value["manifest"]["series"][0]["sops"][0]["rescaleSlope"].clone()
}

#[test]
fn the_drifting_double_survives_strict_parsing() {
    let parsed = parse_strict_json(format!(r#"{{"n":{DRIFTING}}}"#).as_bytes()).unwrap();
    assert_eq!(parsed.to_string(), format!(r#"{{"n":{DRIFTING}}}"#));
}

#[test]
fn an_unknown_events_raw_data_keeps_its_doubles_exactly() {
    let body = format!(r#"{{"id":"evt_1","type":"future.event","data":{{"n":{DRIFTING}}}}}"#);
    let event = unsafe_unwrap(body.as_bytes()).unwrap();
    let WebhookEvent::Unknown { raw, .. } = &event else {
        panic!("expected an unknown event, got {event:?}")
    };
    assert_eq!(raw["data"]["n"].to_string(), DRIFTING);
    let written: Value = serde_json::to_value(&event).unwrap();
    assert_eq!(written["raw"]["data"]["n"].to_string(), DRIFTING);
}

#[test]
fn normalizing_a_response_keeps_the_drifting_double_and_is_idempotent() {
    let once = normalize_response(
        "study.access_requested",
        study_answer_with_slope(DRIFTING).as_bytes(),
    )
    .unwrap();
    assert_eq!(slope_of(&once).to_string(), DRIFTING);
    let twice = normalize_response("study.access_requested", once.as_bytes()).unwrap();
    assert_eq!(twice, once);
}

#[test]
fn thousands_of_spread_doubles_round_trip_exactly() {
    for double in spread_doubles(5_000) {
        let written = serde_json::to_string(&double).unwrap();
        let parsed = parse_strict_json(format!(r#"{{"n":{written}}}"#).as_bytes()).unwrap();
        assert_eq!(
            parsed["n"].as_f64().map(f64::to_bits),
            Some(double.to_bits()),
            "{written}"
        );

        let once = normalize_response(
            "study.access_requested",
            study_answer_with_slope(&written).as_bytes(),
        )
        .unwrap();
        assert_eq!(
            slope_of(&once).as_f64().map(f64::to_bits),
            Some(double.to_bits()),
            "{written}"
        );
        let twice = normalize_response("study.access_requested", once.as_bytes()).unwrap();
        assert_eq!(twice, once, "{written}");
    }
}
