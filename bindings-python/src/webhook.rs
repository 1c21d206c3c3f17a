//! The verifier and the free functions around it.

use std::time::Duration;

use avara::webhooks::{self, SIGNING_SECRET, Verified, secret_label};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyInt, PyList, PyString, PyTuple};

use crate::arguments::{count, secret_text};
use crate::error::to_py;
use crate::headers;
use crate::json::to_python;
use crate::payload::{RawBody, describe};

/// Bodies from this size up are hashed with the GIL released.
///
/// HMAC-SHA256 runs at about 1.5 GB/s, so a typical delivery (a few KiB) is checked in
/// microseconds: less than what giving the GIL up costs when other threads are busy
/// (winning it back can take up to the 5 ms switch interval). From 64 KiB on (~40 µs
/// per secret) letting other threads of a threaded server run is worth it.
const DETACH_FROM_BYTES: usize = 64 * 1024;

/// The core's default tolerance in the unit the Python layer passes (five minutes, so
/// the narrowing cannot truncate).
pub(crate) const DEFAULT_TOLERANCE_MS: u64 = webhooks::DEFAULT_TOLERANCE.as_millis() as u64;

fn checked<T: Send>(py: Python<'_>, body_len: usize, check: impl FnOnce() -> T + Send) -> T {
    if body_len >= DETACH_FROM_BYTES {
        py.detach(check)
    } else {
        check()
    }
}

/// Verifies webhook deliveries against one or more secrets. Holds no secret text: the
/// core keeps only keyed HMAC states, so nothing here can print a secret.
#[pyclass(frozen, module = "avara._native")]
pub(crate) struct Webhook {
    inner: webhooks::Webhook,
}

#[pymethods]
impl Webhook {
    /// `secrets` is one `str` or a list or tuple of them (rotation). A tolerance of `None`
    /// switches that side of the freshness check off.
    #[new]
    #[pyo3(signature = (
        secrets,
        *,
        past_tolerance_ms = Some(DEFAULT_TOLERANCE_MS),
        future_tolerance_ms = Some(DEFAULT_TOLERANCE_MS),
        now_ms = None,
        max_payload_bytes = None,
    ))]
    fn new(
        secrets: &Bound<'_, PyAny>,
        past_tolerance_ms: Option<u64>,
        future_tolerance_ms: Option<u64>,
        now_ms: Option<&Bound<'_, PyAny>>,
        max_payload_bytes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let max_payload_bytes = match max_payload_bytes.filter(|limit| !limit.is_none()) {
            None => webhooks::DEFAULT_MAX_PAYLOAD_BYTES,
            Some(limit) => {
                usize::try_from(count("max_payload_bytes", limit)?).unwrap_or(usize::MAX)
            }
        };
        let now_ms = now_ms
            .filter(|now| !now.is_none())
            .map(|now| count("now_ms", now))
            .transpose()?;
        let mut inner =
            if secrets.is_instance_of::<PyList>() || secrets.is_instance_of::<PyTuple>() {
                let list = secrets
                    .try_iter()?
                    .enumerate()
                    .map(|(index, secret)| {
                        secret_text(&secret?, &secret_label(Some(index)), "a str")
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                webhooks::Webhook::with_secrets(list)
            } else {
                let label = secret_label(None);
                webhooks::Webhook::new(&secret_text(secrets, &label, "a str or a list of str")?)
            }
            .map_err(to_py)?
            .with_max_payload_bytes(max_payload_bytes);
        if past_tolerance_ms.is_none() || future_tolerance_ms.is_none() {
            inner = inner.without_timestamp_check();
        }
        if let Some(past) = past_tolerance_ms {
            inner = inner.with_past_tolerance(Duration::from_millis(past));
        }
        if let Some(future) = future_tolerance_ms {
            inner = inner.with_future_tolerance(Duration::from_millis(future));
        }
        if let Some(now_ms) = now_ms {
            inner = inner.with_fixed_clock(now_ms);
        }
        Ok(Webhook { inner })
    }

    /// Checks the signature and freshness of a delivery; returns what was established.
    fn verify<'py>(
        &self,
        py: Python<'py>,
        payload: &Bound<'py, PyAny>,
        headers: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let body = RawBody::extract(payload)?;
        let headers = headers::collect(headers)?;
        let bytes = body.bytes()?;
        let verified =
            checked(py, bytes.len(), || self.inner.verify(bytes, &headers)).map_err(to_py)?;
        verified_to_python(py, &verified)
    }

    /// Verifies a delivery, then parses its body into the event as a plain value.
    fn unwrap<'py>(
        &self,
        py: Python<'py>,
        payload: &Bound<'py, PyAny>,
        headers: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let body = RawBody::extract(payload)?;
        let headers = headers::collect(headers)?;
        let bytes = body.bytes()?;
        let event =
            checked(py, bytes.len(), || self.inner.unwrap(bytes, &headers)).map_err(to_py)?;
        to_python(py, &event.to_value())
    }

    fn __repr__(&self) -> &'static str {
        "<avara._native.Webhook (secrets redacted)>"
    }
}

