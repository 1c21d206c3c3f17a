//! The API client: one by-name entry point into the core's `Avara::call`, run on the libuv
//! thread pool so the event loop never waits for the network.
//!
//! Parameters arrive as the text `JSON.stringify` made of the caller's object (so an
//! `undefined` property is absent, as in every JavaScript HTTP client) and results leave
//! as the core's canonical JSON text for `JSON.parse`: one string each way is cheaper than
//! converting property by property. Failures come back as a `CallFailure` value rather
//! than a thrown error, because a napi error cannot carry the status, body and field
//! that `lib/api-errors.js` puts on its classes.

use std::collections::HashMap;
use std::time::Duration;

use avara::client::operations::{TextAnswer, encode_named, interpret_named};
use avara::client::{ApiError, ApiErrorCode, Avara};
use napi::bindgen_prelude::{AsyncTask, Either};
use napi::{Env, Task};
use napi_derive::napi;
use serde_json::{Value, json};

/// Settings of a client; absent ones come from the environment (`AVARA_API_KEY`,
/// `AVARA_BASE_URL`, `AVARA_CUSTOM_HEADERS`, ...) or the core's defaults.
#[napi(object)]
pub struct ClientSettings {
    pub api_key: Option<String>,
    #[napi(js_name = "baseURL")]
    pub base_url: Option<String>,
    pub timeout_ms: Option<f64>,
    pub max_retries: Option<f64>,
    pub default_headers: Option<HashMap<String, String>>,
    /// Named in the User-Agent, e.g. `node 20.20.2`.
    pub runtime: String,
}

/// A failed call, with everything the core knows about it.
#[napi(object)]
pub struct CallFailure {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    pub status: Option<u32>,
    pub body: Option<Value>,
    pub request_id: Option<String>,
    pub attempts: u32,
}

impl From<ApiError> for CallFailure {
    fn from(error: ApiError) -> Self {
        CallFailure {
            code: error.code().to_owned(),
            message: error.message,
            field: error.field,
            status: error.status.map(u32::from),
            body: error.body.map(|body| *body),
            request_id: error.request_id,
            attempts: error.attempts,
        }
    }
}

/// JSON text on success, the failure otherwise.
pub type Outcome = Either<String, CallFailure>;

fn outcome(result: Result<Value, ApiError>) -> Outcome {
    match result {
        Ok(value) => Either::A(value.to_string()),
        Err(error) => Either::B(error.into()),
    }
}

fn configuration(message: String) -> ApiError {
    ApiError::new(ApiErrorCode::Configuration, message)
}

fn params(text: &str) -> Result<Value, ApiError> {
    serde_json::from_str(text).map_err(|error| {
        ApiError::new(
            ApiErrorCode::InvalidParams,
            format!("the parameters are not a JSON value: {error}"),
        )
    })
}

fn duration_ms(name: &str, milliseconds: f64) -> Result<Duration, ApiError> {
    Duration::try_from_secs_f64(milliseconds / 1000.0).map_err(|_| {
        configuration(format!(
            "{name} must be a number of milliseconds, not negative"
        ))
    })
}

fn retry_count(retries: f64) -> Result<u32, ApiError> {
    let whole = retries.is_finite()
        && retries >= 0.0
        && retries.fract() == 0.0
        && retries <= f64::from(u32::MAX);
    // The check above makes the cast exact.
    whole.then_some(retries as u32).ok_or_else(|| {
        configuration(format!(
            "maxRetries must be a whole number of zero or more, got {retries}"
        ))
    })
}

#[napi]
pub struct NativeClient {
    inner: Avara,
}

