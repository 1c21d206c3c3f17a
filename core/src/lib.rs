//! The Avara SDK core: everything the Node, Python and JVM packages do happens here.
//!
//! - [`webhooks`]: signature verification, typed events and the responses a receiver sends.
//! - [`client`]: the blocking API client (`Avara`).
//! - [`models`]: identifiers and DICOM UIDs with their validation rules.

pub mod client;
pub mod models;
pub mod webhooks;

#[cfg(feature = "client")]
pub use client::Avara;
pub use client::{ApiError, ApiErrorCode};
