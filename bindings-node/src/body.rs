//! Request bodies: a `Buffer`/`Uint8Array` is read in place, a string as its UTF-8
//! bytes; anything else, and a string without a UTF-8 form, is the core's
//! `payload_not_raw`.

use std::ops::Deref;

use avara::webhooks::{payload_not_raw, payload_not_unicode};
use napi::ValueType;
use napi::bindgen_prelude::{JsValue, Uint8ArraySlice, Unknown};

use crate::describe::describe;
use crate::error::{Code, OrThrow, Result, webhook_error};
use crate::text::well_formed;

pub enum Body<'env> {
    /// Borrows the JavaScript memory: bodies are hashed where they lie, without a copy.
    /// No JavaScript may run while it is alive, or the buffer could be detached under it.
    View(Uint8ArraySlice<'env>),
    Text(String),
}

impl Deref for Body<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Body::View(view) => view,
            Body::Text(text) => text.as_bytes(),
        }
    }
}

pub fn read(value: Unknown<'_>) -> Result<Body<'_>> {
    match value.get_type().or_throw()? {
        ValueType::String => match well_formed(value)? {
            Some(text) => Ok(Body::Text(text)),
            None => Err(webhook_error(payload_not_unicode())),
        },
        ValueType::Object if value.is_typedarray().or_throw()? => {
            // SAFETY: checked to be a typed array just above. The cast itself checks the
            // element type, so other typed arrays fail here.
            match unsafe { value.cast::<Uint8ArraySlice<'_>>() } {
                Ok(view) => Ok(Body::View(view)),
                Err(_) => Err(not_raw("a typed array other than Uint8Array")),
            }
        }
        ValueType::Object if value.is_arraybuffer().or_throw()? => Err(not_raw(
            "an ArrayBuffer (wrap it without copying: new Uint8Array(arrayBuffer))",
        )),
        _ => Err(not_raw(describe(value)?)),
    }
}

fn not_raw(received: &str) -> napi::Error<Code> {
    webhook_error(payload_not_raw(received))
}
