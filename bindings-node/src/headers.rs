//! Header lines into the core's `WebhookHeaders`. `lib/headers.js` reads whatever
//! container the caller holds and hands over only the lines the core may read: text
//! lines as one string, `name\0value\0name\0value...`, or `[name, value]` pairs when a
//! value is bytes or holds a NUL. Converting one string costs far less than walking the
//! container through napi calls. What bytes a text value stands for is the core's rule.

use avara::webhooks::{WebhookHeaders, headers_not_raw};
use napi::bindgen_prelude::{Either, Uint8Array, Unknown};
use napi_derive::napi;

use crate::describe::describe;
use crate::error::{Result, webhook_error};

pub type Lines = Either<String, Vec<(String, Either<String, Uint8Array>)>>;

pub fn read(lines: &Lines) -> WebhookHeaders {
    let mut headers = WebhookHeaders::new();
    match lines {
        Either::A(joined) => {
            let mut fields = joined.split('\0');
            while let (Some(name), Some(value)) = (fields.next(), fields.next()) {
                headers.insert_text(name, value);
            }
        }
        Either::B(pairs) => {
            for (name, value) in pairs {
                match value {
                    Either::A(text) => headers.insert_text(name, text),
                    Either::B(bytes) => headers.insert(name, bytes),
                }
            }
        }
    }
    headers
}

/// The names the core reads, so `lib/headers.js` knows which lines to hand over.
#[napi]
pub fn header_names() -> Vec<&'static str> {
    WebhookHeaders::names().collect()
}

/// Throws the core's error for headers that are not the request's header lines:
/// `lib/headers.js` finds them and hands over what it `found` (named here by its type
/// only, as every argument is) and where (`context`).
#[napi]
pub fn reject_headers(found: Unknown<'_>, context: String) -> Result<()> {
    let problem = format!("got {}{context}", describe(found)?);
    Err(webhook_error(headers_not_raw(&problem)))
}
