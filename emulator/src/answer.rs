//! Judging a receiver's answer against the contract, as Avara would read it: one judge
//! for every event type, shared by landing pages and `avara-emulator trigger`.

use avara::webhooks::responses::{
    ClinicalContextEnrichmentRequestedResponse, EphemeralAccessRequestedResponse, MediaUrl,
    ModalityWorklistRequestedResponse, PatientStudyEnrichmentRequestedResponse,
    ReportDeliveredResponse, SecondaryCaptureAccessRequestedResponse, StudyAccessRequestedResponse,
    normalize_response_value,
};
use avara::webhooks::{ManifestReport, WebhookError, check_manifest, parse_strict_json};
use serde_json::{Map, Value};

use crate::delivery::Exchange;

/// The answer as understood, plus everything that breaks the contract (`violations`)
/// or is allowed but worth knowing (`notes`).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Verdict {
    /// `None` when no valid answer arrived, or the event has no `authorized` flag.
    pub authorized: Option<bool>,
    pub urls: Vec<String>,
    pub media: Vec<MediaUrl>,
    /// The receiver's stated reason (from a valid answer or an error body).
    pub error: Option<String>,
    pub violations: Vec<String>,
    pub notes: Vec<String>,
    /// Each manifest in the answer, as the Viewer reads it.
    pub manifests: Vec<ManifestVerdict>,
}

/// One `manifest` (or `manifests[i]`) of an access answer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ManifestVerdict {
    /// Where it sits in the answer: `manifest` or `manifests[0]`.
    pub field: String,
    pub report: ManifestReport,
}

/// Skipped parts listed one by one in notes; a manifest may hold thousands.
const NOTED_SKIPS: usize = 10;

impl ManifestVerdict {
    /// What is allowed but lost: skipped parts and an ignored manifest. The plain URLs
    /// load either way, so these are notes; describing another study is a violation.
    pub(crate) fn notes(&self) -> Vec<String> {
        let field = &self.field;
        let skipped = &self.report.skipped;
        let mut notes: Vec<String> = skipped
            .iter()
            .take(NOTED_SKIPS)
            .map(|part| {
                let what = if part.path.contains(".sops[") {
                    "SOP"
                } else {
                    "series"
                };
                format!("{field}.{}; the Viewer skips that {what}", part.reason)
            })
            .collect();
        if skipped.len() > NOTED_SKIPS {
            notes.push(format!(
                "{field}: {} more parts are skipped",
                skipped.len() - NOTED_SKIPS
            ));
        }
        if let (Some(reason), None) = (&self.report.ignored_because, &self.report.other_study_uid) {
            notes.push(format!(
                "the Viewer ignores {field} and loads only the plain URLs: {reason}"
            ));
        }
        notes
    }
}

impl Verdict {
    /// The notes on the answer, then those on its manifests.
    pub(crate) fn all_notes(&self) -> Vec<String> {
        let manifest_notes = self.manifests.iter().flat_map(ManifestVerdict::notes);
        self.notes.iter().cloned().chain(manifest_notes).collect()
    }
}

