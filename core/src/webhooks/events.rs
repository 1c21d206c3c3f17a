//! The events Avara sends, one struct per `type`, and the [`WebhookEvent`] union.
//!
//! Unknown fields are ignored and unknown event types become [`WebhookEvent::Unknown`],
//! so a new Avara release never breaks a receiver.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

use super::error::{ErrorCode, WebhookError};
use super::json::parse_strict_json;
use super::shape::strict_event_type;
use crate::models::{DicomUid, ReportId, StudyId, Uuid, WebhookEventId};

macro_rules! event {
    ($(#[$doc:meta])* $event:ident, $data:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct $event {
            /// Unique per delivery (`whe_…`): deduplicate on it to stop replays.
            pub id: WebhookEventId,
            pub data: $data,
        }
    };
}

event!(
    /// Synchronous: the Viewer needs presigned URLs for a study's DICOM images.
    StudyAccessRequestedEvent, StudyAccessRequestedData
);
event!(
    /// Synchronous: an ephemeral Viewer session needs image URLs.
    EphemeralAccessRequestedEvent, EphemeralAccessRequestedData
);
event!(
    /// Synchronous: the Viewer wants presigned PUT URLs to upload a secondary capture.
    SecondaryCaptureAccessRequestedEvent, SecondaryCaptureAccessRequestedData
);
event!(
    /// Asynchronous: a report is finished; acknowledge it.
    ReportDeliveredEvent, ReportDeliveredData
);
event!(
    /// Synchronous: a modality ran a worklist (C-FIND MWL) query.
    ModalityWorklistRequestedEvent, ModalityWorklistRequestedData
);
event!(
    /// Soft synchronous: add demographics to a newly seeded study.
    PatientStudyEnrichmentRequestedEvent, PatientStudyEnrichmentRequestedData
);
event!(
    /// Soft synchronous: AutoScribe asks for clinical context from the EHR.
    ClinicalContextEnrichmentRequestedEvent, ClinicalContextEnrichmentRequestedData
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StudyAccessRequestedData {
    pub study_id: StudyId,
    pub study_instance_uid: DicomUid,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct EphemeralAccessRequestedData {
    /// The opaque handle given when the session was minted.
    pub retrieval_id: String,
    /// The `options` object given when the session was minted, unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Map<String, Value>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SecondaryCaptureAccessRequestedData {
    pub study_id: StudyId,
    pub study_instance_uid: DicomUid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_instance_uid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sop_instance_uid: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReportDeliveredData {
    pub is_critical: bool,
    /// PDF download link, valid for about an hour.
    pub presigned_url: String,
    pub report_id: ReportId,
    pub study_id: StudyId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ModalityWorklistRequestedData {
    /// AE title of the querying modality.
    pub calling_ae: String,
    pub clinic_id: Uuid,
    /// Last day of the window, inclusive (YYYY-MM-DD).
    pub date_end: String,
    /// First day of the window, inclusive (YYYY-MM-DD).
    pub date_start: String,
    pub source_ip: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PatientStudyEnrichmentRequestedData {
    pub clinic_id: Uuid,
    pub study_instance_uid: DicomUid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accession_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ClinicalContextEnrichmentRequestedData {
    pub clinic_id: Uuid,
    /// The study's raw UUID (not the `stu_` form).
    pub study_id: Uuid,
    pub study_instance_uid: DicomUid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_patient_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mrn: Option<String>,
}

/// Bodies up to this size try `from_known_json` first.
const FAST_PATH_MAX_BYTES: usize = 8 * 1024;

/// The `type` of [`WebhookEvent::Unknown`] once serialized; its real type is in `eventType`.
pub const UNKNOWN_TYPE: &str = "unknown";

macro_rules! event_union {
    ($($variant:ident($event:ident, $response:ident) = $type:literal,)*) => {
        /// Every event Avara sends, told apart by its `type`.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum WebhookEvent {
            $($variant($event),)*
            /// A type this SDK does not know yet, kept whole so nothing is lost.
            Unknown { event_type: String, raw: Value },
        }

        /// One known event type: its wire name, event struct and response struct.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct EventKind {
            pub event_type: &'static str,
            pub event_name: &'static str,
            pub response_name: &'static str,
        }

        impl WebhookEvent {
            /// The known event types, in the contract's order.
            pub const KINDS: &'static [EventKind] = &[
                $(EventKind {
                    event_type: $type,
                    event_name: stringify!($event),
                    response_name: stringify!($response),
                },)*
            ];

            /// The `type` discriminator, e.g. `study.access_requested`.
            pub fn event_type(&self) -> &str {
                match self {
                    $(WebhookEvent::$variant(_) => $type,)*
                    WebhookEvent::Unknown { event_type, .. } => event_type,
                }
            }

            /// The delivery id of a known event.
            pub fn id(&self) -> Option<&WebhookEventId> {
                match self {
                    $(WebhookEvent::$variant(event) => Some(&event.id),)*
                    WebhookEvent::Unknown { .. } => None,
                }
            }

            fn from_value(value: Value) -> Result<WebhookEvent, WebhookError> {
                let event_type = match value.get("type") {
                    Some(Value::String(event_type)) => event_type.clone(),
                    _ if !value.is_object() => return Err(schema_error(
                        "(root)",
                        "expected a JSON object with `id`, `type` and `data`",
                    )),
                    Some(_) => return Err(schema_error("type", "expected a string")),
                    None => return Err(schema_error("type", "missing field `type`")),
                };
                match event_type.as_str() {
                    $($type => typed(value).map(WebhookEvent::$variant),)*
                    _ => Ok(WebhookEvent::Unknown { event_type, raw: value }),
                }
            }

            /// A known event straight from the bytes, once the body is known to pass the
            /// strict rules: the event `from_value` would build, without building the
            /// `Value` first. `None` for anything else, which `from_value` handles and words.
            fn from_known_json(body: &[u8]) -> Option<WebhookEvent> {
                let event_type = strict_event_type(body)?;
                match &*event_type {
                    $($type => serde_json::from_slice(body).ok().map(WebhookEvent::$variant),)*
                    _ => None,
                }
            }
        }

        #[cfg(feature = "schema")]
        impl WebhookEvent {
            /// JSON Schemas of every event and its response, so other languages' types
            /// can be derived from these definitions instead of being retyped:
            /// `{"events": [{"type", "event": {"$ref"}, "response": {"$ref"}}], "$defs": {..}}`.
            pub fn schema_catalog() -> Value {
                let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
                let events = vec![$(serde_json::json!({
                    "type": $type,
                    "event": generator.subschema_for::<$event>(),
                    "response": generator.subschema_for::<super::responses::$response>(),
                }),)*];
                serde_json::json!({ "events": events, "$defs": generator.take_definitions(true) })
            }
        }

        impl Serialize for WebhookEvent {
            /// Known events as `{id, type, data}`; unknown ones as
            /// `{type: "unknown", eventType, raw}`, so `type` alone tells every variant
            /// apart (TypeScript narrows on it).
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(3))?;
                match self {
                    $(WebhookEvent::$variant(event) => {
                        map.serialize_entry("id", &event.id)?;
                        map.serialize_entry("type", $type)?;
                        map.serialize_entry("data", &event.data)?;
                    })*
                    WebhookEvent::Unknown { event_type, raw } => {
                        map.serialize_entry("type", UNKNOWN_TYPE)?;
                        map.serialize_entry("eventType", event_type)?;
                        map.serialize_entry("raw", raw)?;
                    }
                }
                map.end()
            }
        }
    };
}

event_union! {
    StudyAccessRequested(StudyAccessRequestedEvent, StudyAccessRequestedResponse) = "study.access_requested",
    EphemeralAccessRequested(EphemeralAccessRequestedEvent, EphemeralAccessRequestedResponse) = "ephemeral.access_requested",
    SecondaryCaptureAccessRequested(SecondaryCaptureAccessRequestedEvent, SecondaryCaptureAccessRequestedResponse) = "secondary_capture.access_requested",
    ReportDelivered(ReportDeliveredEvent, ReportDeliveredResponse) = "report.delivered",
    ModalityWorklistRequested(ModalityWorklistRequestedEvent, ModalityWorklistRequestedResponse) = "modality_worklist.requested",
    PatientStudyEnrichmentRequested(PatientStudyEnrichmentRequestedEvent, PatientStudyEnrichmentRequestedResponse) = "patient_study.enrichment_requested",
    ClinicalContextEnrichmentRequested(ClinicalContextEnrichmentRequestedEvent, ClinicalContextEnrichmentRequestedResponse) = "clinical_context.enrichment_requested",
}

impl WebhookEvent {
    /// Parses a (verified) body: strict JSON, then the event's shape.
    pub fn from_json(body: &[u8]) -> Result<WebhookEvent, WebhookError> {
        // The fast path reads the body twice without building anything, the general one
        // once while copying every string: on large bodies (a long string or two) the
        // copy is the cheaper of the two (bench/notes.md).
        let fast = match body.len() {
            0..=FAST_PATH_MAX_BYTES => WebhookEvent::from_known_json(body),
            _ => None,
        };
        match fast {
            Some(event) => Ok(event),
            None => WebhookEvent::from_value(parse_strict_json(body)?),
        }
    }

    /// The event as the JSON value the bindings hand to their languages.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

pub(crate) fn schema_error(path: &str, detail: impl std::fmt::Display) -> WebhookError {
    WebhookError::new(ErrorCode::SchemaError, format!("{path}: {detail}"))
}

/// Deserializes a value into `T`, reporting the dotted path of the first bad field.
pub(crate) fn typed<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, WebhookError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." {
            "(root)".to_string()
        } else {
            path
        };
        schema_error(&path, error.into_inner())
    })
}
