//! The blocking API client: `Avara::builder()` or `Avara::from_env()`, then resources
//! grouped as the official SDKs group them (`client.viewer().studies().create(..)`).
//!
//! The operation table, request encoding, errors and paging rules need no HTTP stack and
//! are always built (the emulator serves the same table); the client object and its
//! transport come with the default `client` feature, so a webhook-only user links
//! neither `ureq` nor TLS.

#[cfg(feature = "client")]
mod avara;
#[cfg(feature = "client")]
mod config;
mod encoding;
mod error;
pub mod operations;
mod pages;
#[cfg(feature = "client")]
mod resources;
#[cfg(feature = "client")]
pub mod retry;
#[cfg(feature = "client")]
mod transport;

#[cfg(feature = "client")]
pub use avara::Avara;
#[cfg(feature = "client")]
pub use config::{
    AvaraBuilder, ClientConfig, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT, LogLevel, parse_custom_headers,
};
pub use encoding::{
    Method, Operation, RequestSpec, decode, encode, params_from_value, percent_encode,
};
pub use error::{ApiError, ApiErrorCode};
#[cfg(feature = "client")]
pub use pages::AutoPager;
pub use pages::{CursorParams, ListPage, Paging, next_cursor};
#[cfg(feature = "client")]
pub use resources::*;
#[cfg(feature = "client")]
pub use transport::new_idempotency_key;