/// Status and content type, common to every event. The JSON body, when there is one
/// to read as an answer.
fn judge_envelope(exchange: &Exchange, verdict: &mut Verdict) -> Option<Value> {
    if let Some(failure) = &exchange.failure {
        verdict
            .violations
            .push(format!("no answer from the endpoint: {failure}"));
        return None;
    }
    let status = exchange.status.unwrap_or(0);
    let parsed = parse_strict_json(&exchange.body);
    if !(200..300).contains(&status) {
        verdict.violations.push(format!(
            "the endpoint answered HTTP {status}; the contract expects 200 with a JSON body"
        ));
        verdict.error = parsed
            .ok()
            .as_ref()
            .and_then(|body| body.get("error"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        return None;
    }
    if status != 200 {
        verdict
            .notes
            .push(format!("HTTP {status}: the contract expects 200"));
    }
    let json_type = exchange
        .content_type
        .as_deref()
        .is_some_and(|value| value.to_ascii_lowercase().contains("json"));
    if !json_type {
        let shown = exchange.content_type.as_deref().unwrap_or("none");
        verdict.notes.push(format!(
            "Content-Type is {shown:?}; application/json is expected"
        ));
    }
    match parsed {
        Ok(parsed) => Some(parsed),
        Err(_) if exchange.body.is_empty() => {
            verdict
                .violations
                .push("the body is empty; the contract expects a JSON object".into());
            None
        }
        Err(_) => {
            verdict.violations.push("the body is not valid JSON".into());
            None
        }
    }
}

fn violation(verdict: &mut Verdict, error: &WebhookError) {
    verdict
        .violations
        .push(format!("{} ({})", error.message(), error.code().as_str()));
}

/// Notes a field the SDK types require but the integration guide leaves out on denial.
fn note_missing(verdict: &mut Verdict, body: &Map<String, Value>, field: &str) {
    if !body.contains_key(field) {
        verdict.notes.push(format!(
            "`{field}` is missing: the SDK types require it; the integration guide leaves it out when access is denied"
        ));
    }
}

/// Where manifests sit in access answers; they are judged part by part.
const MANIFEST_FIELDS: [&str; 2] = ["manifest", "manifests"];

/// Top-level fields the contract does not know: Avara drops them, so a typo such as
/// `authorised` silently loses its value.
fn note_unknown_fields(verdict: &mut Verdict, event_type: &str, body: &Map<String, Value>) {
    let mut without_manifests = body.clone();
    without_manifests.retain(|name, _| !MANIFEST_FIELDS.contains(&name.as_str()));
    let Ok(Value::Object(known)) =
        normalize_response_value(event_type, Value::Object(without_manifests))
    else {
        return;
    };
    for (name, value) in body {
        if !known.contains_key(name)
            && !value.is_null()
            && !MANIFEST_FIELDS.contains(&name.as_str())
        {
            verdict.notes.push(format!(
                "`{name}` is not a field of this answer; Avara ignores it"
            ));
        }
    }
}

fn judge_access(verdict: &mut Verdict, authorized: bool, nothing_given: &str) {
    verdict.authorized = Some(authorized);
    if authorized && verdict.urls.is_empty() && verdict.media.is_empty() {
        verdict
            .notes
            .push(format!("authorized, but {nothing_given}"));
    }
    if !authorized && verdict.error.is_none() {
        verdict
            .notes
            .push("access denied without an `error` reason to show the user".into());
    }
}

/// Judges each manifest of an access answer as the Viewer reads it; `study_uid` is the
/// study the event asked about, which a `study.access_requested` manifest must name.
fn judge_manifests(
    verdict: &mut Verdict,
    event_type: &str,
    body: &Map<String, Value>,
    study_uid: Option<&str>,
) {
    let present = |field: &str| body.get(field).filter(|value| !value.is_null());
    let checked: Vec<(String, &Value, Option<&str>)> = match event_type {
        StudyAccessRequestedResponse::EVENT_TYPE => present("manifest")
            .map(|manifest| ("manifest".to_owned(), manifest, study_uid))
            .into_iter()
            .collect(),
        EphemeralAccessRequestedResponse::EVENT_TYPE => match present("manifests") {
            Some(Value::Array(manifests)) => manifests
                .iter()
                .enumerate()
                .map(|(index, manifest)| (format!("manifests[{index}]"), manifest, None))
                .collect(),
            Some(_) => {
                verdict
                    .notes
                    .push("`manifests` is not an array; the Viewer ignores it".into());
                Vec::new()
            }
            None => Vec::new(),
        },
        _ => Vec::new(),
    };
    for (field, manifest, study_uid) in checked {
        let report = check_manifest(manifest, study_uid);
        if let (Some(named), Some(asked)) = (&report.other_study_uid, study_uid) {
            verdict.violations.push(format!(
                "{field}.studyInstanceUID is {named:?} but the requested study is {asked:?}"
            ));
        }
        verdict.manifests.push(ManifestVerdict { field, report });
    }
}

/// Reads the answer to `event_type`.
fn judge_body(verdict: &mut Verdict, event_type: &str, body: &[u8]) -> Result<(), WebhookError> {
    match event_type {
        StudyAccessRequestedResponse::EVENT_TYPE => {
            let answer = StudyAccessRequestedResponse::from_json(body)?;
            (verdict.urls, verdict.media, verdict.error) = (
                answer.urls,
                answer.media_urls.unwrap_or_default(),
                answer.error,
            );
            judge_access(
                verdict,
                answer.authorized,
                "no URLs were given: the Viewer has nothing to show",
            );
        }
        EphemeralAccessRequestedResponse::EVENT_TYPE => {
            let answer = EphemeralAccessRequestedResponse::from_json(body)?;
            (verdict.urls, verdict.media, verdict.error) = (
                answer.urls,
                answer.media_urls.unwrap_or_default(),
                answer.error,
            );
            judge_access(
                verdict,
                answer.authorized,
                "no URLs were given: the Viewer has nothing to show",
            );
        }
        SecondaryCaptureAccessRequestedResponse::EVENT_TYPE => {
            let answer = SecondaryCaptureAccessRequestedResponse::from_json(body)?;
            (verdict.urls, verdict.error) = (answer.upload_urls, answer.error);
            judge_access(
                verdict,
                answer.authorized,
                "no `uploadUrls` were given: the Viewer cannot upload",
            );
        }
        ReportDeliveredResponse::EVENT_TYPE => {
            if !ReportDeliveredResponse::from_json(body)?.success {
                verdict
                    .notes
                    .push("`success` is false: the report counts as not received".into());
            }
        }
        ModalityWorklistRequestedResponse::EVENT_TYPE => {
            let answer = ModalityWorklistRequestedResponse::from_json(body)?;
            verdict.authorized = Some(answer.authorized);
            verdict.error = answer.error;
            if !answer.authorized && verdict.error.is_none() {
                verdict
                    .notes
                    .push("the worklist query is refused without an `error` reason".into());
            }
        }
        PatientStudyEnrichmentRequestedResponse::EVENT_TYPE => {
            if PatientStudyEnrichmentRequestedResponse::from_json(body)?
                == PatientStudyEnrichmentRequestedResponse::empty()
            {
                verdict
                    .notes
                    .push("an empty answer: Avara keeps what the DICOM headers say".into());
            }
        }
        ClinicalContextEnrichmentRequestedResponse::EVENT_TYPE => {
            if ClinicalContextEnrichmentRequestedResponse::from_json(body)?
                == ClinicalContextEnrichmentRequestedResponse::empty()
            {
                verdict
                    .notes
                    .push("an empty answer: AutoScribe gets no clinical context".into());
            }
        }
        other => verdict
            .violations
            .push(format!("no answer is defined for the event type {other:?}")),
    }
    Ok(())
}

/// The answer to one delivery of `event_type`.
pub(crate) fn judge(event_type: &str, exchange: &Exchange, study_uid: Option<&str>) -> Verdict {
    let mut verdict = Verdict::default();
    let Some(parsed) = judge_envelope(exchange, &mut verdict) else {
        return verdict;
    };
    if let Err(error) = judge_body(&mut verdict, event_type, &exchange.body) {
        violation(&mut verdict, &error);
        if is_soft(event_type) {
            verdict
                .notes
                .push("Avara counts an invalid answer to this soft event as an empty one".into());
        }
        return verdict;
    }
    if let Value::Object(body) = &parsed {
        match event_type {
            StudyAccessRequestedResponse::EVENT_TYPE
            | EphemeralAccessRequestedResponse::EVENT_TYPE => {
                note_missing(&mut verdict, body, "urls")
            }
            SecondaryCaptureAccessRequestedResponse::EVENT_TYPE => {
                note_missing(&mut verdict, body, "uploadUrls")
            }
            ModalityWorklistRequestedResponse::EVENT_TYPE => {
                note_missing(&mut verdict, body, "items")
            }
            _ => {}
        }
        note_unknown_fields(&mut verdict, event_type, body);
        judge_manifests(&mut verdict, event_type, body, study_uid);
    }
    verdict
}

/// Enrichment events, whose failures Avara tolerates.
fn is_soft(event_type: &str) -> bool {
    event_type == PatientStudyEnrichmentRequestedResponse::EVENT_TYPE
        || event_type == ClinicalContextEnrichmentRequestedResponse::EVENT_TYPE
}

/// The answer to a delivery whose signature is wrong: the receiver must refuse it
/// with 401, and above all must not act on it.
pub(crate) fn judge_forged(exchange: &Exchange) -> Verdict {
    let mut verdict = Verdict::default();
    match (exchange.status, &exchange.failure) {
        (_, Some(failure)) => verdict.violations.push(format!("no answer from the endpoint: {failure}")),
        (Some(401), None) => {}
        (Some(status @ 200..=299), None) => verdict.violations.push(format!(
            "the endpoint accepted a delivery with a wrong signature (HTTP {status}); it must verify the \
             signature and answer 401"
        )),
        (status, None) => verdict.violations.push(format!(
            "the endpoint refused a delivery with a wrong signature with HTTP {}; the contract expects 401",
            status.unwrap_or(0)
        )),
    }
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn answer(status: u16, body: &str) -> Exchange {
        Exchange {
            status: Some(status),
            content_type: Some("application/json".into()),
            body: body.as_bytes().to_vec(),
            failure: None,
            elapsed: Duration::from_millis(3),
        }
    }

    fn study(exchange: &Exchange) -> Verdict {
        judge("study.access_requested", exchange, Some("1.2.3"))
    }

    #[test]
    fn a_good_answer_has_no_violations() {
        let verdict = study(&answer(
            200,
            r#"{"authorized":true,"urls":["https://s/1.dcm"]}"#,
        ));
        assert_eq!(verdict.authorized, Some(true));
        assert_eq!(verdict.urls, vec!["https://s/1.dcm"]);
        assert!(
            verdict.violations.is_empty() && verdict.notes.is_empty(),
            "{verdict:?}"
        );
    }

    #[test]
    fn contract_breaks_are_named() {
        let wrong_type = study(&answer(200, r#"{"authorized":"yes","urls":[]}"#));
        assert!(
            wrong_type.violations[0].contains("authorized"),
            "{wrong_type:?}"
        );
        let status = study(&answer(401, r#"{"error":"Invalid signature"}"#));
        assert_eq!(status.error.as_deref(), Some("Invalid signature"));
        assert!(status.violations[0].contains("HTTP 401"));
        let manifest = study(&answer(
            200,
            r#"{"authorized":true,"urls":["u"],"manifest":{"studyInstanceUID":"9.9","series":[]}}"#,
        ));
        assert!(
            manifest.violations[0].contains("manifest.studyInstanceUID"),
            "{manifest:?}"
        );
        let denied = study(&answer(
            200,
            r#"{"authorized":false,"error":"Study not found in PACS"}"#,
        ));
        assert_eq!(denied.authorized, Some(false));
        assert!(
            denied.violations.is_empty() && denied.notes[0].contains("`urls` is missing"),
            "{denied:?}"
        );
        let garbage = judge("ephemeral.access_requested", &answer(200, "<html>"), None);
        assert_eq!(
            garbage.violations,
            vec!["the body is not valid JSON".to_owned()]
        );
        let unreachable = Exchange {
            status: None,
            failure: Some("connection refused".into()),
            ..answer(0, "")
        };
        assert!(
            judge("report.delivered", &unreachable, None).violations[0]
                .contains("connection refused")
        );
    }

    #[test]
    fn every_event_type_is_judged_by_its_own_schema() {
        let wrong = [
            (
                "secondary_capture.access_requested",
                r#"{"authorized":true,"uploadUrls":"https://u"}"#,
                "uploadUrls",
            ),
            ("report.delivered", r#"{"success":"yes"}"#, "success"),
            (
                "modality_worklist.requested",
                r#"{"authorized":true,"items":[{"Modality":"CT"}]}"#,
                "items[0]",
            ),
            (
                "patient_study.enrichment_requested",
                r#"{"sex":"M"}"#,
                "sex",
            ),
            (
                "clinical_context.enrichment_requested",
                r#"{"technologistNotes":"none"}"#,
                "technologistNotes",
            ),
        ];
        for (event_type, body, field) in wrong {
            let verdict = judge(event_type, &answer(200, body), None);
            assert!(
                verdict.violations.len() == 1 && verdict.violations[0].contains(field),
                "{event_type}: {verdict:?}"
            );
        }
        let soft = judge(
            "patient_study.enrichment_requested",
            &answer(200, r#"{"sex":"M"}"#),
            None,
        );
        assert!(
            soft.notes[0].contains("counts an invalid answer to this soft event as an empty one"),
            "{soft:?}"
        );
        let unhelpful = judge(
            "report.delivered",
            &answer(201, r#"{"success":false,"sucess":true}"#),
            None,
        );
        assert!(unhelpful.violations.is_empty(), "{unhelpful:?}");
        assert_eq!(unhelpful.notes.len(), 3, "{unhelpful:?}");
        assert!(
            unhelpful
                .notes
                .iter()
                .any(|note| note.contains("`sucess` is not a field")),
            "{unhelpful:?}"
        );
    }

    fn ct_sop(uid: &str) -> Value {
        serde_json::json!({
            "sopClassUID": "1.2.840.10008.5.1.4.1.1.2", "sopInstanceUID": uid, "rows": 512, "columns": 512,
            "bitsAllocated": 16, "photometricInterpretation": "MONOCHROME2", "samplesPerPixel": 1,
        })
    }

    fn with_manifest(sops: Vec<Value>) -> Exchange {
        let series = serde_json::json!({
            "modality": "CT", "seriesDescription": "Axial", "seriesInstanceUID": "1.2.3.1", "seriesNumber": 1, "sops": sops,
        });
        let body = serde_json::json!({
            "authorized": true, "urls": ["u"], "manifest": {"studyInstanceUID": "1.2.3", "series": [series]}, "urlz": [],
        });
        answer(200, &body.to_string())
    }

    #[test]
    fn manifest_problems_are_notes_because_the_urls_still_load() {
        let mut bad = ct_sop("1.2.3.1.2");
        bad["photometricInterpretation"] = Value::from(2);
        let verdict = study(&with_manifest(vec![ct_sop("1.2.3.1.1"), bad]));
        assert!(verdict.violations.is_empty(), "{verdict:?}");
        assert_eq!(verdict.urls, vec!["u"]);
        let report = &verdict.manifests[0].report;
        assert_eq!(report.loaded.as_ref().unwrap().series[0].sops.len(), 1);
        assert_eq!(
            verdict.all_notes(),
            vec![
                "`urlz` is not a field of this answer; Avara ignores it".to_owned(),
                "manifest.series[0].sops[1].photometricInterpretation must be text, got 2; the Viewer skips that SOP"
                    .to_owned(),
            ]
        );
        assert_eq!(
            verdict.notes.len(),
            1,
            "manifest notes stay with their manifest: {verdict:?}"
        );

        let nothing = study(&with_manifest(vec![
            serde_json::json!({"sopClassUID": "1.2.840.10008.5.1.4.1.1.2"}),
        ]));
        assert!(nothing.violations.is_empty(), "{nothing:?}");
        let notes = nothing.all_notes();
        assert_eq!(
            notes[1],
            "manifest.series[0].sops holds no SOP that passes validation (at least one must); the Viewer skips that series"
        );
        assert_eq!(
            notes[3],
            "the Viewer ignores manifest and loads only the plain URLs: no series passes validation (at least one must)"
        );
    }

    #[test]
    fn thousands_of_skipped_sops_make_a_few_notes() {
        let broken: Vec<Value> = (0..1000)
            .map(|i| serde_json::json!({"sopClassUID": "1.2", "sopInstanceUID": format!("9.{i}")}))
            .collect();
        let verdict = study(&with_manifest([vec![ct_sop("1.2.3.1.1")], broken].concat()));
        let notes = verdict.manifests[0].notes();
        assert_eq!(notes.len(), NOTED_SKIPS + 1, "{notes:?}");
        assert_eq!(notes[NOTED_SKIPS], "manifest: 990 more parts are skipped");
        assert_eq!(verdict.manifests[0].report.skipped.len(), 1000);
    }

    #[test]
    fn each_ephemeral_manifest_is_judged_without_a_study_to_match() {
        let manifest = |study: &str| {
            serde_json::json!({"studyInstanceUID": study, "series": [{
                "modality": "CT", "seriesDescription": "Axial", "seriesInstanceUID": "1.1", "seriesNumber": "1", "sops": [ct_sop("1.1.1")],
            }]})
        };
        let body = serde_json::json!({"authorized": true, "urls": ["u"], "manifests": [manifest("4.5"), manifest("6.7"), {}]});
        let verdict = judge(
            "ephemeral.access_requested",
            &answer(200, &body.to_string()),
            None,
        );
        assert!(verdict.violations.is_empty(), "{verdict:?}");
        let fields: Vec<&str> = verdict
            .manifests
            .iter()
            .map(|manifest| manifest.field.as_str())
            .collect();
        assert_eq!(fields, ["manifests[0]", "manifests[1]", "manifests[2]"]);
        assert!(
            verdict.manifests[1].report.loaded.is_some()
                && verdict.manifests[2].report.loaded.is_none()
        );
        let not_a_list = r#"{"authorized":true,"urls":["u"],"manifests":{}}"#;
        let verdict = judge("ephemeral.access_requested", &answer(200, not_a_list), None);
        assert_eq!(
            verdict.notes,
            vec!["`manifests` is not an array; the Viewer ignores it".to_owned()]
        );
    }

    #[test]
    fn a_forged_delivery_must_be_refused_with_401() {
        assert!(judge_forged(&answer(401, "")).violations.is_empty());
        assert!(
            judge_forged(&answer(200, r#"{"authorized":true}"#)).violations[0].contains("accepted")
        );
        assert!(judge_forged(&answer(403, "")).violations[0].contains("HTTP 403"));
    }
}
