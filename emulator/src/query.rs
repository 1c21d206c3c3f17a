//! Decoding of paths and query strings into the JSON the parameter types read.
//!
//! The SDKs send `limit` as a number (Java as `20.0`), booleans as `true`/`false` and
//! arrays comma-joined in one parameter. TypeScript and our own client send an explicit
//! null filter as an empty value (`assignedTo=`); those become JSON `null` so the list can
//! tell "only unassigned" apart from "no filter". Other empty values count as absent.

use serde_json::{Map, Number, Value};

use crate::errors::ApiFailure;

const INTEGERS: &[&str] = &["limit"];
const BOOLEANS: &[&str] = &["isCancelled"];
const ARRAYS: &[&str] = &["status"];
const NULLABLE: &[&str] = &["assignedTo", "expressCustomerId", "isCancelled"];

/// Decodes `%XX` escapes (invalid ones are kept as they are) and, in query strings,
/// `+` as a space.
pub(crate) fn percent_decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        let escaped = (byte == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        if let Some(decoded) = escaped {
            out.push(decoded);
            index += 3;
        } else {
            out.push(if plus_is_space && byte == b'+' {
                b' '
            } else {
                byte
            });
            index += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn integer(name: &str, text: &str) -> Result<Value, ApiFailure> {
    let number = text
        .parse::<f64>()
        .ok()
        .filter(|number| number.fract() == 0.0 && number.is_finite());
    match number {
        // Whole numbers in this range convert to i64 exactly.
        Some(number) if number.abs() < 9_007_199_254_740_992.0 => {
            Ok(Value::Number(Number::from(number as i64)))
        }
        _ => Err(ApiFailure::invalid_params(
            name,
            format!("expected a whole number, got {text:?}"),
        )),
    }
}

fn boolean(name: &str, text: &str) -> Result<Value, ApiFailure> {
    match text {
        "true" => Ok(Value::Bool(true)),
        "false" => Ok(Value::Bool(false)),
        _ => Err(ApiFailure::invalid_params(
            name,
            format!("expected true or false, got {text:?}"),
        )),
    }
}

/// The query as a JSON object of parameters.
pub(crate) fn query_object(raw: &str) -> Result<Map<String, Value>, ApiFailure> {
    let mut object = Map::new();
    for pair in raw.split('&').filter(|pair| !pair.is_empty()) {
        let (name, text) = pair.split_once('=').unwrap_or((pair, ""));
        let name = percent_decode(name, true);
        // A value without a name belongs to no parameter, as an unknown name does.
        if name.is_empty() {
            continue;
        }
        let name = name.as_str();
        if ARRAYS.contains(&name) {
            // Decoded before splitting: SDKs send the joining commas encoded (`sent%2Crevoked`)
            // or literal, and no value of an array parameter contains a comma.
            let text = percent_decode(text, true);
            let items = text
                .split(',')
                .map(str::to_owned)
                .filter(|item| !item.is_empty());
            let entry = object
                .entry(name)
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(existing) = entry {
                existing.extend(items.map(Value::String));
            }
            continue;
        }
        let text = percent_decode(text, true);
        let value = if text.is_empty() {
            if !NULLABLE.contains(&name) {
                continue;
            }
            Value::Null
        } else if INTEGERS.contains(&name) {
            integer(name, &text)?
        } else if BOOLEANS.contains(&name) {
            boolean(name, &text)?
        } else {
            Value::String(text)
        };
        if object.insert(name.to_owned(), value).is_some() {
            return Err(ApiFailure::invalid_params(name, "is given more than once"));
        }
    }
    Ok(object)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decodes_escapes_and_plus() {
        assert_eq!(percent_decode("a%20b+c%2Bd%zz%4", true), "a b c+d%zz%4");
        assert_eq!(percent_decode("1.2%2E3+4", false), "1.2.3+4");
        assert_eq!(percent_decode("caf%C3%A9", false), "café");
    }

    #[test]
    fn types_the_known_parameters() {
        let query = query_object(
            "limit=20.0&isCancelled=false&status=sent,revoked&status=accepted&studyDescription=CT%20head&cursor=",
        )
        .unwrap();
        assert_eq!(
            Value::Object(query),
            json!({"limit": 20, "isCancelled": false, "status": ["sent", "revoked", "accepted"], "studyDescription": "CT head"})
        );
        assert_eq!(
            Value::Object(query_object("assignedTo=&expressCustomerId").unwrap()),
            json!({"assignedTo": null, "expressCustomerId": null})
        );
    }

    #[test]
    fn values_without_a_name_are_ignored() {
        // Twice once answered invalid_params "is given more than once" with an empty field.
        assert_eq!(
            Value::Object(query_object("=stat&limit=2&=high&%3D").unwrap()),
            json!({"limit": 2})
        );
    }

    #[test]
    fn names_the_parameter_at_fault() {
        for (raw, field) in [
            ("limit=ten", "limit"),
            ("limit=2.5", "limit"),
            ("isCancelled=yes", "isCancelled"),
            ("email=a&email=b", "email"),
        ] {
            assert_eq!(
                query_object(raw).unwrap_err().field.as_deref(),
                Some(field),
                "{raw}"
            );
        }
    }
}
