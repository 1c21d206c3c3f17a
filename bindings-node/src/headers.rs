//! Header containers as Node code holds them, read into the core's `WebhookHeaders`.
//!
//! Accepted: a plain object such as `req.headers` (a value may be an array, as in
//! `req.headersDistinct`: each element is one header line, so two elements are a
//! duplicate) and an array of `[name, value]` pairs. `index.js` turns `Headers` and
//! `Map` into pairs first. A container of any other type holds no lines, so the core
//! reports the header it misses (`missing_signature`, ...); reading fails only when the
//! caller's own code (a getter, a proxy) throws.

use avara::webhooks::WebhookHeaders;
use napi::ValueType;
use napi::bindgen_prelude::{Array, JsObjectValue, JsValue, Object, Unknown};

use crate::error::{OrThrow, Result};

pub fn read(value: Unknown<'_>) -> Result<WebhookHeaders> {
    let mut headers = WebhookHeaders::new();
    if value.get_type().or_throw()? != ValueType::Object {
        return Ok(headers);
    }
    if value.is_array().or_throw()? {
        // SAFETY: checked to be an array just above.
        let pairs = unsafe { value.cast::<Array>() }.or_throw()?;
        for index in 0..pairs.len() {
            insert_pair(
                &mut headers,
                pairs.get_element::<Unknown>(index).or_throw()?,
            )?;
        }
    } else {
        // SAFETY: checked to be an object (and not an array) just above.
        let object = unsafe { value.cast::<Object>() }.or_throw()?;
        // `keys` also lists inherited enumerable properties; like `Object.entries`, only
        // the object's own ones are its headers.
        for name in Object::keys(&object).or_throw()? {
            if !object.has_own_property(&name).or_throw()? {
                continue;
            }
            if let Some(value) = object.get::<Unknown>(&name).or_throw()? {
                insert_value(&mut headers, &name, value)?;
            }
        }
    }
    Ok(headers)
}

fn insert_pair(headers: &mut WebhookHeaders, pair: Unknown<'_>) -> Result<()> {
    if !pair.is_array().or_throw()? {
        return Ok(());
    }
    // SAFETY: checked to be an array just above.
    let pair = unsafe { pair.cast::<Array>() }.or_throw()?;
    let name = pair.get::<Unknown>(0).or_throw()?;
    let value = pair.get::<Unknown>(1).or_throw()?;
    if let (Some(name), Some(value)) = (name, value)
        && name.get_type().or_throw()? == ValueType::String
    {
        // SAFETY: checked to be a string just above.
        let name = unsafe { name.cast::<String>() }.or_throw()?;
        insert_value(headers, &name, value)?;
    }
    Ok(())
}

/// One value: a string is one line, an array holds one line per element, `undefined`
/// and `null` mean the header is absent. Any other value still counts as a line, an
/// empty one, so a stray non-string can never hide a duplicate.
fn insert_value(headers: &mut WebhookHeaders, name: &str, value: Unknown<'_>) -> Result<()> {
    match value.get_type().or_throw()? {
        ValueType::Undefined | ValueType::Null => {}
        ValueType::Object if value.is_array().or_throw()? => {
            // SAFETY: checked to be an array just above.
            let lines = unsafe { value.cast::<Array>() }.or_throw()?;
            for index in 0..lines.len() {
                let line = lines.get_element::<Unknown>(index).or_throw()?;
                headers.insert(name, line_text(line)?);
            }
        }
        _ => headers.insert(name, line_text(value)?),
    }
    Ok(())
}

fn line_text(line: Unknown<'_>) -> Result<String> {
    if line.get_type().or_throw()? == ValueType::String {
        // SAFETY: checked to be a string just above.
        unsafe { line.cast::<String>() }.or_throw()
    } else {
        Ok(String::new())
    }
}
