//! Sends one request with retries: backoff with jitter, the server's retry hints, and
//! one `Idempotency-Key` per logical request so a retried create never duplicates.

use std::io::Read;
use std::time::{Duration, SystemTime};

use serde_json::Value;
use ureq::http;

use super::config::{ClientConfig, LogLevel};
use super::encoding::{Method, RequestSpec};
use super::error::{ApiError, ApiErrorCode};
use super::retry;

/// Bodies above this are refused rather than buffered.
const MAX_RESPONSE_BYTES: u64 = 32 * 1024 * 1024;

pub(crate) struct Transport {
    agent: ureq::Agent,
    user_agent: String,
}

enum Attempt {
    Success(Vec<u8>),
    Status {
        status: u16,
        body: Vec<u8>,
        request_id: Option<String>,
        retry: bool,
        delay: Option<Duration>,
    },
    Failed {
        code: ApiErrorCode,
        detail: String,
    },
}

/// A fresh key for one logical request: `idk_` + 32 random hex digits.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    // Without OS randomness the time still separates keys of one client.
    if getrandom::fill(&mut bytes).is_err() {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes = nanos.to_le_bytes();
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("idk_{hex}")
}

impl Transport {
    pub(crate) fn new(config: &ClientConfig) -> Transport {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(config.timeout))
            .timeout_connect(Some(config.connect_timeout))
            .http_status_as_error(false)
            .build()
            .into();
        let runtime = config.runtime.as_deref().unwrap_or("rust");
        let user_agent = format!("avara-sdk/{} ({runtime})", env!("CARGO_PKG_VERSION"));
        Transport { agent, user_agent }
    }

    pub(crate) fn execute(
        &self,
        config: &ClientConfig,
        spec: &RequestSpec,
    ) -> Result<Vec<u8>, ApiError> {
        let url = format!("{}{}", config.base_url, spec.path_and_query());
        let body = spec.body.as_ref().map(Value::to_string);
        let idempotency_key = (spec.method != Method::Get).then(new_idempotency_key);
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let outcome = self.attempt(
                config,
                spec.method,
                &url,
                body.as_deref(),
                idempotency_key.as_deref(),
                attempt - 1,
            );
            let retries_left = attempt <= config.max_retries;
            match outcome {
                Attempt::Success(bytes) => return Ok(bytes),
                Attempt::Status {
                    status,
                    body,
                    request_id,
                    retry,
                    delay,
                } => {
                    log(config, LogLevel::Info, || {
                        format!(
                            "{} {} -> {status} (attempt {attempt})",
                            spec.method.as_str(),
                            spec.path
                        )
                    });
                    if !(retry && retries_left) {
                        return Err(ApiError::from_status(status, &body, request_id, attempt));
                    }
                    std::thread::sleep(
                        delay.unwrap_or_else(|| retry::backoff(attempt - 1, retry::jitter())),
                    );
                }
                Attempt::Failed { code, detail } => {
                    log(config, LogLevel::Warn, || {
                        format!(
                            "{} {} failed: {detail} (attempt {attempt})",
                            spec.method.as_str(),
                            spec.path
                        )
                    });
                    if !retries_left {
                        let mut error =
                            ApiError::new(code, format!("{detail} after {attempt} attempt(s)"));
                        error.attempts = attempt;
                        return Err(error);
                    }
                    std::thread::sleep(retry::backoff(attempt - 1, retry::jitter()));
                }
            }
        }
    }

    fn attempt(
        &self,
        config: &ClientConfig,
        method: Method,
        url: &str,
        body: Option<&str>,
        idempotency_key: Option<&str>,
        retry_count: u32,
    ) -> Attempt {
        let mut builder = http::Request::builder()
            .method(method.as_str())
            .uri(url)
            .header("authorization", format!("Bearer {}", config.api_key))
            .header("accept", "application/json")
            .header("user-agent", &self.user_agent)
            .header("x-avara-retry-count", retry_count.to_string());
        if let Some(key) = idempotency_key {
            builder = builder.header("idempotency-key", key);
        }
        for (name, value) in &config.default_headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let sent = match body {
            Some(json) => builder
                .header("content-type", "application/json")
                .body(json.as_bytes().to_vec())
                .map(|request| self.agent.run(request)),
            None => builder.body(()).map(|request| self.agent.run(request)),
        };
        let response = match sent {
            Err(error) => {
                return Attempt::Failed {
                    code: ApiErrorCode::Configuration,
                    detail: format!("invalid request: {error}"),
                };
            }
            Ok(Err(error)) => return failure(error),
            Ok(Ok(response)) => response,
        };
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        let request_id = header("x-request-id");
        let should_retry = retry::should_retry_header(header("x-should-retry").as_deref());
        let delay = retry::server_delay(
            header("retry-after-ms").as_deref(),
            header("retry-after").as_deref(),
            SystemTime::now(),
        );
        let mut bytes = Vec::new();
        let read = response
            .into_body()
            .into_reader()
            .take(MAX_RESPONSE_BYTES)
            .read_to_end(&mut bytes);
        if let Err(error) = read {
            return Attempt::Failed {
                code: ApiErrorCode::Connection,
                detail: format!("reading the response failed: {error}"),
            };
        }
        if (200..300).contains(&status) {
            return Attempt::Success(bytes);
        }
        let retry = should_retry.unwrap_or_else(|| retry::is_retryable_status(status));
        Attempt::Status {
            status,
            body: bytes,
            request_id,
            retry,
            delay,
        }
    }
}

fn failure(error: ureq::Error) -> Attempt {
    match error {
        ureq::Error::Timeout(which) => Attempt::Failed {
            code: ApiErrorCode::Timeout,
            detail: format!("timed out ({which})"),
        },
        other => Attempt::Failed {
            code: ApiErrorCode::Connection,
            detail: format!("connection failed: {other}"),
        },
    }
}

fn log(config: &ClientConfig, level: LogLevel, message: impl FnOnce() -> String) {
    if config.log >= level {
        eprintln!("avara: {}", message());
    }
}
