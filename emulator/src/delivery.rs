//! Signed webhook deliveries to a key's study data endpoint.

use std::time::{Duration, Instant};

use avara::webhooks::{Scheme, sign, sign_standard};
use serde::Serialize;

/// Receivers' answers above this size are cut off.
const MAX_ANSWER_BYTES: u64 = 1024 * 1024;

/// The envelope in the contract's key order: `id`, `type`, `data`.
#[derive(Serialize)]
struct Envelope<'a, D: Serialize> {
    id: &'a str,
    #[serde(rename = "type")]
    event_type: &'a str,
    data: &'a D,
}

/// The compact JSON body of one event.
pub(crate) fn event_body<D: Serialize>(id: &str, event_type: &str, data: &D) -> String {
    // Event data types hold only strings and JSON values; serializing cannot fail.
    serde_json::to_string(&Envelope {
        id,
        event_type,
        data,
    })
    .unwrap_or_default()
}

/// The signature headers for `body`: the guide's `X-Avara-*` (timestamp in ms),
/// Standard Webhooks' `webhook-*` (timestamp in s, `id` as `webhook-id`), or both.
pub(crate) fn signature_headers(
    scheme: Scheme,
    secret: &str,
    id: &str,
    body: &str,
    now_ms: u64,
) -> Result<Vec<(&'static str, String)>, String> {
    let mut headers = Vec::new();
    if scheme != Scheme::Standard {
        let timestamp = now_ms.to_string();
        headers.push((
            "X-Avara-Signature",
            sign(secret.as_bytes(), &timestamp, body.as_bytes()),
        ));
        headers.push(("X-Avara-Timestamp", timestamp));
    }
    if scheme != Scheme::Guide {
        let standard = sign_standard(secret, id, now_ms / 1000, body.as_bytes())
            .map_err(|error| error.message().to_owned())?;
        headers.extend(
            standard
                .pairs()
                .map(|(name, value)| (name, value.to_owned())),
        );
    }
    Ok(headers)
}

/// What came back from a delivery.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Exchange {
    pub status: Option<u16>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    /// Why there is no answer (connection refused, timeout, ...).
    pub failure: Option<String>,
    pub elapsed: Duration,
}

/// An agent that posts straight to the endpoint: no proxy from the environment, no
/// redirects (a receiver must answer itself), any status returned as an answer.
pub(crate) fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .proxy(None)
        .user_agent(concat!("Avara-Emulator/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

pub(crate) fn post(
    agent: &ureq::Agent,
    url: &str,
    headers: &[(&'static str, String)],
    body: &str,
) -> Exchange {
    let started = Instant::now();
    let mut request = agent.post(url).header("content-type", "application/json");
    for (name, value) in headers {
        request = request.header(*name, value.as_str());
    }
    match request.send(body) {
        Err(error) => Exchange {
            status: None,
            content_type: None,
            body: Vec::new(),
            failure: Some(error.to_string()),
            elapsed: started.elapsed(),
        },
        Ok(mut response) => {
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned);
            let read = response
                .body_mut()
                .with_config()
                .limit(MAX_ANSWER_BYTES)
                .read_to_vec();
            let (body, failure) = match read {
                Ok(body) => (body, None),
                Err(error) => (
                    Vec::new(),
                    Some(format!("reading the answer failed: {error}")),
                ),
            };
            Exchange {
                status: Some(status),
                content_type,
                body,
                failure,
                elapsed: started.elapsed(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use avara::webhooks::{Webhook, WebhookHeaders};

    const SECRET: &str = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    #[test]
    fn envelope_keeps_the_contract_order() {
        let data = serde_json::json!({"retrievalId": "r1"});
        assert_eq!(
            event_body("whe_1", "ephemeral.access_requested", &data),
            r#"{"id":"whe_1","type":"ephemeral.access_requested","data":{"retrievalId":"r1"}}"#
        );
    }

    #[test]
    fn every_scheme_verifies_with_the_core() {
        let body = r#"{"id":"whe_0123456789abcdef0123456789abcdef","type":"x","data":{}}"#;
        let now_ms = 1_767_225_600_123;
        for scheme in [Scheme::Guide, Scheme::Standard, Scheme::Both] {
            let headers = signature_headers(
                scheme,
                SECRET,
                "whe_0123456789abcdef0123456789abcdef",
                body,
                now_ms,
            )
            .unwrap();
            let received: WebhookHeaders = headers
                .iter()
                .map(|(name, value)| (*name, value.as_bytes()))
                .collect();
            let verified = Webhook::new(SECRET)
                .unwrap()
                .verify_at(body.as_bytes(), &received, now_ms)
                .unwrap();
            assert_eq!(verified.scheme, scheme);
        }
        assert!(
            signature_headers(
                Scheme::Standard,
                &"not_base64_".repeat(4),
                "whe_1",
                body,
                now_ms
            )
            .is_err()
        );
    }
}
