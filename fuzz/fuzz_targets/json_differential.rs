//! The core's strict JSON parser (`parse_strict_json`) against serde_json on arbitrary
//! bytes.
//!
//! The strict parser reads with serde_json and refuses more, on purpose (see
//! `core/src/webhooks/json.rs`). Of what it refuses, a byte order mark, invalid UTF-8,
//! an empty body and trailing data are refused by serde_json too; two rules are its own:
//! - an object that repeats a key (serde_json keeps the last value);
//! - arrays and objects nested more than 64 levels deep (serde_json allows 128).
//!
//! Checked on every input:
//! - where the strict parser accepts, serde_json accepts, and the values are equal and
//!   serialize to the same text (same key order);
//! - where only serde_json accepts, the text repeats a key or nests more than 64 levels
//!   (measured independently), and the error says which;
//! - every refusal has the code `invalid_payload`;
//! - an accepted value serializes to text the strict parser reads back unchanged;
//! - typed events take a fast path that checks the same rules without building a value;
//!   it accepts nothing the strict parser refuses and agrees with the general path.

#![no_main]

use avara::webhooks::{ErrorCode, WebhookEvent, parse_strict_json};
use avara_fuzz_support::json_shape::shape;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const MAX_LEVELS: usize = 64;
/// Bodies up to this size may take the core's fast path for known events.
const FAST_PATH_MAX_BYTES: usize = 8 * 1024;

fn check_event_paths(data: &[u8], strict: bool) {
    if data.len() > FAST_PATH_MAX_BYTES {
        return;
    }
    let event = WebhookEvent::from_json(data);
    if event.is_ok() {
        assert!(
            strict,
            "an event was read from a body the strict parser refuses"
        );
    }
    // Trailing whitespace keeps the JSON, but takes the body off the fast path.
    let mut general = data.to_vec();
    general.resize(FAST_PATH_MAX_BYTES + 1, b' ');
    // Error messages differ in the position they quote; the code must not.
    assert_eq!(
        WebhookEvent::from_json(&general).map_err(|error| error.code()),
        event.map_err(|error| error.code()),
        "the fast path and the general path disagree"
    );
}

fuzz_target!(|data: &[u8]| {
    let strict = parse_strict_json(data);
    let lenient = serde_json::from_slice::<Value>(data);
    check_event_paths(data, strict.is_ok());
    match (strict, lenient) {
        (Ok(strict), Ok(lenient)) => {
            assert_eq!(strict, lenient);
            let text = strict.to_string();
            assert_eq!(text, lenient.to_string(), "key order differs");
            assert_eq!(
                parse_strict_json(text.as_bytes()).as_ref(),
                Ok(&strict),
                "a value does not survive its own serialization"
            );
            let shape = shape(data).expect("serde_json accepted it");
            assert!(shape.levels <= MAX_LEVELS && !shape.duplicate_key);
        }
        (Ok(_), Err(error)) => panic!("only the strict parser accepts this: {error}"),
        (Err(error), Ok(_)) => {
            assert_eq!(error.code(), ErrorCode::InvalidPayload);
            let shape = shape(data).expect("serde_json accepted it");
            let message = error.message();
            let for_duplicate = message.contains("duplicate key");
            let for_depth = message.contains("nest deeper than 64 levels");
            assert!(
                (shape.duplicate_key && for_duplicate) || (shape.levels > MAX_LEVELS && for_depth),
                "refused valid JSON without a documented reason ({shape:?}): {message}"
            );
        }
        (Err(error), Err(_)) => assert_eq!(error.code(), ErrorCode::InvalidPayload),
    }
});
