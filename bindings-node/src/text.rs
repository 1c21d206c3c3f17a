//! JavaScript strings into Rust text without napi's silent repair: napi hands an
//! unpaired UTF-16 surrogate over as U+FFFD, which would turn a broken secret or body
//! into a different one instead of an error.

use napi::JsString;
use napi::bindgen_prelude::Unknown;

use crate::error::{OrThrow, Result};

/// The text of `value`, which must be a string, or `None` when it holds an unpaired
/// surrogate and so has no UTF-8 form. Only text that napi handed over with a U+FFFD is
/// read a second time, as UTF-16, to tell a repaired surrogate from a genuine U+FFFD.
pub fn well_formed(value: Unknown<'_>) -> Result<Option<String>> {
    // SAFETY: the caller checked that `value` is a string.
    let text = unsafe { value.cast::<String>() }.or_throw()?;
    if !text.contains(char::REPLACEMENT_CHARACTER) {
        return Ok(Some(text));
    }
    // SAFETY: as above.
    let units = unsafe { value.cast::<JsString<'_>>() }
        .or_throw()?
        .into_utf16()
        .or_throw()?;
    let paired = char::decode_utf16(units.as_slice().iter().copied()).all(|unit| unit.is_ok());
    Ok(paired.then_some(text))
}
