//! Receiver responses, for the generated model classes in `avara/_models.py`.

use avara::webhooks::responses;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::error::to_py;
use crate::json::{from_python, to_python};

/// Runs the core constructor `constructor` (`authorized`, `denied`, `acknowledged`,
/// `empty`) of `event_type`'s response with positional `args`; returns the response body.
#[pyfunction]
pub(crate) fn construct_response<'py>(
    py: Python<'py>,
    event_type: &str,
    constructor: &str,
    args: &Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = args
        .iter()
        .enumerate()
        .map(|(index, arg)| from_python(&arg, &format!("args[{index}]")))
        .collect::<PyResult<Vec<_>>>()?;
    let body = responses::construct(event_type, constructor, args).map_err(to_py)?;
    to_python(py, &body)
}

/// Checks a response body against the contract and returns its canonical form
/// (unknown fields dropped, defaults filled in).
#[pyfunction]
pub(crate) fn normalize_response<'py>(
    py: Python<'py>,
    event_type: &str,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let body = from_python(body, "body")?;
    let canonical = responses::normalize_response_value(event_type, body).map_err(to_py)?;
    to_python(py, &canonical)
}

/// The canonical response body as compact JSON text, ready to send.
#[pyfunction]
pub(crate) fn response_to_json(event_type: &str, body: &Bound<'_, PyAny>) -> PyResult<String> {
    let body = from_python(body, "body")?;
    let canonical = responses::normalize_response_value(event_type, body).map_err(to_py)?;
    Ok(canonical.to_string())
}
