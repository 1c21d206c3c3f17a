//! `avara._native`: the compiled half of the PyPI package `avara`.
//!
//! Every behaviour lives in the `avara` core crate; this module only converts Python
//! arguments into core types and core results and errors back into Python objects. The
//! public, documented surface is the pure-Python package around it (`python/avara/`).

mod arguments;
mod client;
mod error;
mod headers;
#[allow(
    unsafe_code,
    reason = "the interpreter's ID is read through the C API, which pyo3 does not wrap"
)]
mod interpreter;
mod json;
mod manifest;
mod payload;
mod responses;
mod webhook;

use pyo3::prelude::*;

#[pymodule]
mod _native {
    #[pymodule_export]
    use super::client::{Client, encode_request, interpret_response, next_page_params};
    #[pymodule_export]
    use super::manifest::{build_manifest, build_manifest_from_files, manifest_skip_codes};
    #[pymodule_export]
    use super::responses::{construct_response, normalize_response, response_to_json};
    #[pymodule_export]
    use super::webhook::{Webhook, sign, sign_standard, unsafe_unwrap};

    /// Bodies above this many bytes are rejected unless the verifier allows more.
    #[pymodule_export]
    const DEFAULT_MAX_PAYLOAD_BYTES: usize = avara::webhooks::DEFAULT_MAX_PAYLOAD_BYTES;

    /// The package version, read here because `importlib.metadata` costs ~30 ms of import time.
    #[pymodule_export]
    const VERSION: &str = env!("CARGO_PKG_VERSION");

    /// Deliveries may be signed this many milliseconds in the past or the future.
    #[pymodule_export]
    const DEFAULT_TOLERANCE_MS: u64 = super::webhook::DEFAULT_TOLERANCE_MS;

    #[pymodule_init]
    fn init(py: pyo3::Python<'_>) -> pyo3::PyResult<()> {
        super::interpreter::claim(py)
    }
}
