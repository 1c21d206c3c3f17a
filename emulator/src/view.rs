//! Opening a landing-page link: like the Viewer, the emulator asks the key's study
//! data webhook endpoint for image URLs (`study.access_requested` or
//! `ephemeral.access_requested`, signed), checks the answer against the contract and
//! shows the outcome. Faults are never injected here.

use avara::models::{DicomUid, StudyId};
use avara::webhooks::{EphemeralAccessRequestedData, StudyAccessRequestedData};

use crate::answer::judge;
use crate::app::{App, Counters};
use crate::clock::now_ms;
use crate::delivery::{event_body, post, signature_headers};
use crate::http::Response;
use crate::landing::{self, Report, Subject};
use crate::store::{ViewLink, ViewTarget};

fn subject_of(app: &App, link: &ViewLink) -> Option<Subject> {
    match &link.target {
        ViewTarget::Study { study_id } => {
            let state = app.state();
            let study = &state.studies.get(study_id)?.study;
            Some(Subject::Study {
                study_id: study.study_id.clone(),
                study_instance_uid: study.study_instance_uid.clone(),
                description: study.study_description.clone(),
                severity: study.severity.to_string(),
                cancelled: study.is_cancelled,
            })
        }
        ViewTarget::Ephemeral {
            retrieval_id,
            options,
            hanging_protocol,
        } => Some(Subject::Ephemeral {
            retrieval_id: retrieval_id.clone(),
            options: options.clone(),
            hanging_protocol: hanging_protocol.clone(),
        }),
    }
}

/// The event type and compact body asking for `subject`'s images.
fn event_for(subject: &Subject, event_id: &str) -> Result<(&'static str, String), String> {
    match subject {
        Subject::Study {
            study_id,
            study_instance_uid,
            ..
        } => {
            let data = StudyAccessRequestedData {
                study_id: StudyId::new(study_id.as_str()).map_err(|error| error.message)?,
                study_instance_uid: DicomUid::new(study_instance_uid.as_str())
                    .map_err(|error| error.message)?,
            };
            Ok((
                "study.access_requested",
                event_body(event_id, "study.access_requested", &data),
            ))
        }
        Subject::Ephemeral {
            retrieval_id,
            options,
            ..
        } => {
            let data = EphemeralAccessRequestedData {
                retrieval_id: retrieval_id.clone(),
                options: options.clone(),
            };
            Ok((
                "ephemeral.access_requested",
                event_body(event_id, "ephemeral.access_requested", &data),
            ))
        }
    }
}

pub(crate) fn open(app: &App, token: &str) -> Response {
    let now = now_ms();
    let Some(link) = app.state().views.get(token).cloned() else {
        return landing::unknown_link();
    };
    if now >= link.expires_at_ms {
        return landing::expired_link(link.expires_at_ms);
    }
    let Some(subject) = subject_of(app, &link) else {
        return landing::unknown_link();
    };
    let key = &app.keys[link.key];
    let Some(url) = key.webhook_url.as_deref() else {
        return landing::no_endpoint(&subject, &key.description);
    };
    let event_id = app.ids.prefixed("whe_");
    let signed = event_for(&subject, &event_id).and_then(|(event_type, body)| {
        let headers = signature_headers(app.scheme, &key.webhook_secret, &event_id, &body, now)?;
        Ok((event_type, body, headers))
    });
    let (event_type, body, headers) = match signed {
        Ok(signed) => signed,
        Err(problem) => {
            return landing::failed(
                &subject,
                &format!("the delivery could not be signed: {problem}"),
            );
        }
    };
    Counters::bump(&app.counters.webhook_deliveries);
    let exchange = post(&app.agent, url, &headers, &body);
    let study_uid = match &subject {
        Subject::Study {
            study_instance_uid, ..
        } => Some(study_instance_uid.as_str()),
        Subject::Ephemeral { .. } => None,
    };
    let verdict = judge(event_type, &exchange, study_uid);
    let report = Report {
        event_id: &event_id,
        event_type,
        url,
        scheme: app.scheme,
        exchange: &exchange,
        verdict: &verdict,
    };
    landing::delivered(&subject, &report)
}
