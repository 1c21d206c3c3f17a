//! Signing, for senders, tests and the local emulator.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::Mac;

use super::arguments::SIGNING_SECRET;
use super::error::WebhookError;
use super::headers::HeaderName;
use super::secret::{keyed, standard_key};

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

/// The headers of a Standard Webhooks delivery, as [`sign_standard`] makes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandardHeaders {
    /// `webhook-id`: the id, as given.
    pub webhook_id: String,
    /// `webhook-timestamp`: Unix seconds in decimal.
    pub webhook_timestamp: String,
    /// `webhook-signature`: one `v1,<base64>` entry.
    pub webhook_signature: String,
}

impl StandardHeaders {
    /// `(name, value)` for each header, in the order the spec lists them.
    pub fn pairs(&self) -> [(&'static str, &str); 3] {
        [
            (HeaderName::WebhookId.as_str(), &self.webhook_id),
            (
                HeaderName::WebhookTimestamp.as_str(),
                &self.webhook_timestamp,
            ),
            (
                HeaderName::WebhookSignature.as_str(),
                &self.webhook_signature,
            ),
        ]
    }
}

/// Signs a delivery with Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`, keyed
/// with the decoded key of `secret` (`whsec_<base64>` or bare base64).
///
/// The secret follows the verifier's rules for a Standard Webhooks key (at least 24
/// bytes, no padding at either end), so what signs also verifies; a bad one is
/// `invalid_secret`. As with [`sign`]'s timestamp, the id and the timestamp are signed
/// as given and left to the verifier to judge.
pub fn sign_standard(
    secret: &str,
    webhook_id: &str,
    timestamp_seconds: u64,
    payload: &[u8],
) -> Result<StandardHeaders, WebhookError> {
    let mut mac = standard_key(secret, SIGNING_SECRET)?;
    let webhook_timestamp = timestamp_seconds.to_string();
    mac.update(webhook_id.as_bytes());
    mac.update(b".");
    mac.update(webhook_timestamp.as_bytes());
    mac.update(b".");
    mac.update(payload);
    Ok(StandardHeaders {
        webhook_id: webhook_id.to_owned(),
        webhook_timestamp,
        webhook_signature: format!("v1,{}", BASE64.encode(mac.finalize().into_bytes())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webhooks::{ErrorCode, Scheme, Webhook, WebhookHeaders};

    const KEY: &str = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    #[test]
    fn what_signs_verifies_with_the_prefix_or_without() {
        for secret in [format!("whsec_{KEY}"), KEY.to_owned()] {
            let signed = sign_standard(&secret, "msg é 1.2", 1_767_225_600, b"{}").unwrap();
            let headers: WebhookHeaders = signed.pairs().into_iter().collect();
            let verified = Webhook::new(&secret)
                .unwrap()
                .with_fixed_clock(1_767_225_600_000)
                .verify(b"{}", &headers)
                .unwrap();
            assert_eq!(verified.scheme, Scheme::Standard);
            assert_eq!(verified.webhook_id.as_deref(), Some("msg é 1.2"));
            assert_eq!(signed.webhook_timestamp, "1767225600");
        }
    }

    #[test]
    fn a_short_key_is_refused_with_the_bound() {
        let error = sign_standard("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA", "msg", 1, b"").unwrap_err();
        assert_eq!(error.code(), ErrorCode::InvalidSecret);
        assert!(error.message().contains("key of 21 bytes"), "{error}");
        assert!(error.message().contains("at least 24 bytes"), "{error}");
        assert!(!error.message().contains("AAAA"), "{error}");
    }
}
