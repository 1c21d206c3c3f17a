//! Judging a receiver's answer against the contract, as the Viewer would read it.

use avara::webhooks::parse_strict_json;
use avara::webhooks::responses::{
    EphemeralAccessRequestedResponse, MediaUrl, StudyAccessRequestedResponse,
};
use serde_json::Value;

use crate::delivery::Exchange;

/// The answer as understood, plus everything that breaks the contract (`violations`)
/// or is allowed but worth knowing (`notes`).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Verdict {
    /// `None` when no valid answer arrived.
    pub authorized: Option<bool>,
    pub urls: Vec<String>,
    pub media: Vec<MediaUrl>,
    /// The receiver's stated reason (from a valid answer or an error body).
    pub error: Option<String>,
    pub violations: Vec<String>,
    pub notes: Vec<String>,
}

/// Status, content type and the `urls` rule, common to both access events. False when
/// there is no JSON answer to read.
fn judge_envelope(exchange: &Exchange, verdict: &mut Verdict) -> bool {
    if let Some(failure) = &exchange.failure {
        verdict.violations.push(format!("no answer from the endpoint: {failure}"));
        return false;
    }
    let status = exchange.status.unwrap_or(0);
    let parsed = parse_strict_json(&exchange.body).ok();
    if !(200..300).contains(&status) {
        verdict
            .violations
            .push(format!("the endpoint answered HTTP {status}; the contract expects 200 with a JSON body"));
        verdict.error = parsed.as_ref().and_then(|body| body.get("error")).and_then(Value::as_str).map(str::to_owned);
        return false;
    }
    let json_type = exchange.content_type.as_deref().is_some_and(|value| value.to_ascii_lowercase().contains("json"));
    if !json_type {
        let shown = exchange.content_type.as_deref().unwrap_or("none");
        verdict.notes.push(format!("Content-Type is {shown:?}; application/json is expected"));
    }
    let Some(parsed) = parsed else {
        verdict.violations.push("the body is not valid JSON".into());
        return false;
    };
    if parsed.get("urls").is_none() {
        verdict.notes.push(
            "`urls` is missing: the SDK types require it; the integration guide leaves it out when access is denied"
                .into(),
        );
    }
    true
}

fn judge_urls(verdict: &mut Verdict) {
    if verdict.authorized == Some(true) && verdict.urls.is_empty() && verdict.media.is_empty() {
        verdict.notes.push("authorized, but no URLs were given: the Viewer has nothing to show".into());
    }
    if verdict.authorized == Some(false) && verdict.error.is_none() {
        verdict.notes.push("access denied without an `error` reason to show the user".into());
    }
}

/// Records a valid answer's fields, then notes what is allowed but unhelpful.
fn accept(verdict: &mut Verdict, authorized: bool, urls: Vec<String>, media: Option<Vec<MediaUrl>>, error: Option<String>) {
    verdict.authorized = Some(authorized);
    verdict.urls = urls;
    verdict.media = media.unwrap_or_default();
    verdict.error = error;
    judge_urls(verdict);
}

/// The answer to `study.access_requested` for the study `study_uid`.
pub(crate) fn judge_study(exchange: &Exchange, study_uid: &str) -> Verdict {
    let mut verdict = Verdict::default();
    if !judge_envelope(exchange, &mut verdict) {
        return verdict;
    }
    match StudyAccessRequestedResponse::from_json(&exchange.body) {
        Err(error) => verdict.violations.push(format!("{} ({})", error.message(), error.code().as_str())),
        Ok(answer) => {
            if let Some(manifest) = answer.manifest.as_ref().filter(|m| m.study_instance_uid != study_uid) {
                verdict.violations.push(format!(
                    "manifest.studyInstanceUID is {:?} but the requested study is {study_uid:?}",
                    manifest.study_instance_uid
                ));
            }
            accept(&mut verdict, answer.authorized, answer.urls, answer.media_urls, answer.error);
        }
    }
    verdict
}

/// The answer to `ephemeral.access_requested`.
pub(crate) fn judge_ephemeral(exchange: &Exchange) -> Verdict {
    let mut verdict = Verdict::default();
    if !judge_envelope(exchange, &mut verdict) {
        return verdict;
    }
    match EphemeralAccessRequestedResponse::from_json(&exchange.body) {
        Err(error) => verdict.violations.push(format!("{} ({})", error.message(), error.code().as_str())),
        Ok(answer) => accept(&mut verdict, answer.authorized, answer.urls, answer.media_urls, answer.error),
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

    #[test]
    fn a_good_answer_has_no_violations() {
        let verdict = judge_study(&answer(200, r#"{"authorized":true,"urls":["https://s/1.dcm"]}"#), "1.2.3");
        assert_eq!(verdict.authorized, Some(true));
        assert_eq!(verdict.urls, vec!["https://s/1.dcm"]);
        assert!(verdict.violations.is_empty() && verdict.notes.is_empty(), "{verdict:?}");
    }

    #[test]
    fn contract_breaks_are_named() {
        let wrong_type = judge_study(&answer(200, r#"{"authorized":"yes","urls":[]}"#), "1.2.3");
        assert!(wrong_type.violations[0].contains("authorized"), "{wrong_type:?}");
        let status = judge_study(&answer(401, r#"{"error":"Invalid signature"}"#), "1.2.3");
        assert_eq!(status.error.as_deref(), Some("Invalid signature"));
        assert!(status.violations[0].contains("HTTP 401"));
        let manifest = judge_study(
            &answer(200, r#"{"authorized":true,"urls":["u"],"manifest":{"studyInstanceUID":"9.9","series":[]}}"#),
            "1.2.3",
        );
        assert!(manifest.violations[0].contains("manifest.studyInstanceUID"), "{manifest:?}");
        let denied = judge_study(&answer(200, r#"{"authorized":false,"error":"Study not found in PACS"}"#), "1.2.3");
        assert_eq!(denied.authorized, Some(false));
        assert!(denied.violations.is_empty() && denied.notes[0].contains("`urls` is missing"), "{denied:?}");
        let garbage = judge_ephemeral(&answer(200, "<html>"));
        assert_eq!(garbage.violations, vec!["the body is not valid JSON".to_owned()]);
        let unreachable = Exchange { status: None, failure: Some("connection refused".into()), ..answer(0, "") };
        assert!(judge_ephemeral(&unreachable).violations[0].contains("connection refused"));
    }
}
