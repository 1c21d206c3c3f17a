//! Parameter decoding for every operation of the core's table, as the bindings reach it:
//! `operations::encode_named(name, params)` with the host's dict or object as a JSON
//! value (wire names).
//!
//! Checked on every input:
//! - a refusal is `invalid_params` and names the field: a member the caller gave (or its
//!   alias), or one the message says is missing or required;
//! - only an object (or null: no parameters) is accepted;
//! - an accepted request is decodable: its method is the operation's, its path fills the
//!   template with plain segments, its query is sorted and unique, and the parameters
//!   read back from the wire (path segments, query, body) encode to the same request.
//!
//! Input layout (see `seeds.py`): `operation: u8` (an index into the table), then the
//! parameters as JSON text. Texts serde_json refuses are skipped: a binding always
//! hands over a value.

#![no_main]

use avara::client::operations::{ALIASES, ALL, encode_named};
use avara::client::{ApiError, ApiErrorCode, Method, Operation, RequestSpec};
use avara_fuzz_support::input::Input;
use avara_fuzz_support::wire;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Number, Value};

fn percent_decode(text: &str) -> String {
    String::from_utf8(wire::percent_decode(text)).expect("the client percent-encodes UTF-8 text")
}

/// A wire path keeps its segments: only unreserved characters, escapes and slashes, and
/// no segment a URL library would resolve away.
fn check_plain_path(path: &str) {
    assert!(
        path.bytes().all(|byte| byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'%' | b'/')),
        "unencoded character in {path}"
    );
    assert!(
        path.split('/')
            .all(|segment| segment != "." && segment != ".."),
        "dot segment in {path}"
    );
}

/// The path parameters, read back from the path by the operation's template.
fn path_params(operation: &Operation, path: &str, into: &mut Map<String, Value>) {
    let (params, _) = wire::match_template(operation.path, path)
        .unwrap_or_else(|| panic!("{path} does not fit {}", operation.path));
    for (name, value) in params {
        let value = String::from_utf8(value).expect("the client percent-encodes UTF-8 text");
        into.insert(name.to_owned(), Value::String(value));
    }
}

/// A query value read back with the JSON kind the caller gave for it.
fn query_value(text: &str, given: Option<&Value>) -> Value {
    match given {
        Some(Value::Number(_)) => text
            .parse::<i64>()
            .map(Number::from)
            .map(Value::Number)
            .expect("numbers are sent as integers"),
        Some(Value::Bool(_)) => Value::Bool(text.parse().expect("booleans are sent as true/false")),
        // A clearable filter sent as `null` ("only those without one") is an empty value.
        Some(Value::Null) if text.is_empty() => Value::Null,
        Some(Value::Array(_)) => text
            .split(',')
            .map(|item| Value::String(percent_decode(item)))
            .collect(),
        _ => Value::String(percent_decode(text)),
    }
}

/// The wire-form parameters a server reads from the request `spec` describes.
fn read_back(operation: &Operation, spec: &RequestSpec, given: &Map<String, Value>) -> Value {
    let target = spec.path_and_query();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    check_plain_path(path);
    let mut params = match &spec.body {
        Some(Value::Object(body)) => body.clone(),
        Some(other) => panic!("a body that is not an object: {other}"),
        None => Map::new(),
    };
    path_params(operation, path, &mut params);
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, text) = pair.split_once('=').expect("every query pair has a value");
        let name = percent_decode(name);
        let value = query_value(text, given.get(&name));
        assert!(params.insert(name, value).is_none(), "{pair} is sent twice");
    }
    Value::Object(params)
}

fn check_refusal(operation: &Operation, error: &ApiError, params: &Value) {
    assert_eq!(error.code, ApiErrorCode::InvalidParams, "{error:?}");
    assert!(!error.message.is_empty());
    let field = error.field.as_deref().expect("a refusal names the field");
    assert!(!field.is_empty(), "an empty field name: {error:?}");
    let Value::Object(given) = params else {
        return;
    };
    let first = field
        .split(['.', '['])
        .next()
        .expect("split yields at least one part");
    // A field the caller left out is one the message says is missing or required.
    let detail = error
        .message
        .strip_prefix(&format!("{field}: "))
        .unwrap_or(&error.message);
    let missing =
        detail.contains("missing") || detail.contains("required") || detail.contains(first);
    // A field the caller gave under one of its aliases is reported by its own name.
    let aliased = ALIASES.iter().any(|(name, alias, field)| {
        *name == operation.name && *field == first && given.contains_key(*alias)
    });
    assert!(
        given.contains_key(first) || aliased || missing,
        "the field {field:?} is neither given nor reported missing: {}",
        error.message
    );
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let operation = &ALL[usize::from(input.byte()) % ALL.len()];
    let Ok(params) = serde_json::from_slice::<Value>(input.rest()) else {
        return;
    };
    let spec = match encode_named(operation.name, params.clone()) {
        Ok(spec) => spec,
        Err(error) => return check_refusal(operation, &error, &params),
    };
    let given = match &params {
        Value::Object(given) => given.clone(),
        Value::Null => Map::new(),
        other => panic!(
            "{} accepted parameters that are not an object: {other}",
            operation.name
        ),
    };
    assert_eq!(spec.method, operation.method);
    assert!(
        spec.query.windows(2).all(|pair| pair[0].0 < pair[1].0),
        "query not in name order or repeated: {:?}",
        spec.query
    );
    assert_eq!(
        spec.body.is_some(),
        operation.method != Method::Get && operation.sends_body
    );
    let again = encode_named(operation.name, read_back(operation, &spec, &given))
        .expect("parameters read back from an accepted request are accepted");
    assert_eq!(again, spec, "the request read back encodes differently");
});
