//! The verifier and the free functions around it.

use std::time::Duration;

use avara::webhooks::{self, ErrorCode, Verified, WebhookError};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyString};

use crate::error::to_py;
use crate::headers;
use crate::json::to_python;
use crate::payload::RawBody;

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

/// Secrets as Python passes them: one `str`, or a sequence of them for rotation.
#[derive(FromPyObject)]
pub(crate) enum Secrets {
    One(String),
    Many(Vec<String>),
}

/// Verifies webhook deliveries against one or more secrets. Holds no secret text: the
/// core keeps only keyed HMAC states, so nothing here can print a secret.
#[pyclass(frozen, module = "avara._native")]
pub(crate) struct Webhook {
    inner: webhooks::Webhook,
}

#[pymethods]
impl Webhook {
    /// A tolerance of `None` switches that side of the freshness check off.
    #[new]
    #[pyo3(signature = (
        secrets,
        *,
        past_tolerance_ms = Some(DEFAULT_TOLERANCE_MS),
        future_tolerance_ms = Some(DEFAULT_TOLERANCE_MS),
        now_ms = None,
        max_payload_bytes = webhooks::DEFAULT_MAX_PAYLOAD_BYTES,
    ))]
    fn new(
        secrets: Secrets,
        past_tolerance_ms: Option<u64>,
        future_tolerance_ms: Option<u64>,
        now_ms: Option<u64>,
        max_payload_bytes: usize,
    ) -> PyResult<Self> {
        let mut inner = match secrets {
            Secrets::One(secret) => webhooks::Webhook::new(&secret),
            Secrets::Many(secrets) => webhooks::Webhook::with_secrets(secrets),
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

/// A signing key: a `str` stands for its UTF-8 bytes.
#[derive(FromPyObject)]
pub(crate) enum Key<'py> {
    Bytes(Bound<'py, PyBytes>),
    Text(Bound<'py, PyString>),
}

/// The timestamp header text, or Unix milliseconds written in decimal.
#[derive(FromPyObject)]
pub(crate) enum Timestamp {
    Text(String),
    Millis(u64),
}

/// `bool` is an `int` subclass in Python, but `True` is never meant as a time.
fn timestamp_not_bool(timestamp: &Bound<'_, PyAny>) -> PyResult<Timestamp> {
    if timestamp.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(
            "timestamp must be Unix milliseconds as an int or str, not a bool",
        ));
    }
    timestamp.extract()
}

/// The guide scheme's `X-Avara-Signature` for a body: lowercase hex
/// HMAC-SHA256(secret, timestamp text followed by the body bytes).
#[pyfunction]
pub(crate) fn sign(
    secret: Key<'_>,
    #[pyo3(from_py_with = timestamp_not_bool)] timestamp: Timestamp,
    payload: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let key = match &secret {
        Key::Bytes(bytes) => bytes.as_bytes(),
        // Python's own UnicodeEncodeError would carry the whole secret in its repr.
        Key::Text(text) => text
            .to_str()
            .map_err(|_| {
                to_py(WebhookError::new(
                    ErrorCode::InvalidSecret,
                    "the secret has unpaired surrogates, which have no UTF-8 form",
                ))
            })?
            .as_bytes(),
    };
    let timestamp = match timestamp {
        Timestamp::Text(text) => text,
        Timestamp::Millis(millis) => millis.to_string(),
    };
    let body = RawBody::extract(payload)?;
    Ok(webhooks::sign(key, &timestamp, body.bytes()?))
}
