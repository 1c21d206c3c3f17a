//! Client configuration from arguments or the environment, with the official SDKs'
//! defaults.

use std::fmt;
use std::time::Duration;

use super::error::{ApiError, ApiErrorCode};

pub const DEFAULT_BASE_URL: &str = "https://api.avarasoftware.com";
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
pub const DEFAULT_MAX_RETRIES: u32 = 2;

/// How much the client reports on standard error (`AVARA_LOG`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    Off,
    Error,
    Warn,
    Info,
    Debug,
}

impl LogLevel {
    fn parse(text: &str) -> Result<LogLevel, ApiError> {
        Ok(match text.trim().to_ascii_lowercase().as_str() {
            "off" | "" => LogLevel::Off,
            "error" => LogLevel::Error,
            "warn" => LogLevel::Warn,
            "info" => LogLevel::Info,
            "debug" => LogLevel::Debug,
            other => {
                return Err(ApiError::new(
                    ApiErrorCode::Configuration,
                    format!("AVARA_LOG must be off, error, warn, info or debug, got {other:?}"),
                ));
            }
        })
    }
}

/// Settings of an [`super::Avara`] client. Secrets are redacted from `Debug`.
#[derive(Clone)]
pub struct ClientConfig {
    pub(crate) api_key: String,
    pub base_url: String,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_retries: u32,
    pub default_headers: Vec<(String, String)>,
    pub(crate) webhook_secret: Option<String>,
    pub log: LogLevel,
    /// The language runtime named in the User-Agent (`avara-sdk/0.1.0 (node 20.20.2)`);
    /// `rust` when unset. Each package sets its own.
    pub runtime: Option<String>,
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("api_key", &"[REDACTED]")
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_retries", &self.max_retries)
            .field(
                "default_headers",
                &self
                    .default_headers
                    .iter()
                    .map(|(name, _)| name)
                    .collect::<Vec<_>>(),
            )
            .field(
                "webhook_secret",
                &self.webhook_secret.as_ref().map(|_| "[REDACTED]"),
            )
            .field("log", &self.log)
            .finish()
    }
}

/// Builds a client; unset values come from the environment in [`AvaraBuilder::from_env`]
/// or from the defaults.
#[derive(Clone, Default)]
pub struct AvaraBuilder {
    api_key: Option<String>,
    base_url: Option<String>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    max_retries: Option<u32>,
    headers: Vec<(String, String)>,
    webhook_secret: Option<String>,
    log: Option<LogLevel>,
    runtime: Option<String>,
}

impl fmt::Debug for AvaraBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AvaraBuilder")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// `AVARA_CUSTOM_HEADERS`: one `Name: value` per line; lines without a colon are skipped.
pub fn parse_custom_headers(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .filter(|(name, _)| !name.is_empty())
        .collect()
}

/// A zero timeout would fail every request before it is sent.
fn positive(name: &str, timeout: Duration) -> Result<Duration, ApiError> {
    if timeout.is_zero() {
        return Err(ApiError::new(
            ApiErrorCode::Configuration,
            format!("the {name} must be longer than zero"),
        ));
    }
    Ok(timeout)
}

impl AvaraBuilder {
    /// Fills every setting not given yet from `AVARA_API_KEY`, `AVARA_BASE_URL`,
    /// `AVARA_JWT_WEBHOOK_SECRET` (or `AVARA_WEBHOOK_KEY`), `AVARA_CUSTOM_HEADERS` and `AVARA_LOG`.
    pub fn from_env(mut self) -> Result<Self, ApiError> {
        self.api_key = self.api_key.or_else(|| env("AVARA_API_KEY"));
        self.base_url = self.base_url.or_else(|| env("AVARA_BASE_URL"));
        self.webhook_secret = self
            .webhook_secret
            .or_else(|| env("AVARA_JWT_WEBHOOK_SECRET"))
            .or_else(|| env("AVARA_WEBHOOK_KEY"));
        if let Some(custom) = env("AVARA_CUSTOM_HEADERS") {
            // Headers given in code win over the environment's.
            let mut headers = parse_custom_headers(&custom);
            headers.retain(|(name, _)| {
                !self
                    .headers
                    .iter()
                    .any(|(given, _)| given.eq_ignore_ascii_case(name))
            });
            headers.append(&mut self.headers);
            self.headers = headers;
        }
        if self.log.is_none()
            && let Some(level) = env("AVARA_LOG")
        {
            self.log = Some(LogLevel::parse(&level)?);
        }
        Ok(self)
    }

    pub fn api_key(mut self, api_key: impl Into<String>) -> Self {
        self.api_key = Some(api_key.into());
        self
    }

    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// Adds a header to every request (replacing one of the same name).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        let name = name.into();
        self.headers
            .retain(|(given, _)| !given.eq_ignore_ascii_case(&name));
        self.headers.push((name, value.into()));
        self
    }

    pub fn webhook_secret(mut self, secret: impl Into<String>) -> Self {
        self.webhook_secret = Some(secret.into());
        self
    }

    pub fn log(mut self, level: LogLevel) -> Self {
        self.log = Some(level);
        self
    }

    /// Names the language runtime in the User-Agent, e.g. `python 3.12.1`.
    pub fn runtime(mut self, runtime: impl Into<String>) -> Self {
        self.runtime = Some(runtime.into());
        self
    }

    pub(crate) fn into_config(self) -> Result<ClientConfig, ApiError> {
        let api_key = self.api_key.filter(|key| !key.is_empty()).ok_or_else(|| {
            ApiError::new(
                ApiErrorCode::Configuration,
                "no API key: pass one to the client or set AVARA_API_KEY (create it in the dashboard's API Config)",
            )
        })?;
        if api_key.trim() != api_key || api_key.contains(['\r', '\n']) {
            return Err(ApiError::new(
                ApiErrorCode::Configuration,
                "the API key has surrounding whitespace or a line break; remove it",
            ));
        }
        let base_url = self.base_url.unwrap_or_else(|| DEFAULT_BASE_URL.to_owned());
        if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
            return Err(ApiError::new(
                ApiErrorCode::Configuration,
                format!("the base URL must start with https:// or http://, got {base_url:?}"),
            ));
        }
        let timeout = positive("timeout", self.timeout.unwrap_or(DEFAULT_TIMEOUT))?;
        let connect_timeout = positive(
            "connect timeout",
            self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
        )?;
        Ok(ClientConfig {
            api_key,
            base_url: base_url.trim_end_matches('/').to_owned(),
            timeout,
            connect_timeout,
            max_retries: self.max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
            default_headers: self.headers,
            webhook_secret: self.webhook_secret,
            log: self.log.unwrap_or(LogLevel::Off),
            runtime: self.runtime,
        })
    }
}
