//! Secrets as JavaScript hands them over. Every problem with one, its type included, is
//! the core's `invalid_secret`: a secret usually comes from configuration, where an
//! unset environment variable arrives as `undefined`.

use avara::webhooks::{secret_missing, secret_not_unicode, secret_wrong_type};
use napi::ValueType;
use napi::bindgen_prelude::Unknown;

use crate::describe::describe;
use crate::error::{OrThrow, Result, webhook_error};
use crate::text::well_formed;

/// The text of a secret named `label` in messages; `expected` names the types accepted.
pub fn text(value: Unknown<'_>, label: &str, expected: &str) -> Result<String> {
    match value.get_type().or_throw()? {
        ValueType::String => match well_formed(value)? {
            Some(text) => Ok(text),
            None => Err(webhook_error(secret_not_unicode(label))),
        },
        ValueType::Undefined | ValueType::Null => Err(webhook_error(secret_missing(label))),
        _ => Err(webhook_error(secret_wrong_type(
            label,
            expected,
            describe(value)?,
        ))),
    }
}
