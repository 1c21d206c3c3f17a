//! Arguments that are not bodies or headers, as Python passes them (ARCHITECTURE.md,
//! "Wrong-typed or unusable input"): secrets, whose every problem is `invalid_secret`,
//! and counts, whose problems are Python's own `TypeError` and `ValueError`.

use avara::webhooks::{secret_missing, secret_not_unicode, secret_wrong_type};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyString};

use crate::error::to_py;
use crate::payload::describe;

/// The text of a secret named `label` in messages; `expected` names the types accepted.
/// `None` usually comes from an unset environment variable, so it is named as missing.
pub(crate) fn secret_text(
    value: &Bound<'_, PyAny>,
    label: &str,
    expected: &str,
) -> PyResult<String> {
    if let Ok(text) = value.cast::<PyString>() {
        // Python's own UnicodeEncodeError would carry the whole secret in its repr.
        return text
            .to_str()
            .map(str::to_owned)
            .map_err(|_| to_py(secret_not_unicode(label)));
    }
    Err(to_py(if value.is_none() {
        secret_missing(label)
    } else {
        secret_wrong_type(label, expected, &describe(value))
    }))
}

/// A count (milliseconds, bytes): an `int` from 0 up. `bool` is an `int` subclass in
/// Python, but `True` is never meant as a count.
pub(crate) fn count(name: &str, value: &Bound<'_, PyAny>) -> PyResult<u64> {
    if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be an int, got {}",
            describe(value)
        )));
    }
    value.extract().map_err(|_| {
        PyValueError::new_err(format!("{name} must be from 0 to 2**64 - 1, got {value}"))
    })
}
