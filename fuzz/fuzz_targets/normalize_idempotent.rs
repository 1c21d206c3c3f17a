//! Response normalization (`core/src/webhooks/responses.rs`) is idempotent, for every
//! response type.
//!
//! Three ways produce a response's canonical text, and each is checked:
//! - `normalize_response(type, body)`: normalizing its output again gives the same text,
//!   and the text is compact JSON that the strict parser reads back unchanged;
//! - the typed reader `<Response>::from_json(body)` (as Avara reads a receiver's answer,
//!   dropping manifest parts the Viewer skips): `to_json` of what it read succeeds, reads
//!   back to the same response, and is already normalized;
//! - the constructors (`construct(type, name, args)`): what they build is valid and
//!   normalizes to itself.
//!
//! Errors carry `invalid_payload` (not JSON) or `schema_error` (a contract rule).
//!
//! Input layout (see `seeds.py`): `selector: u8`; without bit 7 the low bits pick the
//! event type (one past the known ones: the type is a chunk that follows) and the rest
//! is the response body; with bit 7, one more byte picks a constructor and the rest is
//! the JSON array of its arguments.

#![no_main]

use avara::webhooks::responses::{
    CONSTRUCTORS, ClinicalContextEnrichmentRequestedResponse, EphemeralAccessRequestedResponse,
    ModalityWorklistRequestedResponse, PatientStudyEnrichmentRequestedResponse,
    ReportDeliveredResponse, SecondaryCaptureAccessRequestedResponse, StudyAccessRequestedResponse,
    construct, normalize_response, normalize_response_value,
};
use avara::webhooks::{ErrorCode, WebhookError, WebhookEvent, parse_strict_json};
use avara_fuzz_support::input::Input;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const CONSTRUCT: u8 = 0x80;

fn check_error(error: &WebhookError) {
    assert!(
        matches!(
            error.code(),
            ErrorCode::InvalidPayload | ErrorCode::SchemaError
        ),
        "{error}"
    );
    assert!(!error.message().is_empty());
}

/// `text` is a fixed point: compact, strict JSON, and normalizing it changes nothing.
fn check_canonical(event_type: &str, text: &str) {
    let value = parse_strict_json(text.as_bytes()).expect("canonical text is strict JSON");
    assert_eq!(value.to_string(), text, "canonical text is not compact");
    assert_eq!(
        normalize_response(event_type, text.as_bytes()).as_deref(),
        Ok(text),
        "normalizing twice changed the text"
    );
    assert_eq!(
        normalize_response_value(event_type, value.clone()),
        Ok(value),
        "normalizing the value twice changed it"
    );
}

/// The typed reader of one response type: what it reads serializes, reads back the same
/// and is canonical.
macro_rules! check_typed {
    ($response:ty, $event_type:expr, $body:expr) => {{
        match <$response>::from_json($body) {
            Err(error) => check_error(&error),
            Ok(response) => {
                let text = response
                    .to_json()
                    .expect("a response read under the rules serializes");
                assert_eq!(
                    <$response>::from_json(text.as_bytes()),
                    Ok(response),
                    "reading a response's own text changed it"
                );
                check_canonical($event_type, &text);
            }
        }
    }};
}

fn check_typed(event_type: &str, body: &[u8]) {
    match event_type {
        StudyAccessRequestedResponse::EVENT_TYPE => {
            check_typed!(StudyAccessRequestedResponse, event_type, body)
        }
        EphemeralAccessRequestedResponse::EVENT_TYPE => {
            check_typed!(EphemeralAccessRequestedResponse, event_type, body)
        }
        SecondaryCaptureAccessRequestedResponse::EVENT_TYPE => {
            check_typed!(SecondaryCaptureAccessRequestedResponse, event_type, body)
        }
        ReportDeliveredResponse::EVENT_TYPE => {
            check_typed!(ReportDeliveredResponse, event_type, body)
        }
        ModalityWorklistRequestedResponse::EVENT_TYPE => {
            check_typed!(ModalityWorklistRequestedResponse, event_type, body)
        }
        PatientStudyEnrichmentRequestedResponse::EVENT_TYPE => {
            check_typed!(PatientStudyEnrichmentRequestedResponse, event_type, body)
        }
        ClinicalContextEnrichmentRequestedResponse::EVENT_TYPE => {
            check_typed!(ClinicalContextEnrichmentRequestedResponse, event_type, body)
        }
        other => panic!("the event type {other} has a response this target does not read"),
    }
}

fn normalize(event_type: &str, body: &[u8]) {
    let known = WebhookEvent::KINDS
        .iter()
        .any(|kind| kind.event_type == event_type);
    match normalize_response(event_type, body) {
        Ok(text) => {
            assert!(known, "a response for the unknown type {event_type:?}");
            check_canonical(event_type, &text);
        }
        Err(error) => check_error(&error),
    }
    if known {
        check_typed(event_type, body);
    }
}

fn construct_and_normalize(selector: u8, args: &[u8]) {
    let (event_type, name, _) = CONSTRUCTORS[usize::from(selector) % CONSTRUCTORS.len()];
    let Ok(Value::Array(args)) = serde_json::from_slice::<Value>(args) else {
        return;
    };
    match construct(event_type, name, args) {
        Ok(value) => check_canonical(event_type, &value.to_string()),
        Err(error) => assert_eq!(error.code(), ErrorCode::SchemaError, "{error}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let selector = input.byte();
    if selector & CONSTRUCT != 0 {
        let constructor = input.byte();
        construct_and_normalize(constructor, input.rest());
        return;
    }
    let kinds = WebhookEvent::KINDS;
    let picked = usize::from(selector) % (kinds.len() + 1);
    let event_type = match kinds.get(picked) {
        Some(kind) => kind.event_type.to_owned(),
        None => input.text(),
    };
    normalize(&event_type, input.rest());
});
