//! JSON parsing that refuses what lets two parsers disagree about one body: a byte
//! order mark, invalid UTF-8, duplicate keys, deep nesting and trailing data.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::error::{ErrorCode, WebhookError};

/// Arrays and objects may nest this deep.
pub const MAX_DEPTH: usize = 64;

fn invalid(detail: impl fmt::Display) -> WebhookError {
    WebhookError::new(
        ErrorCode::InvalidPayload,
        format!("the body is not valid JSON: {detail}"),
    )
}

/// Parses a webhook body under the strict rules; errors carry the code `invalid_payload`.
pub fn parse_strict_json(body: &[u8]) -> Result<Value, WebhookError> {
    check_text(body)?;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = StrictValue { depth: 0 }
        .deserialize(&mut deserializer)
        .map_err(invalid)?;
    deserializer.end().map_err(invalid)?;
    Ok(value)
}

/// The rules about the body as text, checked before any JSON is read.
pub(super) fn check_text(body: &[u8]) -> Result<(), WebhookError> {
    if body.starts_with(b"\xEF\xBB\xBF") {
        return Err(invalid("it starts with a UTF-8 byte order mark"));
    }
    if let Err(utf8) = std::str::from_utf8(body) {
        return Err(invalid(format_args!(
            "invalid UTF-8 at byte {}",
            utf8.valid_up_to()
        )));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(invalid("the body is empty"));
    }
    Ok(())
}

struct StrictValue {
    depth: usize,
}

impl StrictValue {
    /// The seed for the members of an array or object at this depth.
    fn members<E: serde::de::Error>(&self) -> Result<StrictValue, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "arrays and objects nest deeper than {MAX_DEPTH} levels"
            )));
        }
        Ok(StrictValue {
            depth: self.depth + 1,
        })
    }
}

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let members = self.members()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(StrictValue {
            depth: members.depth,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let members = self.members()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(A::Error::custom(format_args!("duplicate key {key:?}")));
            }
            let value = map.next_value_seed(StrictValue {
                depth: members.depth,
            })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}
