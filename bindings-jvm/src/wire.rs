//! The API client's JSON values cross the boundary as a uniffi tree, so the Java side
//! builds and reads plain values and never writes or parses JSON text.

use serde_json::{Map, Number, Value};

/// One JSON value. Integers that fit `i64` stay exact; other numbers are `FloatValue`.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum WireValue {
    NullValue,
    BoolValue { value: bool },
    IntValue { value: i64 },
    FloatValue { value: f64 },
    TextValue { value: String },
    ListValue { items: Vec<WireValue> },
    ObjectValue { fields: Vec<WireField> },
}

/// One member of a JSON object, in the order the object keeps.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WireField {
    pub name: String,
    pub value: WireValue,
}

impl From<Value> for WireValue {
    fn from(value: Value) -> Self {
        match value {
            Value::Null => WireValue::NullValue,
            Value::Bool(value) => WireValue::BoolValue { value },
            Value::Number(number) => match number.as_i64() {
                Some(value) => WireValue::IntValue { value },
                // u64 above i64::MAX, or a fraction: both are representable as f64.
                None => WireValue::FloatValue {
                    value: number.as_f64().unwrap_or(f64::NAN),
                },
            },
            Value::String(value) => WireValue::TextValue { value },
            Value::Array(items) => WireValue::ListValue {
                items: items.into_iter().map(WireValue::from).collect(),
            },
            Value::Object(fields) => WireValue::ObjectValue {
                fields: fields
                    .into_iter()
                    .map(|(name, value)| WireField {
                        name,
                        value: value.into(),
                    })
                    .collect(),
            },
        }
    }
}

/// JSON has no NaN or infinity; such a number is the one value the core cannot take.
#[derive(Debug)]
pub struct NonFiniteNumber;

impl TryFrom<WireValue> for Value {
    type Error = NonFiniteNumber;

    fn try_from(value: WireValue) -> Result<Self, Self::Error> {
        Ok(match value {
            WireValue::NullValue => Value::Null,
            WireValue::BoolValue { value } => Value::Bool(value),
            WireValue::IntValue { value } => Value::Number(value.into()),
            WireValue::FloatValue { value } => {
                Value::Number(Number::from_f64(value).ok_or(NonFiniteNumber)?)
            }
            WireValue::TextValue { value } => Value::String(value),
            WireValue::ListValue { items } => Value::Array(
                items
                    .into_iter()
                    .map(Value::try_from)
                    .collect::<Result<_, _>>()?,
            ),
            WireValue::ObjectValue { fields } => {
                let mut object = Map::with_capacity(fields.len());
                for WireField { name, value } in fields {
                    object.insert(name, value.try_into()?);
                }
                Value::Object(object)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::WireValue;

    #[test]
    fn every_json_value_survives_the_round_trip() {
        let value = json!({"b": [1, -2, 2.5, 18446744073709551615u64, null, true, "x"], "a": {"nested": {}}});
        let back = serde_json::Value::try_from(WireValue::from(value.clone())).unwrap();
        assert_eq!(
            back,
            json!({"b": [1, -2, 2.5, 18446744073709551615.0, null, true, "x"], "a": {"nested": {}}})
        );
        assert_eq!(
            back.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["b", "a"]
        );
    }

    #[test]
    fn a_non_finite_number_is_refused() {
        assert!(serde_json::Value::try_from(WireValue::FloatValue { value: f64::NAN }).is_err());
    }
}
