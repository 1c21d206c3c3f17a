//! Standard Webhooks, as the official SDKs verify it: `webhook-signature` holds
//! space-separated `v1,<base64 HMAC-SHA256>` entries over `id.timestamp.body`, with
//! `webhook-timestamp` in Unix seconds and a `whsec_<base64>` key.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::Mac;

use super::error::{ErrorCode, WebhookError};
use super::headers::{HeaderName, WebhookHeaders};
use super::secret::Secret;

pub(crate) struct Authentic {
    pub(crate) secret_index: usize,
    pub(crate) timestamp_ms: u64,
    pub(crate) webhook_id: String,
}

const MAX_ID_BYTES: usize = 256;

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
            "the request uses Standard Webhooks headers (webhook-signature), which need a \
             `whsec_<base64>` secret; none of the configured secrets has that form",
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

fn parse_id(text: &[u8]) -> Result<String, WebhookError> {
    let printable = text.iter().all(|b| b.is_ascii_graphic());
    if printable && text.len() <= MAX_ID_BYTES {
        // Printable ASCII is valid UTF-8.
        return Ok(String::from_utf8_lossy(text).into_owned());
    }
    Err(WebhookError::new(
        ErrorCode::MalformedId,
        format!(
            "webhook-id must be at most {MAX_ID_BYTES} printable ASCII characters without spaces"
        ),
    ))
}
