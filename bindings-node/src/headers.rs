//! Header lines into the core's `WebhookHeaders`. `lib/headers.js` reads whatever
//! container the caller holds and hands over only the lines the core may read, flat as
//! `[name, value, name, value, ...]`: one string joined with NUL, or the array when a line
//! holds a NUL. Converting one string costs far less than walking the container through
//! napi calls.

use avara::webhooks::{WebhookHeaders, headers_not_raw};
use napi::bindgen_prelude::Either;
use napi_derive::napi;

use crate::error::{Result, webhook_error};

pub type Lines = Either<String, Vec<String>>;

pub fn read(lines: &Lines) -> WebhookHeaders {
    match lines {
        Either::A(joined) => pairs(joined.split('\0')),
        Either::B(lines) => pairs(lines.iter().map(String::as_str)),
    }
}

fn pairs<'a>(mut fields: impl Iterator<Item = &'a str>) -> WebhookHeaders {
    let mut headers = WebhookHeaders::new();
    while let (Some(name), Some(value)) = (fields.next(), fields.next()) {
        headers.insert(name, value);
    }
    headers
}

/// The names the core reads, so `lib/headers.js` knows which lines to hand over.
#[napi]
pub fn header_names() -> Vec<&'static str> {
    WebhookHeaders::names().collect()
}

/// Throws the core's error for headers that are not the request's header lines;
/// `lib/headers.js` finds them and says what it found (`problem`), by type only.
#[napi]
pub fn reject_headers(problem: String) -> Result<()> {
    Err(webhook_error(headers_not_raw(&problem)))
}
