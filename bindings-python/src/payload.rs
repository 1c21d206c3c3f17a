//! Request bodies as handed over by Python: the exact bytes, never a parsed object.

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};

use crate::error::to_py;

/// A body taken from a Python object.
///
/// `bytes` and `str` are read in place: both are immutable, so the slice stays valid
/// even while the GIL is released. `bytearray` and `memoryview` can change under us
/// (and the buffer protocol is not in the 3.10 limited API), so they are copied once.
pub(crate) enum RawBody<'py> {
    Bytes(Bound<'py, PyBytes>),
    Text(Bound<'py, PyString>),
    Copied(Vec<u8>),
}

impl<'py> RawBody<'py> {
    pub(crate) fn extract(payload: &Bound<'py, PyAny>) -> PyResult<Self> {
        if let Ok(bytes) = payload.cast::<PyBytes>() {
            Ok(RawBody::Bytes(bytes.clone()))
        } else if let Ok(text) = payload.cast::<PyString>() {
            Ok(RawBody::Text(text.clone()))
        } else if let Ok(array) = payload.cast::<PyByteArray>() {
            Ok(RawBody::Copied(array.to_vec()))
        } else if payload.is_instance_of::<PyMemoryView>() {
            let copy = payload.call_method0("tobytes")?.cast_into::<PyBytes>()?;
            Ok(RawBody::Bytes(copy))
        } else {
            Err(to_py(avara::webhooks::payload_not_raw(&describe(payload))))
        }
    }

    /// The bytes the signature covers; a `str` counts as its UTF-8 encoding.
    pub(crate) fn bytes(&self) -> PyResult<&[u8]> {
        match self {
            RawBody::Bytes(bytes) => Ok(bytes.as_bytes()),
            RawBody::Text(text) => text
                .to_str()
                .map(str::as_bytes)
                .map_err(|_| to_py(avara::webhooks::payload_not_unicode())),
            RawBody::Copied(bytes) => Ok(bytes),
        }
    }
}

/// Names what was received, for messages: "None", "a dict", "an int".
pub(crate) fn describe(value: &Bound<'_, PyAny>) -> String {
    if value.is_none() {
        return "None".to_owned();
    }
    let name = value
        .get_type()
        .qualname()
        .map_or_else(|_| "object".to_owned(), |name| name.to_string());
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}
