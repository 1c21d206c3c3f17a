//! Header collections from any Python web framework, turned into core header lines.
//!
//! Everything with an `.items()` method is read through it, which is how Django's
//! `request.headers`, werkzeug/Flask `Headers`, Starlette `Headers`, `http.client`
//! messages and plain dicts all expose their lines; werkzeug and Starlette yield a
//! repeated line twice, which is what lets the core reject duplicates. Anything else
//! must iterate as `(name, value)` pairs (ASGI's raw `scope["headers"]`, lists of pairs).
//!
//! Anything else, a line that is no pair, a name that is not text, or a value of a header
//! the core reads that is not text, bytes or a list of them, is the core's
//! `payload_not_raw` (ARCHITECTURE.md, "Wrong-typed or unusable input"); `None` means the
//! header is absent. The values of other headers are never looked at. Text and bytes
//! cross as they are: the core decides what bytes text stands for ("Header text").

use std::borrow::Cow;

use avara::webhooks::{WebhookHeaders, headers_not_raw};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::error::to_py;
use crate::payload::describe;

fn not_headers(problem: String) -> PyErr {
    to_py(headers_not_raw(&problem))
}

/// Whether the core reads a header of this name; it drops every other line.
fn read_by_the_core(name: &str) -> bool {
    WebhookHeaders::names().any(|read| read.eq_ignore_ascii_case(name))
}

pub(crate) fn collect(headers: &Bound<'_, PyAny>) -> PyResult<WebhookHeaders> {
    let mut collected = WebhookHeaders::new();
    // A plain dict's `items()` are its entries: read them in place, without the view and
    // a tuple per line.
    if let Ok(dict) = headers.cast_exact::<PyDict>() {
        for (name, value) in dict.iter() {
            insert(&mut collected, &header_name(&name)?, &value)?;
        }
        return Ok(collected);
    }
    let lines = if headers.hasattr(intern!(headers.py(), "items"))? {
        headers.call_method0(intern!(headers.py(), "items"))?
    } else if headers.is_instance_of::<PyString>() || headers.is_instance_of::<PyBytes>() {
        return Err(not_headers(format!("got {}", describe(headers))));
    } else {
        headers.clone()
    };
    let Ok(lines) = lines.try_iter() else {
        return Err(not_headers(format!("got {}", describe(headers))));
    };
    for line in lines {
        let line = line?;
        let (name, value) = pair(&line)?;
        insert(&mut collected, &header_name(&name)?, &value)?;
    }
    Ok(collected)
}

fn pair<'py>(line: &Bound<'py, PyAny>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let (len, items) = if let Ok(tuple) = line.cast::<PyTuple>() {
        (tuple.len(), [tuple.get_item(0), tuple.get_item(1)])
    } else if let Ok(list) = line.cast::<PyList>() {
        (list.len(), [list.get_item(0), list.get_item(1)])
    } else {
        return Err(not_headers(format!(
            "got {} as a header line",
            describe(line)
        )));
    };
    if len != 2 {
        return Err(not_headers(format!("got a header line with {len} items")));
    }
    let [name, value] = items;
    Ok((name?, value?))
}

/// Names are ASCII on the wire; one that is not valid text cannot be a header the core
/// reads, so a lossy conversion never changes the outcome.
fn header_name<'a>(name: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, str>> {
    if let Ok(text) = name.cast::<PyString>() {
        Ok(text.to_string_lossy())
    } else if let Ok(bytes) = name.cast::<PyBytes>() {
        Ok(String::from_utf8_lossy(bytes.as_bytes()))
    } else {
        Err(not_headers(format!(
            "got {} as a header name",
            describe(name)
        )))
    }
}

/// Inserts one line per value: a list or tuple of values stands for repeated lines, and
/// `None` for none.
fn insert(headers: &mut WebhookHeaders, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    if value.is_none() || !read_by_the_core(name) {
        return Ok(());
    }
    insert_lines(headers, name, value)
}

fn insert_lines(
    headers: &mut WebhookHeaders,
    name: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    if let Ok(text) = value.cast::<PyString>() {
        // Unpaired surrogates have no UTF-8 form; the stand-in is outside ASCII and
        // Latin-1, which no signature, timestamp or signed id matches.
        headers.insert_text(name, &text.to_string_lossy());
    } else if let Ok(bytes) = value.cast::<PyBytes>() {
        headers.insert(name, bytes.as_bytes());
    } else if let Ok(bytes) = value.cast::<PyByteArray>() {
        headers.insert(name, bytes.to_vec());
    } else if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        for repeated in value.try_iter()? {
            let repeated = repeated?;
            if repeated.is_instance_of::<PyList>() || repeated.is_instance_of::<PyTuple>() {
                return Err(not_headers(format!(
                    "got a nested list as the value of {name}"
                )));
            }
            insert_lines(headers, name, &repeated)?;
        }
    } else {
        return Err(not_headers(format!(
            "got {} as a value of {name}",
            describe(value)
        )));
    }
    Ok(())
}
