//! The API client: one object around the core's `Avara`, whose `call` (reached through
//! `direct.rs`) runs every operation by name, and the core's paging rule and
//! request/response codec for the Java facade and the shared vectors. Nothing here knows
//! an operation.

#![allow(
    clippy::result_large_err,
    reason = "uniffi takes an error by value and serializes it into a buffer at once; boxing `ApiFailure` would only add an allocation"
)]

use std::sync::Arc;
use std::time::Duration;

use avara::client::operations;
use avara::client::{ApiError, ApiErrorCode, Avara};
use serde_json::Value;

use crate::wire::{self, WireError};

/// Every failure of the API client; Java maps `code` to its exception classes.
///
/// One variant with the core's fields; none is called `message`, which would clash with
/// `Throwable.message` in Kotlin.
#[derive(Debug, uniffi::Error)]
pub enum ApiFailure {
    Failed {
        /// The core's stable `ApiErrorCode::as_str()`.
        code: String,
        detail: String,
        field: Option<String>,
        status: Option<i32>,
        /// The error body in the binary wire form (`wire.rs`).
        body: Option<Vec<u8>>,
        request_id: Option<String>,
        attempts: i32,
    },
}

impl From<ApiError> for ApiFailure {
    fn from(error: ApiError) -> Self {
        ApiFailure::Failed {
            code: error.code().to_owned(),
            detail: error.message,
            field: error.field,
            status: error.status.map(i32::from),
            body: error.body.as_deref().map(wire::encode),
            request_id: error.request_id,
            attempts: i32::try_from(error.attempts).unwrap_or(i32::MAX),
        }
    }
}

impl std::fmt::Display for ApiFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ApiFailure::Failed { code, detail, .. } = self;
        write!(f, "{code}: {detail}")
    }
}

impl std::error::Error for ApiFailure {}

fn failure(code: ApiErrorCode, message: impl Into<String>) -> ApiFailure {
    ApiError::new(code, message).into()
}

/// Parameters in the binary wire form, as the core takes them.
fn params_value(params: &[u8]) -> Result<Value, ApiFailure> {
    wire::decode(params).map_err(|error| {
        failure(
            ApiErrorCode::InvalidParams,
            match error {
                WireError::NonFiniteNumber => {
                    "params: a number is NaN or infinite, which JSON cannot carry"
                }
                WireError::NotUtf8 => {
                    "a string parameter holds an unpaired UTF-16 surrogate and cannot be sent as UTF-8"
                }
                WireError::TooDeep => "params: nested more than 128 levels deep",
                WireError::Malformed => "params: not a value in the binary wire form",
            },
        )
    })
}

/// One header sent with every request.
#[derive(Debug, Clone, uniffi::Record)]
pub struct HeaderValue {
    pub name: String,
    pub value: String,
}

/// Client settings; `None` leaves the value to the environment (with `from_env`) or to
/// the core's default. Integers are signed because Kotlin's unsigned types are awkward
/// from Java; they are range-checked here.
#[derive(Clone, uniffi::Record)]
pub struct ClientSettings {
    pub api_key: Option<String>,
    pub base_url: Option<String>,
    pub timeout_ms: Option<i64>,
    pub connect_timeout_ms: Option<i64>,
    pub max_retries: Option<i64>,
    pub headers: Vec<HeaderValue>,
    /// Fill unset values from `AVARA_API_KEY`, `AVARA_BASE_URL`, `AVARA_CUSTOM_HEADERS`, ...
    pub from_env: bool,
    /// Named in the User-Agent, e.g. `java 17.0.15`.
    pub runtime: String,
}

fn duration(name: &str, millis: i64) -> Result<Duration, ApiFailure> {
    u64::try_from(millis)
        .map(Duration::from_millis)
        .map_err(|_| {
            failure(
                ApiErrorCode::Configuration,
                format!("{name} must not be negative, got {millis} ms"),
            )
        })
}

/// The client the Java `AvaraClient` wraps. Thread-safe: the core client is shared, and
/// every call blocks only its own thread.
#[derive(uniffi::Object)]
pub struct ApiClient {
    client: Avara,
}

