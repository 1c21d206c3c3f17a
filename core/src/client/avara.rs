//! The `Avara` client object: configuration, one transport, and the typed and by-name
//! entry points.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::config::{AvaraBuilder, ClientConfig};
use super::encoding::{self, Operation};
use super::error::{ApiError, ApiErrorCode};
use super::operations;
use super::resources::{Express, Viewer};
use super::transport::Transport;
use crate::models::Validate;
use crate::webhooks::Webhook;

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
        f.debug_struct("Avara")
            .field("config", &self.inner.config)
            .finish()
    }
}

impl AvaraBuilder {
    pub fn build(self) -> Result<Avara, ApiError> {
        let config = self.into_config()?;
        let webhook = match &config.webhook_secret {
            Some(secret) => Some(Webhook::new(secret).map_err(|error| {
                ApiError::new(
                    ApiErrorCode::Configuration,
                    format!("webhook secret: {}", error.message()),
                )
            })?),
            None => None,
        };
        let transport = Transport::new(&config);
        Ok(Avara {
            inner: Arc::new(Inner {
                config,
                transport,
                webhook,
            }),
        })
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

    /// [`Avara::call`] for callers that hand the result on as JSON text (the Node
    /// package): the canonical text, and for a page of a list the next page's parameters.
    pub fn call_text(
        &self,
        operation: &str,
        params: Value,
    ) -> Result<operations::TextAnswer, ApiError> {
        let spec = operations::encode_named(operation, params.clone())?;
        let body = self.inner.transport.execute(&self.inner.config, &spec)?;
        operations::decode_named_text(operation, &params, &body)
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
