//! The one error type of webhook verification and parsing, with stable `code` strings.

use std::fmt;

/// Stable identifier of a failure; bindings expose [`ErrorCode::as_str`] as `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    MissingSignature,
    MissingTimestamp,
    MissingId,
    DuplicateHeader,
    MalformedSignature,
    MalformedTimestamp,
    MalformedId,
    SignatureMismatch,
    TimestampTooOld,
    TimestampTooNew,
    PayloadTooLarge,
    InvalidSecret,
    PayloadNotRaw,
    InvalidPayload,
    SchemaError,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 15] = [
        ErrorCode::MissingSignature,
        ErrorCode::MissingTimestamp,
        ErrorCode::MissingId,
        ErrorCode::DuplicateHeader,
        ErrorCode::MalformedSignature,
        ErrorCode::MalformedTimestamp,
        ErrorCode::MalformedId,
        ErrorCode::SignatureMismatch,
        ErrorCode::TimestampTooOld,
        ErrorCode::TimestampTooNew,
        ErrorCode::PayloadTooLarge,
        ErrorCode::InvalidSecret,
        ErrorCode::PayloadNotRaw,
        ErrorCode::InvalidPayload,
        ErrorCode::SchemaError,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MissingSignature => "missing_signature",
            ErrorCode::MissingTimestamp => "missing_timestamp",
            ErrorCode::MissingId => "missing_id",
            ErrorCode::DuplicateHeader => "duplicate_header",
            ErrorCode::MalformedSignature => "malformed_signature",
            ErrorCode::MalformedTimestamp => "malformed_timestamp",
            ErrorCode::MalformedId => "malformed_id",
            ErrorCode::SignatureMismatch => "signature_mismatch",
            ErrorCode::TimestampTooOld => "timestamp_too_old",
            ErrorCode::TimestampTooNew => "timestamp_too_new",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::InvalidSecret => "invalid_secret",
            ErrorCode::PayloadNotRaw => "payload_not_raw",
            ErrorCode::InvalidPayload => "invalid_payload",
            ErrorCode::SchemaError => "schema_error",
        }
    }

    /// True for failures of the signature check itself, false for parsing and configuration.
    pub fn is_verification_failure(self) -> bool {
        !matches!(
            self,
            ErrorCode::InvalidSecret
                | ErrorCode::PayloadNotRaw
                | ErrorCode::InvalidPayload
                | ErrorCode::SchemaError
        )
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A webhook could not be verified or parsed, or the verifier was misconfigured.
///
/// The message names the header or field at fault and never contains a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookError {
    code: ErrorCode,
    message: String,
}

impl WebhookError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    pub fn code(&self) -> ErrorCode {
        self.code
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for WebhookError {}
