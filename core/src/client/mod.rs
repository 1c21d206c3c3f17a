//! The blocking API client: `Avara::builder()` or `Avara::from_env()`, then resources
//! grouped as the official SDKs group them (`client.viewer().studies().create(..)`).

mod config;
mod encoding;
mod error;
pub mod operations;
mod pages;
mod resources;
pub mod retry;
mod transport;

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use config::{
    AvaraBuilder, ClientConfig, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT,
    LogLevel, parse_custom_headers,
};
pub use encoding::{Method, Operation, RequestSpec, decode, encode, params_from_value, percent_encode};
pub use error::{ApiError, ApiErrorCode};
pub use pages::{AutoPager, CursorParams, ListPage, next_cursor};
pub use resources::*;
pub use transport::new_idempotency_key;

use crate::models::Validate;
use crate::webhooks::Webhook;
use transport::Transport;

struct Inner {
    config: ClientConfig,
    transport: Transport,
    webhook: Option<Webhook>,
}

/// The Avara API client. Cheap to clone; clones share one connection pool.
#[derive(Clone)]
pub struct Avara {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Avara {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Avara").field("config", &self.inner.config).finish()
    }
}

impl AvaraBuilder {
    pub fn build(self) -> Result<Avara, ApiError> {
        let config = self.into_config()?;
        let webhook = match &config.webhook_secret {
            Some(secret) => Some(Webhook::new(secret).map_err(|error| {
                ApiError::new(ApiErrorCode::Configuration, format!("webhook secret: {}", error.message()))
            })?),
            None => None,
        };
        let transport = Transport::new(&config);
        Ok(Avara { inner: Arc::new(Inner { config, transport, webhook }) })
    }
}

impl Avara {
    pub fn builder() -> AvaraBuilder {
        AvaraBuilder::default()
    }

    /// A client configured from the environment (`AVARA_API_KEY` is required).
    pub fn from_env() -> Result<Avara, ApiError> {
        AvaraBuilder::default().from_env()?.build()
    }

    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    pub fn viewer(&self) -> Viewer<'_> {
        Viewer { client: self }
    }

    pub fn express(&self) -> Express<'_> {
        Express { client: self }
    }

    /// The verifier for the configured webhook secret.
    pub fn webhooks(&self) -> Result<&Webhook, ApiError> {
        self.inner.webhook.as_ref().ok_or_else(|| {
            ApiError::new(
                ApiErrorCode::Configuration,
                "no webhook secret: pass one to the client or set AVARA_JWT_WEBHOOK_SECRET",
            )
        })
    }

    /// Calls an operation by its name (`viewer.studies.create`, ...) with wire-form
    /// parameters and returns the result in wire form; the same checks as the typed API.
    pub fn call(&self, operation: &str, params: Value) -> Result<Value, ApiError> {
        let spec = operations::encode_named(operation, params)?;
        let body = self.inner.transport.execute(&self.inner.config, &spec)?;
        operations::decode_named(operation, &body)
    }

    pub(crate) fn send<P: Serialize + Validate, R: DeserializeOwned>(
        &self,
        operation: &Operation,
        params: &P,
    ) -> Result<R, ApiError> {
        let spec = encoding::encode(operation, params)?;
        let body = self.inner.transport.execute(&self.inner.config, &spec)?;
        encoding::decode(&body)
    }
}
