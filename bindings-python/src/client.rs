//! The API client: one by-name entry point over the core's `Avara::call`, the paging
//! rule, and the request/response functions the API test vectors drive.
//!
//! Operation names and parameters arrive in wire form (camelCase keys) from the
//! generated resource classes; validation, encoding, retries and decoding are the core's.

use std::time::Duration;

use avara::client::{ApiError, ApiErrorCode, Avara, operations};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::Value;

use crate::json::{json_value, to_python};
use crate::payload::RawBody;

/// Raises the exception class of the error's code. The classes and the code-to-class
/// table live in `avara/_errors.py`, whose factory is looked up on every error: a failed
/// call costs far more than the lookup.
fn raise(py: Python<'_>, error: ApiError) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let body = error
            .body
            .as_ref()
            .map(|body| to_python(py, body))
            .transpose()?;
        let factory = py.import("avara._errors")?.getattr("_api_error")?;
        let exception = factory.call1((
            error.code(),
            &error.message,
            error.field.as_deref(),
            error.status,
            body,
            error.request_id.as_deref(),
            error.attempts,
        ))?;
        Ok(PyErr::from_value(exception))
    };
    build().unwrap_or_else(|failure| failure)
}

fn configuration(message: String) -> ApiError {
    ApiError::new(ApiErrorCode::Configuration, message)
}

/// A Python value as the wire-form parameters, or `invalid_params` naming the field
/// whose value has no JSON form.
fn wire_params(py: Python<'_>, params: &Bound<'_, PyAny>) -> PyResult<Value> {
    json_value(params).map_err(|error| {
        let mut invalid = ApiError::new(
            ApiErrorCode::InvalidParams,
            format!("params{}", error.message()),
        );
        invalid.field = error.top_key().map(str::to_owned);
        raise(py, invalid)
    })
}

/// A configured client; clones of the core client share one connection pool, and one
/// `Client` may be used from any number of threads at once.
#[pyclass(frozen, module = "avara._native")]
pub(crate) struct Client {
    inner: Avara,
}

#[pymethods]
impl Client {
    /// Settings left as `None` come from the environment (`AVARA_API_KEY`,
    /// `AVARA_BASE_URL`, `AVARA_CUSTOM_HEADERS`, ...) or the core's defaults.
    #[new]
    #[pyo3(signature = (
        *,
        runtime,
        api_key = None,
        base_url = None,
        timeout = None,
        max_retries = None,
        default_headers = None,
        webhook_secret = None,
    ))]
    #[allow(
        clippy::too_many_arguments,
        reason = "the Python constructor's keyword arguments, one parameter each"
    )]
    fn new(
        py: Python<'_>,
        runtime: String,
        api_key: Option<String>,
        base_url: Option<String>,
        timeout: Option<f64>,
        max_retries: Option<i64>,
        default_headers: Option<Vec<(String, String)>>,
        webhook_secret: Option<String>,
    ) -> PyResult<Self> {
        let build = || -> Result<Avara, ApiError> {
            let mut builder = Avara::builder().runtime(runtime);
            if let Some(api_key) = api_key {
                builder = builder.api_key(api_key);
            }
            if let Some(base_url) = base_url {
                builder = builder.base_url(base_url);
            }
            if let Some(seconds) = timeout {
                let timeout = Duration::try_from_secs_f64(seconds).map_err(|_| {
                    configuration(format!(
                        "timeout must be a number of seconds, not negative, got {seconds}"
                    ))
                })?;
                builder = builder.timeout(timeout);
            }
            if let Some(retries) = max_retries {
                let retries = u32::try_from(retries).map_err(|_| {
                    configuration(format!(
                        "max_retries must be a whole number from 0 up, got {retries}"
                    ))
                })?;
                builder = builder.max_retries(retries);
            }
            for (name, value) in default_headers.unwrap_or_default() {
                builder = builder.header(name, value);
            }
            if let Some(secret) = webhook_secret {
                builder = builder.webhook_secret(secret);
            }
            builder.from_env()?.build()
        };
        build()
            .map(|inner| Client { inner })
            .map_err(|error| raise(py, error))
    }

    /// Calls the operation `operation` (`viewer.studies.create`, ...) with wire-form
    /// parameters and returns its result in wire form. The GIL is released while the
    /// request (and its retries) run.
    fn call<'py>(
        &self,
        py: Python<'py>,
        operation: String,
        params: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let params = wire_params(py, params)?;
        let result = py.detach(|| self.inner.call(&operation, params).map_err(Box::new));
        match result {
            Ok(value) => to_python(py, &value),
            Err(error) => Err(raise(py, *error)),
        }
    }

    #[getter]
    fn base_url(&self) -> &str {
        &self.inner.config().base_url
    }

    fn __repr__(&self) -> String {
        format!(
            "<avara._native.Client base_url={:?} (API key redacted)>",
            self.inner.config().base_url
        )
    }
}

/// The HTTP request an operation's parameters make, without sending it.
#[pyfunction]
pub(crate) fn encode_request<'py>(
    py: Python<'py>,
    operation: &str,
    params: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let spec = operations::encode_named(operation, wire_params(py, params)?)
        .map_err(|error| raise(py, error))?;
    let request = PyDict::new(py);
    request.set_item("method", spec.method.as_str())?;
    request.set_item("path", &spec.path)?;
    request.set_item("query", &spec.query)?;
    request.set_item(
        "body",
        spec.body
            .as_ref()
            .map(|body| to_python(py, body))
            .transpose()?,
    )?;
    request.set_item("path_and_query", spec.path_and_query())?;
    Ok(request)
}

/// What an HTTP response to the operation means: its result in wire form, or the
/// exception of its status class.
#[pyfunction]
pub(crate) fn interpret_response<'py>(
    py: Python<'py>,
    operation: &str,
    status: u16,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let body = RawBody::extract(body)?;
    match operations::interpret_named(operation, status, body.bytes()?) {
        Ok(value) => to_python(py, &value),
        Err(error) => Err(raise(py, error)),
    }
}

/// The parameters of the page after `page` (a result of the list call made with
/// `params`), or `None` when `page` is the last one.
#[pyfunction]
pub(crate) fn next_page_params<'py>(
    py: Python<'py>,
    params: &Bound<'py, PyAny>,
    page: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let page = json_value(page).map_err(|error| {
        raise(
            py,
            ApiError::new(
                ApiErrorCode::InvalidResponse,
                format!("page{}", error.message()),
            ),
        )
    })?;
    operations::next_page_params(&wire_params(py, params)?, &page)
        .map(|next| to_python(py, &next))
        .transpose()
}
