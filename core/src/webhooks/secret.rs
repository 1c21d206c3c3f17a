//! Webhook secrets: checked once when the verifier is built, then kept only as keyed
//! HMAC states so no code path can print them.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit};
use sha2::Sha256;

use super::error::{ErrorCode, WebhookError};

pub(crate) type HmacSha256 = Hmac<Sha256>;

/// The shortest secret, in bytes of text: the guide's scheme keys with the secret's text.
pub const MIN_SECRET_BYTES: usize = 32;
/// The shortest Standard Webhooks key (192 bits, the spec's minimum), counted on the
/// decoded key. The spec's upper end, 64 bytes, is not enforced: a longer key is no
/// weaker, and every reference library accepts one.
pub const MIN_STANDARD_KEY_BYTES: usize = 24;
const STANDARD_PREFIX: &str = "whsec_";

pub(crate) struct Secret {
    /// Keyed with the secret's UTF-8 bytes, verbatim (the integration guide's scheme).
    pub(crate) guide_mac: HmacSha256,
    /// Keyed with the decoded Standard Webhooks key, if the secret is one: `whsec_` and
    /// base64, or base64 alone.
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

/// Characters that are padding at either end of a secret rather than key material:
/// Unicode White_Space, plus the invisible format characters that copying from editors
/// and web pages leaves behind (byte order mark, zero-width space, non-joiner and
/// joiner, word joiner, and U+180E, White_Space before Unicode 6.3). Nobody types them
/// on purpose, and a key that silently includes one never verifies.
fn is_padding(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{180E}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// The rules every secret follows, whichever scheme it serves.
fn check_text(text: &str, label: &str) -> Result<(), WebhookError> {
    if text.is_empty() {
        return Err(invalid(
            label,
            "is empty; anyone could sign with an empty key".into(),
        ));
    }
    if text.starts_with(is_padding) || text.ends_with(is_padding) {
        return Err(invalid(
            label,
            "has whitespace or an invisible character at its start or end (a newline from an \
             env file, a byte order mark or a zero-width space from an editor or web page); \
             remove it, the secret is used exactly as given"
                .into(),
        ));
    }
    Ok(())
}

/// The key after `whsec_` (or of a bare base64 secret): padded base64 of at least
/// [`MIN_STANDARD_KEY_BYTES`].
fn decode_standard_key(encoded: &str, label: &str) -> Result<Vec<u8>, WebhookError> {
    let key = BASE64.decode(encoded).map_err(|_| {
        invalid(
            label,
            "is not a Standard Webhooks key: `whsec_` (or nothing) followed by the key in \
             padded base64 (A-Z, a-z, 0-9, +, /, then = to a multiple of 4 characters)"
                .into(),
        )
    })?;
    if key.len() < MIN_STANDARD_KEY_BYTES {
        return Err(invalid(
            label,
            format!(
                "holds a Standard Webhooks key of {} bytes; keys need at least \
                 {MIN_STANDARD_KEY_BYTES} bytes after base64 decoding (the spec asks for 24 \
                 to 64; `whsec_` and 32 base64 characters make 24)",
                key.len()
            ),
        ));
    }
    Ok(key)
}

impl Secret {
    /// `label` names the secret in messages ("the webhook secret", "webhook secret #2").
    pub(crate) fn parse(text: &str, label: &str) -> Result<Secret, WebhookError> {
        check_text(text, label)?;
        let guide_mac = keyed(text.as_bytes());
        if let Some(encoded) = text.strip_prefix(STANDARD_PREFIX) {
            let key = decode_standard_key(encoded, label)?;
            return Ok(Secret {
                guide_mac,
                standard_mac: Some(keyed(&key)),
            });
        }
        if text.len() < MIN_SECRET_BYTES {
            return Err(invalid(
                label,
                format!(
                    "is {} bytes long; HMAC-SHA256 keys need at least {MIN_SECRET_BYTES} bytes \
                     (copy the whole JWT secret from the API key's settings), or a Standard \
                     Webhooks key at least {MIN_STANDARD_KEY_BYTES} bytes long as \
                     `whsec_<base64>`",
                    text.len()
                ),
            ));
        }
        // Without the prefix a secret may still be a bare Standard Webhooks key, as the
        // reference libraries accept; text that is no such key serves the guide's scheme only.
        let standard_mac = decode_standard_key(text, label).ok().map(|key| keyed(&key));
        Ok(Secret {
            guide_mac,
            standard_mac,
        })
    }
}

/// The Standard Webhooks key of a secret (`whsec_<base64>` or bare base64), under the
/// same rules as a verifier's secret.
pub(crate) fn standard_key(text: &str, label: &str) -> Result<HmacSha256, WebhookError> {
    check_text(text, label)?;
    let encoded = text.strip_prefix(STANDARD_PREFIX).unwrap_or(text);
    decode_standard_key(encoded, label).map(|key| keyed(&key))
}

pub(crate) fn keyed(key: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length, so this cannot fail.
    <HmacSha256 as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length")
}
