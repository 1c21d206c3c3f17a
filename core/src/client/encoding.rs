//! From parameters to an HTTP request, and from a response body to a result.
//!
//! Path placeholders take the parameter of the same wire name (percent-encoded per
//! segment); for GET the remaining parameters become the query, for the others the JSON
//! body. The query follows the contract's `style=form, explode=false`: arrays
//! comma-joined in one parameter (an empty one is left out), booleans as `true`/`false`,
//! numbers as integers, and an explicit `null` filter as an empty value (`assignedTo=`).

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::error::{ApiError, ApiErrorCode};
use crate::models::{ParamError, Validate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// One API operation of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The official SDKs' grouping, e.g. `viewer.studies.create`.
    pub name: &'static str,
    pub method: Method,
    /// With `{wireName}` placeholders, e.g. `/v1/viewer/studies/{studyId}`.
    pub path: &'static str,
    /// Whether parameters left after the path go into a JSON body.
    pub sends_body: bool,
}

/// A request ready to send, before the base URL and headers are added.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestSpec {
    pub method: Method,
    /// The path with its placeholders filled in and percent-encoded.
    pub path: String,
    /// Decoded query pairs in order.
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
    /// The query parameters whose values are arrays joined with commas.
    arrays: Vec<String>,
}

impl RequestSpec {
    /// The path and the percent-encoded query string.
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let pairs: Vec<String> = self
            .query
            .iter()
            .map(|(name, value)| {
                // An array's joining commas stay literal; any other comma is data.
                let encoded = if self.arrays.contains(name) {
                    let items: Vec<String> = value.split(',').map(percent_encode).collect();
                    items.join(",")
                } else {
                    percent_encode(value)
                };
                format!("{}={encoded}", percent_encode(name))
            })
            .collect();
        format!("{}?{}", self.path, pairs.join("&"))
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The text of one query value, `None` for an empty array (no filter). Only the
/// clearable filters serialize to `null`; it is sent as an empty value, which the
/// contract reads as "only those without one".
fn query_text(field: &str, value: &Value) -> Result<Option<String>, ParamError> {
    Ok(match value {
        Value::Null => Some(String::new()),
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        Value::Array(items) if items.is_empty() => None,
        Value::Array(items) => {
            let texts = items
                .iter()
                .map(|item| query_text(field, item).map(Option::unwrap_or_default))
                .collect::<Result<Vec<_>, _>>()?;
            Some(texts.join(","))
        }
        Value::Object(_) => {
            return Err(ParamError::new(field, "objects cannot be sent in a query"));
        }
    })
}

/// Validates typed parameters and turns them into the request for `operation`.
pub fn encode<P: Serialize + Validate>(
    operation: &Operation,
    params: &P,
) -> Result<RequestSpec, ApiError> {
    params.validate()?;
    let value = serde_json::to_value(params).map_err(|error| {
        ApiError::new(
            ApiErrorCode::InvalidParams,
            format!("parameters cannot be encoded: {error}"),
        )
    })?;
    let Value::Object(mut fields) = value else {
        return Err(ApiError::new(
            ApiErrorCode::InvalidParams,
            "parameters must be an object",
        ));
    };
    let mut path = String::new();
    let mut rest = operation.path;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .map_or(rest.len(), |offset| open + offset);
        let name = &rest[open + 1..close];
        let value = match fields.remove(name) {
            Some(Value::String(text)) if !text.is_empty() => text,
            _ => return Err(ParamError::new(name, "is required").into()),
        };
        path.push_str(&rest[..open]);
        path.push_str(&percent_encode(&value));
        rest = &rest[(close + 1).min(rest.len())..];
    }
    path.push_str(rest);
    let mut arrays = Vec::new();
    let (query, body) = if operation.method == Method::Get {
        let mut query = Vec::new();
        for (name, value) in &fields {
            if let Some(text) = query_text(name, value)? {
                if value.is_array() {
                    arrays.push(name.clone());
                }
                query.push((name.clone(), text));
            }
        }
        // Name order, whatever order the JSON map keeps, so requests are reproducible.
        query.sort_by(|a, b| a.0.cmp(&b.0));
        (query, None)
    } else if operation.sends_body {
        (Vec::new(), Some(Value::Object(fields)))
    } else {
        (Vec::new(), None)
    };
    Ok(RequestSpec {
        method: operation.method,
        path,
        query,
        body,
        arrays,
    })
}

/// Reads a success body into the operation's result type, naming the field that breaks
/// the contract otherwise.
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    // Tracking the path costs a third of the decoding time, so only a body that breaks
    // the contract is read a second time, to say where.
    if let Ok(result) = serde_json::from_slice(body) {
        return Ok(result);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        ApiError::new(
            ApiErrorCode::InvalidResponse,
            format!(
                "the response does not match the contract at {path}: {}",
                error.into_inner()
            ),
        )
    })
}

/// Reads dynamic parameters (a JSON object in wire form) into the typed parameters.
pub fn params_from_value<P: DeserializeOwned>(value: Value) -> Result<P, ApiError> {
    // serde reads a struct from an array by position too; parameters have names only.
    let value = match value {
        Value::Null => Value::Object(Map::new()),
        Value::Object(fields) => Value::Object(fields),
        other => {
            let kind = match other {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                _ => "a boolean",
            };
            return Err(ParamError::new(
                "params",
                format!("must be an object of named parameters, got {kind}"),
            )
            .into());
        }
    };
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner().to_string();
        // A missing field is reported at its parent; name the field itself.
        let field = inner
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
            .map(|name| {
                if path == "." {
                    name.to_owned()
                } else {
                    format!("{path}.{name}")
                }
            })
            .unwrap_or(path);
        ParamError::new(field, inner).into()
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::operations::encode_named;
    use super::ApiErrorCode;

    #[test]
    fn parameters_that_are_not_an_object_are_refused_naming_params() {
        let study_id = "stu_1234567890abcdef1234567890abcdef";
        // An array once filled the fields by position, so `[id]` retrieved the study.
        for params in [
            json!([study_id]),
            json!([]),
            json!(study_id),
            json!(5),
            json!(true),
        ] {
            let error = encode_named("viewer.studies.retrieve", params.clone()).unwrap_err();
            assert_eq!(
                (error.code, error.field.as_deref()),
                (ApiErrorCode::InvalidParams, Some("params")),
                "{params}"
            );
            assert!(error.message.contains("object"), "{}", error.message);
        }
        assert!(encode_named("viewer.studies.list", json!(null)).is_ok());
        assert!(encode_named("viewer.studies.retrieve", json!({"studyId": study_id})).is_ok());
    }
}
