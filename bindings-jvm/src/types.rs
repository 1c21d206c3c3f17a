//! Core newtypes and JSON values cross the boundary as strings. Lifting re-validates
//! through the core's own constructors and parser, so a Kotlin or Java value can never
//! smuggle an invalid ID or malformed JSON into the core.

use avara::models::{DicomUid, ExpressCustomerId, ReportId, StudyId, Uuid, WebhookEventId};
use avara::webhooks::parse_strict_json;
use serde_json::{Map, Value};

use crate::error::AvaraError;

/// Any JSON value, as compact JSON text written by the core.
pub type JsonValue = Value;
/// A JSON object, as compact JSON text written by the core.
pub type JsonObject = Map<String, Value>;

macro_rules! validated_strings {
    ($($name:ident),* $(,)?) => {$(
        uniffi::custom_type!($name, String, {
            remote,
            lower: |value| String::from(value),
            try_lift: |text| Ok($name::new(text).map_err(AvaraError::schema)?),
        });
    )*};
}

validated_strings!(
    StudyId,
    WebhookEventId,
    ReportId,
    ExpressCustomerId,
    DicomUid,
    Uuid
);

uniffi::custom_type!(JsonValue, String, {
    remote,
    lower: |value| value.to_string(),
    try_lift: |text| Ok(parse_strict_json(text.as_bytes()).map_err(AvaraError::from)?),
});

uniffi::custom_type!(JsonObject, String, {
    remote,
    lower: |object| Value::Object(object).to_string(),
    try_lift: |text| match parse_strict_json(text.as_bytes()).map_err(AvaraError::from)? {
        Value::Object(object) => Ok(object),
        _ => Err(AvaraError::schema("expected the text of a JSON object").into()),
    },
});
