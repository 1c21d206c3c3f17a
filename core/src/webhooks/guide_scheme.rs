//! The integration guide's scheme: `X-Avara-Signature` = lowercase hex
//! HMAC-SHA256(secret, `X-Avara-Timestamp` text ‖ raw body), timestamp in Unix ms.

use hmac::Mac;

use super::error::{ErrorCode, WebhookError};
use super::headers::{HeaderName, WebhookHeaders};
use super::secret::Secret;

pub(crate) struct Authentic {
    pub(crate) secret_index: usize,
    pub(crate) timestamp_ms: u64,
}

pub(crate) fn verify(
    secrets: &[Secret],
    payload: &[u8],
    headers: &WebhookHeaders,
) -> Result<Authentic, WebhookError> {
    let signature_text = headers.single(HeaderName::AvaraSignature)?;
    let timestamp_text = headers.single(HeaderName::AvaraTimestamp)?;
    let signature = parse_signature(signature_text)?;
    let timestamp_ms = parse_timestamp(timestamp_text)?;
    let secret_index = secrets
        .iter()
        .position(|secret| {
            let mut mac = secret.guide_mac.clone();
            mac.update(timestamp_text);
            mac.update(payload);
            mac.verify_slice(&signature).is_ok()
        })
        .ok_or_else(|| {
            WebhookError::new(
                ErrorCode::SignatureMismatch,
                "X-Avara-Signature does not match the body for any configured secret; \
                 verify the raw request bytes (a re-serialized JSON body never matches) \
                 and check the secret",
            )
        })?;
    Ok(Authentic {
        secret_index,
        timestamp_ms,
    })
}

fn malformed_signature(hint: &str) -> WebhookError {
    WebhookError::new(
        ErrorCode::MalformedSignature,
        format!("X-Avara-Signature must be 64 lowercase hex characters; {hint}"),
    )
}

fn parse_signature(text: &[u8]) -> Result<[u8; 32], WebhookError> {
    let is_lower_hex = |b: &u8| matches!(b, b'0'..=b'9' | b'a'..=b'f');
    if text.len() == 64 && text.iter().all(is_lower_hex) {
        let mut decoded = [0u8; 32];
        for (byte, pair) in decoded.iter_mut().zip(text.chunks_exact(2)) {
            *byte = (hex_value(pair[0]) << 4) | hex_value(pair[1]);
        }
        return Ok(decoded);
    }
    let hint = if !text.is_ascii() {
        "it contains non-ASCII bytes".to_string()
    } else if text.starts_with(b"sha256=") {
        "remove the `sha256=` prefix (that is GitHub's format)".to_string()
    } else if text.starts_with(b"v1,") || text.starts_with(b"v1=") {
        "`v1,`/`v1=` prefixes belong to other schemes (Standard Webhooks sends webhook-signature)"
            .to_string()
    } else if text.contains(&b',') || text.contains(&b' ') {
        "it holds several values; send one signature and rotate secrets on the receiver".to_string()
    } else if text.len() == 64 && text.iter().all(u8::is_ascii_hexdigit) {
        "it contains uppercase hex; send the digest as lowercase hex".to_string()
    } else if text.len() == 44 && text.ends_with(b"=") {
        "it looks like base64; encode the digest as hex".to_string()
    } else {
        format!("got {} characters", text.len())
    };
    Err(malformed_signature(&hint))
}

fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        _ => digit - b'a' + 10,
    }
}

fn parse_timestamp(text: &[u8]) -> Result<u64, WebhookError> {
    let all_digits = !text.is_empty() && text.iter().all(u8::is_ascii_digit);
    if all_digits && text.len() == 13 && text[0] != b'0' {
        // 13 ASCII digits always fit in a u64.
        return Ok(text
            .iter()
            .fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0')));
    }
    let hint = if !text.is_ascii() {
        "it contains non-ASCII characters".to_string()
    } else if all_digits && text[0] == b'0' {
        "leading zeros are not allowed".to_string()
    } else if all_digits && text.len() <= 11 {
        "it looks like Unix seconds; send milliseconds (Date.now(), not Date.now()/1000)"
            .to_string()
    } else if all_digits && text.len() == 16 {
        "it looks like microseconds; send milliseconds".to_string()
    } else if all_digits {
        format!("it has {} digits", text.len())
    } else if text.iter().any(u8::is_ascii_whitespace) {
        "it contains whitespace".to_string()
    } else if text.starts_with(b"+") || text.starts_with(b"-") {
        "signs are not allowed".to_string()
    } else {
        "it contains characters other than digits".to_string()
    };
    Err(WebhookError::new(
        ErrorCode::MalformedTimestamp,
        format!("X-Avara-Timestamp must be Unix milliseconds as exactly 13 digits; {hint}"),
    ))
}
