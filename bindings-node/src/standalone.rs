//! The functions that need no verifier: parsing without verification, and signing.

use avara::webhooks::{self, SIGNING_SECRET};
use napi::ValueType;
use napi::bindgen_prelude::{JsValue, Uint8ArraySlice, Unknown};
use napi_derive::napi;

use crate::body;
use crate::describe::describe;
use crate::error::{OrThrow, Result, invalid_argument, invalid_value};
use crate::event;
use crate::secret;
use crate::text::well_formed;
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
pub fn sign(secret: Unknown<'_>, timestamp: Unknown<'_>, body: Unknown<'_>) -> Result<String> {
    let key = signing_key(secret)?;
    let timestamp = timestamp_text(timestamp)?;
    let body = body::read(body)?;
    let key: &[u8] = match &key {
        Key::Text(text) => text.as_bytes(),
        Key::Bytes(bytes) => bytes,
    };
    Ok(webhooks::sign(key, &timestamp, &body))
}

/// The Standard Webhooks headers for a delivery, as `[name, value]` pairs in the spec's
/// order: HMAC-SHA256 over `id.timestamp.body`, keyed with the decoded key of a
/// `whsec_<base64>` (or bare base64) secret.
#[napi(
    ts_args_type = "secret: string, webhookId: string, timestamp: number, body: Buffer | Uint8Array | string",
    ts_return_type = "Array<[string, string]>"
)]
pub fn sign_standard(
    secret: Unknown<'_>,
    webhook_id: Unknown<'_>,
    timestamp: Unknown<'_>,
    body: Unknown<'_>,
) -> Result<Vec<Vec<String>>> {
    let secret = secret::text(secret, SIGNING_SECRET, "a string")?;
    let webhook_id = id_text(webhook_id)?;
    let seconds = seconds(timestamp)?;
    let body = body::read(body)?;
    let headers = webhooks::sign_standard(&secret, &webhook_id, seconds, &body).or_throw()?;
    Ok(headers
        .pairs()
        .into_iter()
        .map(|(name, value)| vec![name.to_owned(), value.to_owned()])
        .collect())
}

/// The `webhook-id` text.
fn id_text(webhook_id: Unknown<'_>) -> Result<String> {
    if webhook_id.get_type().or_throw()? != ValueType::String {
        return Err(invalid_argument(format!(
            "webhookId must be a string, got {}",
            describe(webhook_id)?
        )));
    }
    well_formed(webhook_id)?.ok_or_else(|| {
        invalid_value("webhookId holds an unpaired UTF-16 surrogate, which has no UTF-8 form")
    })
}

/// The `webhook-timestamp`, as a number of Unix seconds.
fn seconds(timestamp: Unknown<'_>) -> Result<u64> {
    if timestamp.get_type().or_throw()? != ValueType::Number {
        return Err(invalid_argument(format!(
            "timestamp must be a number of Unix seconds, got {}",
            describe(timestamp)?
        )));
    }
    // SAFETY: checked to be a number just above.
    let number = unsafe { timestamp.cast::<f64>() }.or_throw()?;
    whole_number("timestamp", number)
}

enum Key<'env> {
    Text(String),
    Bytes(Uint8ArraySlice<'env>),
}

/// Any bytes sign, so a `Buffer` is taken as it is; text must have a UTF-8 form.
fn signing_key(secret: Unknown<'_>) -> Result<Key<'_>> {
    if secret.is_typedarray().or_throw()? {
        // SAFETY: checked to be a typed array just above; the cast checks the element type.
        if let Ok(bytes) = unsafe { secret.cast::<Uint8ArraySlice<'_>>() } {
            return Ok(Key::Bytes(bytes));
        }
    }
    secret::text(secret, SIGNING_SECRET, "a string or a Buffer").map(Key::Text)
}

/// The `X-Avara-Timestamp` text, or Unix milliseconds as a number.
fn timestamp_text(timestamp: Unknown<'_>) -> Result<String> {
    match timestamp.get_type().or_throw()? {
        ValueType::String => well_formed(timestamp)?.ok_or_else(|| {
            invalid_value("timestamp holds an unpaired UTF-16 surrogate, which has no UTF-8 form")
        }),
        ValueType::Number => {
            // SAFETY: checked to be a number just above.
            let number = unsafe { timestamp.cast::<f64>() }.or_throw()?;
            Ok(whole_number("timestamp", number)?.to_string())
        }
        _ => Err(invalid_argument(format!(
            "timestamp must be a string or a number of Unix milliseconds, got {}",
            describe(timestamp)?
        ))),
    }
}
