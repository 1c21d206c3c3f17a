//! Realistic events of every type, built from the core's typed event data so each one
//! is valid by construction. Every call mints a fresh event id and fresh identifiers.

use avara::models::{DicomUid, IdError, ReportId, StudyId, Uuid, WebhookEventId};
use avara::webhooks::*;
use serde_json::json;

use crate::clock::iso8601;
use crate::ids::Ids;

/// One event ready to sign: its id, `type` and compact JSON body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sample {
    pub event_id: String,
    pub event_type: &'static str,
    pub body: String,
    /// The study the event names, if it names one (a manifest in the answer must match).
    pub study_uid: Option<String>,
}

/// The event types `trigger` can send, in the contract's order.
pub(crate) fn event_types() -> impl Iterator<Item = &'static str> {
    WebhookEvent::KINDS.iter().map(|kind| kind.event_type)
}

/// Builds identifiers and values for one sample.
struct Maker<'a> {
    ids: &'a Ids,
    study_uid: Option<&'a DicomUid>,
    now_ms: u64,
}

impl Maker<'_> {
    fn study_uid(&self) -> Result<DicomUid, IdError> {
        match self.study_uid {
            Some(uid) => Ok(uid.clone()),
            None => DicomUid::new(self.ids.dicom_uid()),
        }
    }

    fn study_id(&self) -> Result<StudyId, IdError> {
        StudyId::new(self.ids.prefixed(StudyId::PREFIX))
    }

    fn uuid(&self) -> Result<Uuid, IdError> {
        Uuid::new(self.ids.uuid())
    }

    /// Today, `YYYY-MM-DD`.
    fn today(&self) -> String {
        iso8601(self.now_ms)[..10].to_owned()
    }

    fn event(&self, event_type: &str) -> Result<WebhookEvent, IdError> {
        let id = WebhookEventId::new(self.ids.prefixed(WebhookEventId::PREFIX))?;
        let event = match event_type {
            "study.access_requested" => {
                WebhookEvent::StudyAccessRequested(StudyAccessRequestedEvent {
                    id,
                    data: StudyAccessRequestedData {
                        study_id: self.study_id()?,
                        study_instance_uid: self.study_uid()?,
                    },
                })
            }
            "ephemeral.access_requested" => {
                let options = json!({ "studyInstanceUid": self.study_uid()?.as_str(), "requestedBy": "dr.okafor" });
                WebhookEvent::EphemeralAccessRequested(EphemeralAccessRequestedEvent {
                    id,
                    data: EphemeralAccessRequestedData {
                        retrieval_id: format!("visit-{}", self.ids.digits(10)),
                        options: options.as_object().cloned(),
                    },
                })
            }
            "secondary_capture.access_requested" => WebhookEvent::SecondaryCaptureAccessRequested(
                SecondaryCaptureAccessRequestedEvent {
                    id,
                    data: SecondaryCaptureAccessRequestedData {
                        study_id: self.study_id()?,
                        study_instance_uid: self.study_uid()?,
                        series_instance_uid: Some(self.ids.dicom_uid()),
                        sop_instance_uid: Some(self.ids.dicom_uid()),
                    },
                },
            ),
            "report.delivered" => {
                let report_id = ReportId::new(self.ids.prefixed(ReportId::PREFIX))?;
                WebhookEvent::ReportDelivered(ReportDeliveredEvent {
                    id,
                    data: ReportDeliveredData {
                        is_critical: false,
                        presigned_url: format!(
                            "https://reports.example.com/{report_id}.pdf?X-Amz-Expires=3600&X-Amz-Signature={}",
                            self.ids.prefixed("")
                        ),
                        report_id,
                        study_id: self.study_id()?,
                        plain_text: Some(
                            "CT HEAD WITHOUT CONTRAST\nFINDINGS: No acute intracranial hemorrhage, mass effect \
                             or midline shift.\nIMPRESSION: No acute intracranial abnormality."
                                .into(),
                        ),
                    },
                })
            }
            "modality_worklist.requested" => {
                WebhookEvent::ModalityWorklistRequested(ModalityWorklistRequestedEvent {
                    id,
                    data: ModalityWorklistRequestedData {
                        calling_ae: "CT_SCANNER_01".into(),
                        clinic_id: self.uuid()?,
                        date_end: self.today(),
                        date_start: self.today(),
                        source_ip: "203.0.113.24".into(),
                        modality: Some("CT".into()),
                    },
                })
            }
            "patient_study.enrichment_requested" => WebhookEvent::PatientStudyEnrichmentRequested(
                PatientStudyEnrichmentRequestedEvent {
                    id,
                    data: PatientStudyEnrichmentRequestedData {
                        clinic_id: self.uuid()?,
                        study_instance_uid: self.study_uid()?,
                        accession_number: Some(format!("ACC{}", self.ids.digits(9))),
                        patient_id: Some(format!("PID{}", self.ids.digits(7))),
                    },
                },
            ),
            "clinical_context.enrichment_requested" => {
                WebhookEvent::ClinicalContextEnrichmentRequested(
                    ClinicalContextEnrichmentRequestedEvent {
                        id,
                        data: ClinicalContextEnrichmentRequestedData {
                            clinic_id: self.uuid()?,
                            study_id: self.uuid()?,
                            study_instance_uid: self.study_uid()?,
                            external_patient_id: Some(format!("EHR-{}", self.ids.digits(6))),
                            mrn: Some(format!("MRN{}", self.ids.digits(8))),
                        },
                    },
                )
            }
            other => {
                return Err(IdError {
                    message: format!("there is no sample of the event type {other:?}"),
                });
            }
        };
        Ok(event)
    }
}

