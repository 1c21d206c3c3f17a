//! The manifest builder: `(url, bytes)` pairs or files in, the built manifest's wire form
//! out. Headers are read and parsed with the GIL released.

use std::fs::File;
use std::io;
use std::path::PathBuf;

use avara::manifest::{ManifestBuilder, ManifestError, SkipCode, read_sop_header_from};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};

use crate::json::to_python;
use crate::payload::describe;

/// Every stable `code` of a skipped input, in the core's order.
#[pyfunction]
pub(crate) fn manifest_skip_codes() -> Vec<&'static str> {
    SkipCode::ALL.iter().map(|code| code.as_str()).collect()
}

/// Raises the SDK's `InvalidParamsError` naming the field, as the API client does.
fn invalid_params(py: Python<'_>, error: ManifestError) -> PyErr {
    let raise = || -> PyResult<PyErr> {
        let factory = py.import("avara._errors")?.getattr("_api_error")?;
        let exception = factory.call1((
            error.code(),
            &error.message,
            error.field,
            None::<u16>,
            None::<()>,
            None::<&str>,
            0,
        ))?;
        Ok(PyErr::from_value(exception))
    };
    raise().unwrap_or_else(|failure| failure)
}

/// One input's bytes. `bytes` is immutable, so it is read in place with the GIL
/// released; `bytearray` and `memoryview` could change meanwhile, so they are copied.
enum Input<'py> {
    Borrowed(Bound<'py, PyBytes>),
    Copied(Vec<u8>),
}

impl Input<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Input::Borrowed(bytes) => bytes.as_bytes(),
            Input::Copied(bytes) => bytes,
        }
    }
}

fn not_a_pair(index: usize, item: &Bound<'_, PyAny>) -> PyErr {
    pyo3::exceptions::PyTypeError::new_err(format!(
        "items[{index}] must be a (url, bytes) pair, got {}",
        describe(item)
    ))
}

fn extract_item<'py>(index: usize, item: &Bound<'py, PyAny>) -> PyResult<(String, Input<'py>)> {
    if item.is_instance_of::<PyString>()
        || item.is_instance_of::<PyBytes>()
        || item.len().ok() != Some(2)
    {
        return Err(not_a_pair(index, item));
    }
    let url = item.get_item(0).map_err(|_| not_a_pair(index, item))?;
    let bytes = item.get_item(1).map_err(|_| not_a_pair(index, item))?;
    let url = url.cast::<PyString>().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "items[{index}][0], the URL, must be a str, got {}",
            describe(&url)
        ))
    })?;
    let input = if let Ok(bytes) = bytes.cast::<PyBytes>() {
        Input::Borrowed(bytes.clone())
    } else if let Ok(array) = bytes.cast::<PyByteArray>() {
        Input::Copied(array.to_vec())
    } else if bytes.is_instance_of::<PyMemoryView>() {
        Input::Borrowed(bytes.call_method0("tobytes")?.cast_into::<PyBytes>()?)
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "items[{index}][1] must be bytes, bytearray or memoryview, got {}",
            describe(&bytes)
        )));
    };
    Ok((url.to_str()?.to_owned(), input))
}

/// The manifest of `study_instance_uid` from `(url, bytes)` pairs, as its wire form.
#[pyfunction]
pub(crate) fn build_manifest<'py>(
    py: Python<'py>,
    study_instance_uid: &str,
    items: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut builder =
        ManifestBuilder::new(study_instance_uid).map_err(|error| invalid_params(py, error))?;
    let inputs = items
        .try_iter()
        .map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "items must be an iterable of (url, bytes) pairs, got {}",
                describe(items)
            ))
        })?
        .enumerate()
        .map(|(index, item)| extract_item(index, &item?))
        .collect::<PyResult<Vec<_>>>()?;
    let slices: Vec<(&str, &[u8])> = inputs
        .iter()
        .map(|(url, input)| (url.as_str(), input.bytes()))
        .collect();
    let built = py.detach(move || {
        for (url, bytes) in slices {
            builder.add(url, bytes);
        }
        builder.finish()
    });
    to_python(
        py,
        &serde_json::to_value(built)
            .map_err(|error| pyo3::exceptions::PyValueError::new_err(error.to_string()))?,
    )
}

/// The manifest of `study_instance_uid` from files, each read only as far as its header
/// goes; `urls[i]` is the URL of `paths[i]`.
#[pyfunction]
pub(crate) fn build_manifest_from_files<'py>(
    py: Python<'py>,
    study_instance_uid: &str,
    paths: Vec<PathBuf>,
    urls: Vec<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut builder =
        ManifestBuilder::new(study_instance_uid).map_err(|error| invalid_params(py, error))?;
    if paths.len() != urls.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{} paths but {} URLs",
            paths.len(),
            urls.len()
        )));
    }
    let built = py.detach(move || -> io::Result<_> {
        for (path, url) in paths.iter().zip(urls) {
            let header = File::open(path)
                .and_then(read_sop_header_from)
                .map_err(|error| {
                    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
                })?;
            builder.add_header(url, header);
        }
        Ok(builder.finish())
    })?;
    to_python(
        py,
        &serde_json::to_value(built)
            .map_err(|error| pyo3::exceptions::PyValueError::new_err(error.to_string()))?,
    )
}
