//! The error every export raises; the Java facade turns it into its own exceptions.

use std::fmt;

use avara::webhooks::{ErrorCode, WebhookError};

/// Named so the generated Kotlin gets `AvaraException`; no field is called `message`,
/// which would clash with `Throwable.message` in Kotlin.
#[derive(Debug, uniffi::Error)]
pub enum AvaraError {
    /// A core webhook error: `code` is the stable `ErrorCode::as_str()`, `detail` the
    /// core's message.
    Rejected { code: String, detail: String },
    /// A value the core cannot take at all (a negative duration, say); Java raises
    /// `IllegalArgumentException` for it.
    InvalidArgument { detail: String },
}

impl AvaraError {
    pub(crate) fn schema(detail: impl fmt::Display) -> Self {
        AvaraError::Rejected {
            code: ErrorCode::SchemaError.as_str().to_owned(),
            detail: detail.to_string(),
        }
    }

    pub(crate) fn invalid_argument(detail: impl Into<String>) -> Self {
        AvaraError::InvalidArgument {
            detail: detail.into(),
        }
    }
}

impl From<WebhookError> for AvaraError {
    fn from(error: WebhookError) -> Self {
        AvaraError::Rejected {
            code: error.code().as_str().to_owned(),
            detail: error.message().to_owned(),
        }
    }
}

impl fmt::Display for AvaraError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AvaraError::Rejected { code, detail } => write!(f, "{code}: {detail}"),
            AvaraError::InvalidArgument { detail } => f.write_str(detail),
        }
    }
}

impl std::error::Error for AvaraError {}
