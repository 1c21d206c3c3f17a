//! Signing, for senders, tests and the local emulator.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::Mac;

use super::error::{ErrorCode, WebhookError};
use super::secret::keyed;

/// The guide's `X-Avara-Signature`: lowercase hex HMAC-SHA256(secret, timestamp ‖ payload).
///
/// `timestamp` is the exact `X-Avara-Timestamp` text. No secret rules apply here, so
/// known-answer tests can use any key.
pub fn sign(secret: &[u8], timestamp: &str, payload: &[u8]) -> String {
    let mut mac = keyed(secret);
    mac.update(timestamp.as_bytes());
    mac.update(payload);
    let digest = mac.finalize().into_bytes();
    let mut hex = String::with_capacity(64);
    for byte in digest {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        hex.push(char::from(DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    hex
}

/// A Standard Webhooks `webhook-signature` entry (`v1,<base64>`) for a `whsec_…` secret.
pub fn sign_standard(
    secret: &str,
    webhook_id: &str,
    timestamp_seconds: u64,
    payload: &[u8],
) -> Result<String, WebhookError> {
    let key = secret
        .strip_prefix("whsec_")
        .and_then(|encoded| BASE64.decode(encoded).ok())
        .ok_or_else(|| {
            WebhookError::new(
                ErrorCode::InvalidSecret,
                "Standard Webhooks signing needs a `whsec_<base64>` secret",
            )
        })?;
    let mut mac = keyed(&key);
    mac.update(format!("{webhook_id}.{timestamp_seconds}.").as_bytes());
    mac.update(payload);
    Ok(format!("v1,{}", BASE64.encode(mac.finalize().into_bytes())))
}