fn configure(settings: ClientSettings) -> Result<Avara, ApiError> {
    let mut builder = Avara::builder().runtime(settings.runtime);
    if let Some(api_key) = settings.api_key {
        builder = builder.api_key(api_key);
    }
    if let Some(base_url) = settings.base_url {
        builder = builder.base_url(base_url);
    }
    if let Some(timeout) = settings.timeout_ms {
        builder = builder.timeout(duration_ms("timeout", timeout)?);
    }
    if let Some(retries) = settings.max_retries {
        builder = builder.max_retries(retry_count(retries)?);
    }
    for (name, value) in settings.default_headers.into_iter().flatten() {
        builder = builder.header(name, value);
    }
    builder.from_env()?.build()
}

/// Builds the core client; a missing API key or a bad setting is a `configuration`
/// failure, returned instead of the client.
#[napi]
pub fn build_client(settings: ClientSettings) -> Either<NativeClient, CallFailure> {
    match configure(settings) {
        Ok(inner) => Either::A(NativeClient { inner }),
        Err(error) => Either::B(error.into()),
    }
}

#[napi]
impl NativeClient {
    /// Runs the operation `operation` with `params` (JSON text, wire form) off the event
    /// loop; resolves with the result's JSON text or the failure.
    #[napi(ts_return_type = "Promise<string | CallFailure>")]
    pub fn call(&self, operation: String, params: String) -> AsyncTask<Call> {
        AsyncTask::new(Call {
            client: self.inner.clone(),
            operation,
            params,
        })
    }

    /// `call` for a list operation: resolves with the page and the parameters of the next
    /// one, which the core's paging rule derives on the pool thread from the values it
    /// already holds.
    #[napi(ts_return_type = "Promise<PageText | CallFailure>")]
    pub fn list(&self, operation: String, params: String) -> AsyncTask<ListCall> {
        AsyncTask::new(ListCall(Call {
            client: self.inner.clone(),
            operation,
            params,
        }))
    }
}

pub struct Call {
    client: Avara,
    operation: String,
    params: String,
}

impl Call {
    /// The core writes the result's text straight from its typed form, skipping the
    /// intermediate JSON value.
    fn run(&self) -> Result<TextAnswer, ApiError> {
        params(&self.params).and_then(|params| self.client.call_text(&self.operation, params))
    }
}

impl Task for Call {
    type Output = Result<String, ApiError>;
    type JsValue = Outcome;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(self.run().map(|answer| answer.json))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<Self::JsValue> {
        Ok(match output {
            Ok(json) => Either::A(json),
            Err(error) => Either::B(error.into()),
        })
    }
}

/// One page of a list as JSON text, and the parameters of the next page (`null` after
/// the last one).
#[napi(object)]
pub struct PageText {
    pub page: String,
    pub next: Option<String>,
}

pub struct ListCall(Call);

impl Task for ListCall {
    type Output = Result<PageText, ApiError>;
    type JsValue = Either<PageText, CallFailure>;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(self.0.run().map(|answer| PageText {
            page: answer.json,
            next: answer.next_params.map(|next| next.to_string()),
        }))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<Self::JsValue> {
        Ok(match output {
            Ok(page) => Either::A(page),
            Err(error) => Either::B(error.into()),
        })
    }
}

/// The HTTP request the operation would send, as JSON text: `method`, `path`, `query`
/// (`[name, value]` pairs), `body` and `pathAndQuery`. Sends nothing.
#[napi(ts_return_type = "string | CallFailure")]
pub fn encode_request(operation: String, params: String) -> Outcome {
    outcome(self::params(&params).and_then(|params| encode_named(&operation, params)).map(|spec| {
        json!({
            "method": spec.method.as_str(),
            "path": spec.path,
            "query": spec.query.iter().map(|(name, value)| json!([name, value])).collect::<Vec<_>>(),
            "pathAndQuery": spec.path_and_query(),
            "body": spec.body,
        })
    }))
}

/// What an HTTP answer to the operation means: the result's JSON text, or the failure
/// of its status class.
#[napi(ts_return_type = "string | CallFailure")]
pub fn interpret_response(operation: String, status: u32, body: String) -> Outcome {
    let status = u16::try_from(status).unwrap_or(u16::MAX);
    outcome(interpret_named(&operation, status, body.as_bytes()))
}
