//! The functions that need no verifier: parsing without verification, and signing.

use avara::webhooks;
use napi::bindgen_prelude::{Either, Uint8ArraySlice, Unknown};
use napi_derive::napi;

use crate::body;
use crate::error::{OrThrow, Result};
use crate::event;
use crate::webhook::whole_number;

/// Parses a body into the event WITHOUT checking any signature (see `event::for_js`).
#[napi(ts_args_type = "body: Buffer | Uint8Array | string")]
pub fn unsafe_unwrap(body: Unknown<'_>) -> Result<String> {
    let body = body::read(body)?;
    Ok(event::for_js(webhooks::unsafe_unwrap(&body).or_throw()?))
}

/// The guide's `X-Avara-Signature` for a delivery: lowercase hex HMAC-SHA256 of the
/// timestamp text followed by the body, keyed with the secret's bytes.
#[napi(
    ts_args_type = "secret: string | Buffer | Uint8Array, timestamp: string | number, body: Buffer | Uint8Array | string"
)]
pub fn sign(
    secret: Either<String, Uint8ArraySlice<'_>>,
    timestamp: Either<String, f64>,
    body: Unknown<'_>,
) -> Result<String> {
    let timestamp = match timestamp {
        Either::A(text) => text,
        Either::B(number) => whole_number("timestamp", number)?.to_string(),
    };
    let body = body::read(body)?;
    let secret: &[u8] = match &secret {
        Either::A(text) => text.as_bytes(),
        Either::B(bytes) => bytes,
    };
    Ok(webhooks::sign(secret, &timestamp, &body))
}
