//! Names what a caller passed by its type only: the value itself may be a secret or a
//! patient's data, so it never goes into a message.

use napi::ValueType;
use napi::bindgen_prelude::{JsValue, Unknown};

use crate::error::{OrThrow, Result};

pub fn describe(value: Unknown<'_>) -> Result<&'static str> {
    Ok(match value.get_type().or_throw()? {
        ValueType::Undefined => "undefined",
        ValueType::Null => "null",
        ValueType::Boolean => "a boolean",
        ValueType::Number => "a number",
        ValueType::String => "a string",
        ValueType::Symbol => "a symbol",
        ValueType::Function => "a function",
        ValueType::Object if value.is_array().or_throw()? => "an array",
        ValueType::Object if value.is_typedarray().or_throw()? => "a Buffer or typed array",
        ValueType::Object if value.is_arraybuffer().or_throw()? => "an ArrayBuffer",
        ValueType::Object if value.is_dataview().or_throw()? => "a DataView",
        ValueType::Object => "an object",
        _ => "a value of another type",
    })
}