impl ApiClient {
    /// Runs the operation `operation` (`viewer.studies.create`, ...) with parameters in
    /// the binary wire form and returns its result.
    pub(crate) fn call(&self, operation: &str, params: &[u8]) -> Result<Value, ApiFailure> {
        Ok(self.client.call(operation, params_value(params)?)?)
    }
}

#[uniffi::export]
impl ApiClient {
    #[uniffi::constructor]
    pub fn new(settings: ClientSettings) -> Result<Arc<Self>, ApiFailure> {
        let mut builder = Avara::builder().runtime(settings.runtime);
        if let Some(api_key) = settings.api_key {
            builder = builder.api_key(api_key);
        }
        if let Some(base_url) = settings.base_url {
            builder = builder.base_url(base_url);
        }
        if let Some(millis) = settings.timeout_ms {
            builder = builder.timeout(duration("timeout", millis)?);
        }
        if let Some(millis) = settings.connect_timeout_ms {
            builder = builder.connect_timeout(duration("connect timeout", millis)?);
        }
        if let Some(retries) = settings.max_retries {
            let retries = u32::try_from(retries).map_err(|_| {
                failure(
                    ApiErrorCode::Configuration,
                    format!("max retries must be 0 or more, got {retries}"),
                )
            })?;
            builder = builder.max_retries(retries);
        }
        for HeaderValue { name, value } in settings.headers {
            builder = builder.header(name, value);
        }
        if settings.from_env {
            builder = builder.from_env()?;
        }
        Ok(Arc::new(ApiClient {
            client: builder.build()?,
        }))
    }

    /// Lends this client to the direct calls (`direct.rs`), which run the operations,
    /// until `avara_jvm_client_release` gets the handle back.
    pub fn direct_handle(self: Arc<Self>) -> i64 {
        Arc::into_raw(self) as i64
    }

    pub fn base_url(&self) -> String {
        self.client.config().base_url.clone()
    }

    pub fn max_retries(&self) -> i64 {
        self.client.config().max_retries.into()
    }
}

/// The core's paging rule: the parameters of the page after `page`, or `None` after the
/// last page; all three in the binary wire form.
#[uniffi::export]
pub fn next_page_params(params: Vec<u8>, page: Vec<u8>) -> Option<Vec<u8>> {
    let params = wire::decode(&params).ok()?;
    let page = wire::decode(&page).ok()?;
    operations::next_page_params(&params, &page).map(|next| wire::encode(&next))
}

/// A query parameter, decoded.
#[derive(Debug, Clone, uniffi::Record)]
pub struct QueryPair {
    pub name: String,
    pub value: String,
}

/// The HTTP request an operation would send; for the vectors and for debugging.
#[derive(Debug, Clone, uniffi::Record)]
pub struct EncodedRequest {
    pub method: String,
    pub path: String,
    pub query: Vec<QueryPair>,
    /// In the binary wire form.
    pub body: Option<Vec<u8>>,
    pub path_and_query: String,
}

/// Validates and encodes `params` for `operation` without sending anything.
#[uniffi::export]
pub fn encode_request(operation: String, params: Vec<u8>) -> Result<EncodedRequest, ApiFailure> {
    let spec = operations::encode_named(&operation, params_value(&params)?)?;
    Ok(EncodedRequest {
        method: spec.method.as_str().to_owned(),
        path_and_query: spec.path_and_query(),
        path: spec.path,
        query: spec
            .query
            .into_iter()
            .map(|(name, value)| QueryPair { name, value })
            .collect(),
        body: spec.body.as_ref().map(wire::encode),
    })
}

/// What an HTTP answer to `operation` means: its canonical result, or the error of its
/// status class; the result is in the binary wire form.
#[uniffi::export]
pub fn interpret_response(
    operation: String,
    status: i32,
    body: Vec<u8>,
) -> Result<Vec<u8>, ApiFailure> {
    let status = u16::try_from(status).map_err(|_| {
        failure(
            ApiErrorCode::InvalidParams,
            format!("status must be an HTTP status, got {status}"),
        )
    })?;
    Ok(wire::encode(&operations::interpret_named(
        &operation, status, &body,
    )?))
}
