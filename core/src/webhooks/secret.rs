//! Webhook secrets: checked once when the verifier is built, then kept only as keyed
//! HMAC states so no code path can print them.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit};
use sha2::Sha256;

use super::error::{ErrorCode, WebhookError};

pub(crate) type HmacSha256 = Hmac<Sha256>;

pub(crate) const MIN_SECRET_BYTES: usize = 32;
const STANDARD_PREFIX: &str = "whsec_";

pub(crate) struct Secret {
    /// Keyed with the secret's UTF-8 bytes, verbatim (the integration guide's scheme).
    pub(crate) guide_mac: HmacSha256,
    /// Keyed with the base64 payload of a `whsec_…` secret (Standard Webhooks), if it is one.
    pub(crate) standard_mac: Option<HmacSha256>,
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([REDACTED])")
    }
}

fn invalid(label: &str, problem: String) -> WebhookError {
    WebhookError::new(ErrorCode::InvalidSecret, format!("{label} {problem}"))
}

impl Secret {
    /// `label` names the secret in messages ("the webhook secret", "webhook secret #2").
    pub(crate) fn parse(text: &str, label: &str) -> Result<Secret, WebhookError> {
        if text.is_empty() {
            return Err(invalid(
                label,
                "is empty; anyone could sign with an empty key".into(),
            ));
        }
        if text.trim() != text {
            return Err(invalid(
                label,
                "has leading or trailing whitespace (often a newline from an env file); \
                 remove it, the secret is used exactly as given"
                    .into(),
            ));
        }
        if text.len() < MIN_SECRET_BYTES {
            return Err(invalid(
                label,
                format!(
                    "is {} bytes long; HMAC-SHA256 keys need at least {MIN_SECRET_BYTES} bytes \
                     (copy the whole JWT secret from the API key's settings)",
                    text.len()
                ),
            ));
        }
        let standard_mac = text
            .strip_prefix(STANDARD_PREFIX)
            .and_then(|encoded| BASE64.decode(encoded).ok())
            .filter(|key| !key.is_empty())
            .map(|key| keyed(&key));
        Ok(Secret {
            guide_mac: keyed(text.as_bytes()),
            standard_mac,
        })
    }
}

pub(crate) fn keyed(key: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length, so this cannot fail.
    <HmacSha256 as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length")
}