/// A fresh `event_type` event (one of [`event_types`]); `study_uid`, when given, is the
/// study of every event that names one.
pub(crate) fn sample(
    ids: &Ids,
    event_type: &'static str,
    study_uid: Option<&DicomUid>,
    now_ms: u64,
) -> Result<Sample, String> {
    let event = Maker {
        ids,
        study_uid,
        now_ms,
    }
    .event(event_type)
    .map_err(|error| error.message)?;
    let event_id = event.id().map(ToString::to_string).unwrap_or_default();
    let value = event.to_value();
    let study_uid = value["data"]["studyInstanceUid"]
        .as_str()
        .map(str::to_owned);
    Ok(Sample {
        event_id,
        event_type,
        body: value.to_string(),
        study_uid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::signature_headers;
    use avara::webhooks::{Scheme, Webhook, WebhookHeaders};

    const SECRET: &str = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    #[test]
    fn every_sample_verifies_and_parses_back_through_the_core() {
        let ids = Ids::new();
        let now_ms = 1_767_225_600_123;
        for event_type in event_types() {
            let sample = sample(&ids, event_type, None, now_ms).unwrap();
            let headers =
                signature_headers(Scheme::Both, SECRET, &sample.event_id, &sample.body, now_ms)
                    .unwrap();
            let received: WebhookHeaders = headers
                .iter()
                .map(|(name, value)| (*name, value.as_bytes()))
                .collect();
            let event = Webhook::new(SECRET)
                .unwrap()
                .unwrap_at(sample.body.as_bytes(), &received, now_ms)
                .unwrap();
            assert_eq!(event.event_type(), event_type);
            assert_eq!(
                event.id().map(ToString::to_string),
                Some(sample.event_id.clone())
            );
            assert_eq!(
                WebhookEvent::from_json(sample.body.as_bytes()).unwrap(),
                event
            );
            assert!(
                !matches!(event, WebhookEvent::Unknown { .. }),
                "{event_type} parsed as unknown"
            );
        }
    }

    #[test]
    fn each_send_is_fresh_and_the_study_uid_can_be_pinned() {
        let ids = Ids::new();
        let first = sample(&ids, "study.access_requested", None, 0).unwrap();
        let second = sample(&ids, "study.access_requested", None, 0).unwrap();
        assert_ne!(first.event_id, second.event_id);
        assert_ne!(first.study_uid, second.study_uid);
        let pinned = DicomUid::new("1.2.840.113619.2.55.3.604688119.868.1234567890.123").unwrap();
        for event_type in event_types() {
            let sample = sample(&ids, event_type, Some(&pinned), 0).unwrap();
            if let Some(uid) = sample.study_uid {
                assert_eq!(uid, pinned.as_str(), "{event_type}");
            }
        }
        let worklist =
            sample(&ids, "modality_worklist.requested", None, 1_767_225_600_000).unwrap();
        assert!(
            worklist.body.contains(r#""dateStart":"2026-01-01""#),
            "{}",
            worklist.body
        );
    }
}
