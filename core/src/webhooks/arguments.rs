//! The errors a binding raises for an argument it cannot hand to the core: a secret or a
//! body of another type, text without a UTF-8 form, headers in a form that holds no
//! header lines (ARCHITECTURE.md, "Wrong-typed or unusable input"). They are worded here
//! so every language says the same; a binding adds only its own names of types. No
//! message holds the value: it may be a secret or a patient's data.

use super::error::{ErrorCode, WebhookError};

/// How messages name `sign`'s secret.
pub const SIGNING_SECRET: &str = "the signing secret";

/// How messages name a verifier's secret: `None` for a single one, `Some(index)` for an
/// item of a list (counted from 1 in the message).
pub fn secret_label(position: Option<usize>) -> String {
    match position {
        None => "the webhook secret".to_owned(),
        Some(index) => format!("webhook secret #{}", index + 1),
    }
}

/// A secret handed over as a value of another type. `expected` and `received` are the
/// binding's names of types ("a string", "an int").
pub fn secret_wrong_type(label: &str, expected: &str, received: &str) -> WebhookError {
    WebhookError::new(
        ErrorCode::InvalidSecret,
        format!("{label} must be {expected}, got {received}"),
    )
}

/// A secret left out: `null`, `None`, `undefined`, or never set.
pub fn secret_missing(label: &str) -> WebhookError {
    WebhookError::new(
        ErrorCode::InvalidSecret,
        format!(
            "{label} is missing; an unset environment variable is the usual cause \
             (copy the JWT secret from the API key's settings)"
        ),
    )
}

/// A secret whose text has no UTF-8 form, so it cannot be the key Avara signs with.
pub fn secret_not_unicode(label: &str) -> WebhookError {
    WebhookError::new(
        ErrorCode::InvalidSecret,
        format!(
            "{label} holds an unpaired UTF-16 surrogate, which has no UTF-8 form; \
             copy the secret again"
        ),
    )
}

/// The body handed over as something other than its raw bytes (or their text).
pub fn payload_not_raw(received: &str) -> WebhookError {
    WebhookError::new(
        ErrorCode::PayloadNotRaw,
        format!(
            "the payload must be the raw request body as bytes (or a string), got {received}; \
             signatures cover the exact bytes, so a parsed and re-serialized body never \
             verifies (use express.raw(), request.get_data() or @RequestBody byte[])"
        ),
    )
}

/// A body given as text that has no UTF-8 form: it cannot be the bytes that were signed.
pub fn payload_not_unicode() -> WebhookError {
    payload_not_raw(
        "text holding an unpaired UTF-16 surrogate, which has no UTF-8 form (pass the body \
         as bytes)",
    )
}

/// Headers in a form that holds no header lines, or a header the core reads whose name
/// or value is not text. `problem` says what was found, by type.
pub fn headers_not_raw(problem: &str) -> WebhookError {
    WebhookError::new(
        ErrorCode::PayloadNotRaw,
        format!(
            "the headers must be the request's header lines: a map of names to text or \
             bytes (a list of them for a repeated header) or a list of (name, value) pairs; \
             {problem}"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_errors_name_the_secret_and_its_position() {
        for error in [
            secret_wrong_type(&secret_label(Some(1)), "a string", "a number"),
            secret_missing(&secret_label(Some(1))),
            secret_not_unicode(&secret_label(Some(1))),
        ] {
            assert_eq!(error.code(), ErrorCode::InvalidSecret);
            assert!(error.message().starts_with("webhook secret #2 "), "{error}");
        }
        assert!(
            secret_missing(&secret_label(None))
                .message()
                .starts_with("the webhook secret is missing")
        );
    }

    #[test]
    fn body_and_header_errors_share_payload_not_raw() {
        assert_eq!(payload_not_unicode().code(), ErrorCode::PayloadNotRaw);
        let headers = headers_not_raw("got a number as the value of X-Avara-Signature");
        assert_eq!(headers.code(), ErrorCode::PayloadNotRaw);
        assert!(
            headers.message().ends_with("X-Avara-Signature"),
            "{headers}"
        );
    }
}
