//! The Avara SDK core: everything the Node, Python and JVM packages do happens here.
//!
//! - [`webhooks`]: signature verification, typed events and the responses a receiver sends.
//! - [`client`]: the blocking API client (`Avara`).
//! - [`models`]: identifiers and DICOM UIDs with their validation rules.
//! - [`manifest`]: the study manifest built from DICOM headers (feature `manifest`).

pub mod client;
#[cfg(feature = "manifest")]
pub mod manifest;
pub mod models;
pub mod webhooks;

#[cfg(feature = "client")]
pub use client::Avara;
pub use client::{ApiError, ApiErrorCode};
#[cfg(feature = "manifest")]
pub use manifest::{BuiltManifest, ManifestBuilder, ManifestError, build_manifest};
