//! The event union. Data records are uniffi remote types: each restates the core struct,
//! and the generated code builds the core struct literally, so a field added in core
//! breaks this build until it is mirrored here.
//!
//! The union itself is a local enum because the core's is `#[non_exhaustive]`, which
//! forbids the exhaustive match a remote enum needs. Its variants flatten each event to
//! `{ id, data }`, so Java reads `event.getId()` and `event.getData().getStudyId()`.

use avara::models::{DicomUid, ReportId, StudyId, Uuid, WebhookEventId};
use avara::webhooks::{
    self as core, ClinicalContextEnrichmentRequestedData, EphemeralAccessRequestedData,
    ModalityWorklistRequestedData, PatientStudyEnrichmentRequestedData, ReportDeliveredData,
    SecondaryCaptureAccessRequestedData, StudyAccessRequestedData,
};

use crate::error::AvaraError;
use crate::types::{JsonObject, JsonValue};

#[uniffi::remote(Record)]
pub struct StudyAccessRequestedData {
    pub study_id: StudyId,
    pub study_instance_uid: DicomUid,
}

#[uniffi::remote(Record)]
pub struct EphemeralAccessRequestedData {
    pub retrieval_id: String,
    pub options: Option<JsonObject>,
}

#[uniffi::remote(Record)]
pub struct SecondaryCaptureAccessRequestedData {
    pub study_id: StudyId,
    pub study_instance_uid: DicomUid,
    pub series_instance_uid: Option<String>,
    pub sop_instance_uid: Option<String>,
}

#[uniffi::remote(Record)]
pub struct ReportDeliveredData {
    pub is_critical: bool,
    pub presigned_url: String,
    pub report_id: ReportId,
    pub study_id: StudyId,
    pub plain_text: Option<String>,
}

#[uniffi::remote(Record)]
pub struct ModalityWorklistRequestedData {
    pub calling_ae: String,
    pub clinic_id: Uuid,
    pub date_end: String,
    pub date_start: String,
    pub source_ip: String,
    pub modality: Option<String>,
}

#[uniffi::remote(Record)]
pub struct PatientStudyEnrichmentRequestedData {
    pub clinic_id: Uuid,
    pub study_instance_uid: DicomUid,
    pub accession_number: Option<String>,
    pub patient_id: Option<String>,
}

#[uniffi::remote(Record)]
pub struct ClinicalContextEnrichmentRequestedData {
    pub clinic_id: Uuid,
    pub study_id: Uuid,
    pub study_instance_uid: DicomUid,
    pub external_patient_id: Option<String>,
    pub mrn: Option<String>,
}