fn verified_to_python<'py>(py: Python<'py>, verified: &Verified) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("scheme", verified.scheme.as_str())?;
    dict.set_item("secret_index", verified.secret_index)?;
    dict.set_item("timestamp_ms", verified.timestamp_ms)?;
    dict.set_item("webhook_id", verified.webhook_id.as_deref())?;
    Ok(dict)
}

/// Parses a body into the event as a plain value without checking any signature.
#[pyfunction]
pub(crate) fn unsafe_unwrap<'py>(
    py: Python<'py>,
    payload: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let body = RawBody::extract(payload)?;
    let event = webhooks::unsafe_unwrap(body.bytes()?).map_err(to_py)?;
    to_python(py, &event.to_value())
}

/// The guide scheme's `X-Avara-Signature` for a body: lowercase hex
/// HMAC-SHA256(secret, timestamp text followed by the body bytes). A `str` secret stands
/// for its UTF-8 bytes.
#[pyfunction]
pub(crate) fn sign(
    secret: &Bound<'_, PyAny>,
    timestamp: &Bound<'_, PyAny>,
    payload: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let key = match secret.cast::<PyBytes>() {
        Ok(bytes) => bytes.as_bytes().to_vec(),
        Err(_) => secret_text(secret, SIGNING_SECRET, "a str or bytes")?.into_bytes(),
    };
    let timestamp = timestamp_text(timestamp)?;
    let body = RawBody::extract(payload)?;
    Ok(webhooks::sign(&key, &timestamp, body.bytes()?))
}

/// The Standard Webhooks headers for a body, by name in the spec's order: HMAC-SHA256
/// over `id.timestamp.body`, keyed with the decoded key of a `whsec_<base64>` (or bare
/// base64) secret; the timestamp is Unix seconds.
#[pyfunction]
pub(crate) fn sign_standard<'py>(
    py: Python<'py>,
    secret: &Bound<'py, PyAny>,
    webhook_id: &Bound<'py, PyAny>,
    timestamp: &Bound<'py, PyAny>,
    payload: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let secret = secret_text(secret, SIGNING_SECRET, "a str")?;
    let webhook_id = id_text(webhook_id)?;
    let seconds = count("timestamp", timestamp)?;
    let body = RawBody::extract(payload)?;
    let headers =
        webhooks::sign_standard(&secret, &webhook_id, seconds, body.bytes()?).map_err(to_py)?;
    let dict = PyDict::new(py);
    for (name, value) in headers.pairs() {
        dict.set_item(name, value)?;
    }
    Ok(dict)
}

/// The `webhook-id` text.
fn id_text(webhook_id: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = webhook_id.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!(
            "webhook_id must be a str, got {}",
            describe(webhook_id)
        ))
    })?;
    text.to_str().map(str::to_owned).map_err(|_| {
        PyValueError::new_err(
            "webhook_id holds an unpaired UTF-16 surrogate, which has no UTF-8 form",
        )
    })
}

/// The timestamp header text, or Unix milliseconds as an `int` (never a `bool`).
fn timestamp_text(timestamp: &Bound<'_, PyAny>) -> PyResult<String> {
    match timestamp.cast::<PyString>() {
        Ok(text) => text.to_str().map(str::to_owned).map_err(|_| {
            PyValueError::new_err(
                "timestamp holds an unpaired UTF-16 surrogate, which has no UTF-8 form",
            )
        }),
        Err(_) if timestamp.is_instance_of::<PyInt>() => {
            count("timestamp", timestamp).map(|millis| millis.to_string())
        }
        Err(_) => Err(PyTypeError::new_err(format!(
            "timestamp must be Unix milliseconds as an int or str, got {}",
            describe(timestamp)
        ))),
    }
}
