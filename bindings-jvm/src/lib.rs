//! The JVM binding: uniffi exports that translate between Kotlin/Java values and the
//! `avara` core. Every behaviour lives in the core; this crate converts arguments,
//! results and errors, nothing more.
//!
//! - [`types`]: core newtypes and JSON values as strings across the boundary.
//! - [`events`]: the event union and its data records.
//! - [`responses`]: receiver responses, their constructors and serialization.
//! - [`webhook`]: the verifier object and the free functions around it.
//! - [`direct`]: the facade's hot paths (webhooks, API calls), plain C functions bound
//!   with JNA direct mapping.
//! - [`error`]: the one error type every webhook export raises.
//! - `text`: Java text that crosses as UTF-16 code units, so the core judges unpaired
//!   surrogates instead of uniffi's string encoder.
//! - [`manifest`]: the DICOM manifest builder and the answer that carries its result.
//! - [`client`]: the API client and its by-name entry point.
//! - [`wire`]: the binary form of the API client's JSON values.

uniffi::setup_scaffolding!();

pub mod client;
#[allow(
    unsafe_code,
    reason = "the C entry points bound by JNA direct mapping take raw pointers and handles"
)]
pub mod direct;
pub mod error;
pub mod events;
pub mod manifest;
pub mod responses;
mod text;
pub mod types;
pub mod webhook;
pub mod wire;
