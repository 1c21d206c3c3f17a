//! The one place where core errors become Python exceptions.
//!
//! The exception classes are defined in Python (`avara/_errors.py`) so they can carry
//! docstrings and ordinary attributes; they are looked up once and raised from here.

use avara::webhooks::{ErrorCode, WebhookError};
use pyo3::PyErr;

pyo3::import_exception!(avara._errors, WebhookVerificationError);
pyo3::import_exception!(avara._errors, PayloadNotRawError);

/// Converts a core error, keeping its stable `code` and its message.
pub(crate) fn to_py(error: WebhookError) -> PyErr {
    let args = (error.code().as_str(), error.message().to_owned());
    match error.code() {
        // A wrong argument type is also a TypeError in Python's idiom.
        ErrorCode::PayloadNotRaw => PayloadNotRawError::new_err(args),
        _ => WebhookVerificationError::new_err(args),
    }
}
