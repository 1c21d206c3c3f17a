//! Standard Webhooks, as the official SDKs verify it: `webhook-signature` holds
//! space-separated `v1,<base64 HMAC-SHA256>` entries over `id.timestamp.body`, with
//! `webhook-timestamp` in Unix seconds and a `whsec_<base64>` (or bare base64) key.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::Mac;

use super::error::{ErrorCode, WebhookError};
use super::headers::{HeaderName, WebhookHeaders};
use super::secret::{MIN_STANDARD_KEY_BYTES, Secret};

pub(crate) struct Authentic {
    pub(crate) secret_index: usize,
    pub(crate) timestamp_ms: u64,
    pub(crate) webhook_id: String,
}

pub(crate) fn verify(
    secrets: &[Secret],
    payload: &[u8],
    headers: &WebhookHeaders,
) -> Result<Authentic, WebhookError> {
    let signature_text = headers.single(HeaderName::WebhookSignature)?;
    let timestamp_text = headers.single(HeaderName::WebhookTimestamp)?;
    let id = headers.single(HeaderName::WebhookId)?;
    let signatures = parse_signatures(signature_text)?;
    let timestamp_seconds = parse_timestamp(timestamp_text)?;
    let webhook_id = parse_id(id)?;
    if secrets.iter().all(|secret| secret.standard_mac.is_none()) {
        return Err(WebhookError::new(
            ErrorCode::InvalidSecret,
            format!(
                "the request uses Standard Webhooks headers (webhook-signature), which need a \
                 Standard Webhooks key: `whsec_<base64>` or bare base64 of at least \
                 {MIN_STANDARD_KEY_BYTES} bytes; none of the configured secrets is one"
            ),
        ));
    }
    let secret_index = secrets
        .iter()
        .position(|secret| {
            let Some(keyed) = &secret.standard_mac else {
                return false;
            };
            let mut mac = keyed.clone();
            mac.update(webhook_id.as_bytes());
            mac.update(b".");
            mac.update(timestamp_text);
            mac.update(b".");
            mac.update(payload);
            let expected = mac.finalize().into_bytes();
            signatures.iter().any(|candidate| {
                use subtle::ConstantTimeEq;
                bool::from(candidate.as_slice().ct_eq(expected.as_slice()))
            })
        })
        .ok_or_else(|| {
            WebhookError::new(
                ErrorCode::SignatureMismatch,
                "no v1 entry of webhook-signature matches the body for any configured secret; \
                 verify the raw request bytes and check the secret",
            )
        })?;
    Ok(Authentic {
        secret_index,
        timestamp_ms: timestamp_seconds * 1000,
        webhook_id,
    })
}

fn parse_signatures(text: &[u8]) -> Result<Vec<Vec<u8>>, WebhookError> {
    let malformed = |hint: &str| {
        WebhookError::new(
            ErrorCode::MalformedSignature,
            format!("webhook-signature must be space-separated `v1,<base64>` entries; {hint}"),
        )
    };
    let text = std::str::from_utf8(text).map_err(|_| malformed("it contains non-UTF-8 bytes"))?;
    let signatures: Vec<Vec<u8>> = text
        .split(' ')
        .filter_map(|entry| entry.strip_prefix("v1,"))
        .filter_map(|encoded| BASE64.decode(encoded).ok())
        .filter(|decoded| decoded.len() == 32)
        .collect();
    if signatures.is_empty() {
        Err(malformed("no entry is a v1 signature of 32 bytes"))
    } else {
        Ok(signatures)
    }
}

fn parse_timestamp(text: &[u8]) -> Result<u64, WebhookError> {
    let all_digits = !text.is_empty() && text.iter().all(u8::is_ascii_digit);
    if all_digits && text[0] != b'0' && text.len() <= 12 {
        return Ok(text
            .iter()
            .fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0')));
    }
    let hint = if all_digits && text.len() == 13 {
        "it looks like milliseconds; Standard Webhooks uses seconds"
    } else if all_digits && text[0] == b'0' {
        "leading zeros are not allowed"
    } else if all_digits {
        "it has too many digits"
    } else {
        "it must contain only digits"
    };
    Err(WebhookError::new(
        ErrorCode::MalformedTimestamp,
        format!("webhook-timestamp must be Unix seconds; {hint}"),
    ))
}

/// Any text is an id, as the spec and every reference library have it; only its length
/// is bounded, by the HTTP server's limit on headers. It must be UTF-8 because it is
/// handed back as text for deduplication, where a lossy conversion could merge two ids.
fn parse_id(text: &[u8]) -> Result<String, WebhookError> {
    String::from_utf8(text.to_vec()).map_err(|_| {
        WebhookError::new(
            ErrorCode::MalformedId,
            "webhook-id must be UTF-8 text; it holds other bytes",
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::webhooks::{ErrorCode, Webhook, WebhookHeaders, sign_standard};

    const SECRET: &str = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    const NOW_MS: u64 = 1_767_225_600_000;

    fn verify_with_id(id: &[u8]) -> Result<Option<String>, ErrorCode> {
        let seconds = NOW_MS / 1000;
        let mut mac = crate::webhooks::secret::standard_key(SECRET, "test").unwrap();
        hmac::Mac::update(
            &mut mac,
            &[id, format!(".{seconds}.{{}}").as_bytes()].concat(),
        );
        let signature = base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            hmac::Mac::finalize(mac).into_bytes(),
        );
        let mut headers = WebhookHeaders::new();
        headers.insert("webhook-id", id);
        headers.insert("webhook-timestamp", seconds.to_string());
        headers.insert("webhook-signature", format!("v1,{signature}"));
        Webhook::new(SECRET)
            .unwrap()
            .with_fixed_clock(NOW_MS)
            .verify(b"{}", &headers)
            .map(|verified| verified.webhook_id)
            .map_err(|error| error.code())
    }

    #[test]
    fn any_text_is_an_id_however_long() {
        let long = "i".repeat(64 * 1024);
        assert_eq!(verify_with_id(long.as_bytes()), Ok(Some(long.clone())));
        assert_eq!(verify_with_id("\t→ x".as_bytes()), Ok(Some("\t→ x".into())));
        let signed = sign_standard(SECRET, &long, NOW_MS / 1000, b"{}").unwrap();
        assert_eq!(signed.webhook_id, long);
    }

    #[test]
    fn an_id_of_other_bytes_than_utf8_is_malformed() {
        assert_eq!(verify_with_id(b"msg_\xff"), Err(ErrorCode::MalformedId));
    }
}