macro_rules! event_mirror {
    ($($(#[$doc:meta])* $variant:ident($event:ident, $data:ident),)*) => {
        /// Every event Avara sends. In Java, test the subclass with `instanceof`:
        /// `if (event instanceof WebhookEvent.StudyAccessRequested e) { e.getData().getStudyId(); }`.
        #[derive(Debug, Clone, PartialEq, uniffi::Enum)]
        pub enum WebhookEvent {
            $($(#[$doc])* $variant {
                /// Unique per delivery (`whe_…`): deduplicate on it to stop replays.
                id: WebhookEventId,
                data: $data,
            },)*
            /// A type this SDK does not know yet; `raw` is the whole body as JSON text.
            Unknown { event_type: String, raw: JsonValue },
        }

        impl From<core::WebhookEvent> for WebhookEvent {
            fn from(event: core::WebhookEvent) -> Self {
                match event {
                    $(core::WebhookEvent::$variant(core::$event { id, data }) => {
                        WebhookEvent::$variant { id, data }
                    })*
                    core::WebhookEvent::Unknown { event_type, raw } => {
                        WebhookEvent::Unknown { event_type, raw }
                    }
                    // The core enum is non-exhaustive: a type added there and not yet
                    // mirrored still reaches Java whole, as an unknown event.
                    // `mirror_knows_every_core_kind` below fails until it is mirrored.
                    other => WebhookEvent::Unknown {
                        event_type: other.event_type().to_owned(),
                        raw: other.to_value(),
                    },
                }
            }
        }

        impl From<WebhookEvent> for core::WebhookEvent {
            fn from(event: WebhookEvent) -> Self {
                match event {
                    $(WebhookEvent::$variant { id, data } => {
                        core::WebhookEvent::$variant(core::$event { id, data })
                    })*
                    WebhookEvent::Unknown { event_type, raw } => {
                        core::WebhookEvent::Unknown { event_type, raw }
                    }
                }
            }
        }
    };
}

event_mirror! {
    /// Synchronous: the Viewer needs presigned URLs for a study's DICOM images.
    StudyAccessRequested(StudyAccessRequestedEvent, StudyAccessRequestedData),
    /// Synchronous: an ephemeral Viewer session needs image URLs.
    EphemeralAccessRequested(EphemeralAccessRequestedEvent, EphemeralAccessRequestedData),
    /// Synchronous: the Viewer wants presigned PUT URLs to upload a secondary capture.
    SecondaryCaptureAccessRequested(SecondaryCaptureAccessRequestedEvent, SecondaryCaptureAccessRequestedData),
    /// Asynchronous: a report is finished; acknowledge it.
    ReportDelivered(ReportDeliveredEvent, ReportDeliveredData),
    /// Synchronous: a modality ran a worklist (C-FIND MWL) query.
    ModalityWorklistRequested(ModalityWorklistRequestedEvent, ModalityWorklistRequestedData),
    /// Soft synchronous: add demographics to a newly seeded study.
    PatientStudyEnrichmentRequested(PatientStudyEnrichmentRequestedEvent, PatientStudyEnrichmentRequestedData),
    /// Soft synchronous: AutoScribe asks for clinical context from the EHR.
    ClinicalContextEnrichmentRequested(ClinicalContextEnrichmentRequestedEvent, ClinicalContextEnrichmentRequestedData),
}

/// The event as the core serializes it (`{id, type, data}` for known types). Handy for
/// logging.
#[uniffi::export]
pub fn webhook_event_to_json(event: WebhookEvent) -> Result<String, AvaraError> {
    Ok(core::WebhookEvent::from(event).to_value().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(event_type: &str) -> core::WebhookEvent {
        let body = serde_json::json!({
            "id": "whe_0123456789abcdef0123456789abcdef",
            "type": event_type,
            "data": {
                "studyId": "stu_0123456789abcdef0123456789abcdef",
                "studyInstanceUid": "1.2.840.10008",
                "retrievalId": "r",
                "isCritical": false,
                "presignedUrl": "https://example.invalid/r.pdf",
                "reportId": "rep_0123456789abcdef0123456789abcdef",
                "callingAe": "CT1",
                "clinicId": "3f1c9a3e-8d2b-4c1a-9f00-0123456789ab",
                "dateEnd": "2026-01-02",
                "dateStart": "2026-01-01",
                "sourceIp": "10.0.0.1",
            },
        });
        let body = match event_type {
            // Here studyId is a raw UUID, not the `stu_` form.
            "clinical_context.enrichment_requested" => {
                let mut body = body;
                body["data"]["studyId"] = "3f1c9a3e-8d2b-4c1a-9f00-0123456789ab".into();
                body
            }
            _ => body,
        };
        core::WebhookEvent::from_json(body.to_string().as_bytes()).expect(event_type)
    }

    #[test]
    fn mirror_knows_every_core_kind() {
        for kind in core::WebhookEvent::KINDS {
            let event = sample(kind.event_type);
            let mirrored = WebhookEvent::from(event.clone());
            assert!(
                !matches!(mirrored, WebhookEvent::Unknown { .. }),
                "{} is not mirrored in the JVM binding",
                kind.event_type
            );
            assert_eq!(core::WebhookEvent::from(mirrored), event);
        }
    }

    #[test]
    fn unknown_events_round_trip() {
        let event = core::WebhookEvent::from_json(br#"{"type":"study.created","x":[1]}"#).unwrap();
        let mirrored = WebhookEvent::from(event.clone());
        assert!(
            matches!(&mirrored, WebhookEvent::Unknown { event_type, .. } if event_type == "study.created")
        );
        assert_eq!(core::WebhookEvent::from(mirrored), event);
    }
}
