//! The emulator's request handling (routing, authentication, query and body decoding,
//! idempotency, the operations and their state) on arbitrary requests, in-process through
//! `InProcessEmulator`: no socket, a fresh emulator per input, up to four requests each so
//! that one request can act on what an earlier one created.
//!
//! Checked on every answer:
//! - there is one (no faults are configured, so nothing is dropped), with a status below
//!   500 (the emulator answers 500 only when a handler fails) and an `x-request-id`;
//! - an API answer is JSON: an error carries `error.code` and `error.message`, and
//!   `invalid_params` names its `field`; a success decodes with the client's own decoder
//!   for the operation the path routes to, so the emulator never breaks the contract the
//!   client expects;
//! - `GET /health` answers 200;
//! - a repeat of a successful non-GET request with the same `Idempotency-Key` is replayed
//!   with the same status and body, and every answer marked as replayed repeats an
//!   earlier answer to that key.
//!
//! Input layout (see `seeds.py`): `count: u8` (1 + count % 4 requests), then per request
//! `method: u8` (an index into `METHODS`; past it, the method is a chunk), `auth: u8`
//! (0 none, 1 the full-access key, 2 a read-only key scoped to its own studies, 3 the
//! header value is a chunk), the request target as a chunk, a header count `u8` and each
//! header as name and value chunks, and the body as a long chunk. In the target and
//! body, `$stu`, `$usr`, `$inv` and `$cus` stand for the last such ID an answer held and
//! `$url` for the path of the last `url` one held.

#![no_main]

use std::collections::HashMap;

use avara::client::Operation;
use avara::client::operations::{ALL, decode_named};
use avara_emulator::{Access, ApiKeyConfig, EmulatorConfig, InProcessEmulator, StudyScope};
use avara_fuzz_support::input::Input;
use avara_fuzz_support::wire::match_template;
use hyper::{Request, Response};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const METHODS: [&str; 7] = ["GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS"];
const FULL_KEY: &str = "sk_test_fuzz_full_access_0000000000";
const READ_KEY: &str = "sk_test_fuzz_read_only_00000000000";
const ID_PREFIXES: [&str; 4] = ["stu_", "usr_", "inv_", "cus_"];
/// What landing-page links start with for an emulator on port 0.
const BASE_URL: &str = "http://127.0.0.1:0";

fn emulator() -> InProcessEmulator {
    let read_only = ApiKeyConfig {
        key: Some(READ_KEY.into()),
        description: "read only".into(),
        study_scope: StudyScope::Own,
        user_access: Access::Read,
        express_access: Access::None,
        ..ApiKeyConfig::default()
    };
    let full = ApiKeyConfig {
        key: Some(FULL_KEY.into()),
        ..ApiKeyConfig::default()
    };
    let config = EmulatorConfig {
        keys: vec![full, read_only],
        ..EmulatorConfig::default()
    };
    InProcessEmulator::new(config).expect("the fuzzing configuration is valid")
}

/// What earlier answers held, for `$stu`, `$usr`, `$inv`, `$cus` and `$url`.
#[derive(Default)]
struct Remembered {
    values: HashMap<&'static str, String>,
}

impl Remembered {
    fn learn(&mut self, value: &Value) {
        match value {
            Value::Object(fields) => {
                for (name, field) in fields {
                    if let (Value::String(url), "url") = (field, name.as_str()) {
                        let path = url.strip_prefix(BASE_URL).unwrap_or(url);
                        self.values.insert("$url", path.to_owned());
                    }
                    self.learn(field);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| self.learn(item)),
            Value::String(text) => {
                for (prefix, token) in ID_PREFIXES.iter().zip(["$stu", "$usr", "$inv", "$cus"]) {
                    if text.starts_with(prefix) {
                        self.values.insert(token, text.clone());
                    }
                }
            }
            _ => {}
        }
    }

    fn fill(&self, text: &[u8]) -> Vec<u8> {
        let mut filled = text.to_vec();
        for (token, value) in &self.values {
            filled = replace(&filled, token.as_bytes(), value.as_bytes());
        }
        filled
    }
}

fn replace(haystack: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some(at) = rest
        .windows(needle.len())
        .position(|window| window == needle)
    {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(with);
        rest = &rest[at + needle.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// One request as read from the input, before `$` tokens are filled in.
struct Raw<'a> {
    method: Vec<u8>,
    authorization: Option<Vec<u8>>,
    target: &'a [u8],
    headers: Vec<(&'a [u8], &'a [u8])>,
    body: &'a [u8],
}

fn read_request<'a>(input: &mut Input<'a>) -> Raw<'a> {
    let method = match METHODS.get(usize::from(input.byte() % 8)) {
        Some(method) => method.as_bytes().to_vec(),
        None => input.chunk().to_vec(),
    };
    let authorization = match input.byte() % 4 {
        0 => None,
        1 => Some(format!("Bearer {FULL_KEY}").into_bytes()),
        2 => Some(format!("Bearer {READ_KEY}").into_bytes()),
        _ => Some(input.chunk().to_vec()),
    };
    let target = input.chunk();
    let headers = (0..input.byte())
        .map(|_| (input.chunk(), input.chunk()))
        .collect();
    let body = input.long_chunk();
    Raw {
        method,
        authorization,
        target,
        headers,
        body,
    }
}

/// The request, or `None` for one that HTTP cannot carry (hyper never hands those over).
fn build(raw: &Raw<'_>, remembered: &Remembered) -> Option<Request<Vec<u8>>> {
    let mut builder = Request::builder()
        .method(hyper::Method::from_bytes(&raw.method).ok()?)
        .uri(hyper::Uri::try_from(remembered.fill(raw.target)).ok()?);
    if let Some(value) = &raw.authorization {
        builder = builder.header(
            "authorization",
            hyper::header::HeaderValue::from_bytes(value).ok()?,
        );
    }
    for (name, value) in &raw.headers {
        builder = builder.header(
            hyper::header::HeaderName::from_bytes(name).ok()?,
            hyper::header::HeaderValue::from_bytes(value).ok()?,
        );
    }
    builder.body(remembered.fill(raw.body)).ok()
}

/// The operation the emulator routes `method path` to: the template with the most
/// literal segments.
fn route(method: &str, path: &str) -> Option<&'static Operation> {
    ALL.iter()
        .filter(|operation| operation.method.as_str() == method)
        .filter_map(|operation| Some((match_template(operation.path, path)?.1, operation)))
        .max_by_key(|(literals, _)| *literals)
        .map(|(_, operation)| operation)
}

fn check_api_answer(request: &Request<Vec<u8>>, response: &Response<Vec<u8>>) {
    let body: Value = serde_json::from_slice(response.body()).expect("API answers are JSON");
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .map(|value| value.as_bytes()),
        Some(&b"application/json"[..])
    );
    if response.status().is_success() {
        let operation = route(request.method().as_str(), request.uri().path())
            .expect("a successful API answer has a route");
        if let Err(error) = decode_named(operation.name, response.body()) {
            panic!(
                "{} answered what its client cannot read: {error:?}",
                operation.name
            );
        }
        return;
    }
    let error = &body["error"];
    let code = error["code"].as_str().expect("an error has a code");
    assert!(!code.is_empty());
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|message| !message.is_empty()),
        "an error without a message: {body}"
    );
    if code == "invalid_params" {
        assert!(
            error["field"]
                .as_str()
                .is_some_and(|field| !field.is_empty()),
            "invalid_params without a field: {body}"
        );
    }
}

/// Idempotency: which answers must be replays, and what a replay must repeat.
#[derive(Default)]
struct Replays {
    /// Non-GET API requests answered 200 with an `Idempotency-Key`, and their answers.
    succeeded: Vec<(RequestPrint, u16, Vec<u8>)>,
    /// Every answer to a request with an `Idempotency-Key`, by key.
    answered: Vec<(Vec<u8>, u16, Vec<u8>)>,
}

#[derive(PartialEq)]
struct RequestPrint {
    method: String,
    uri: String,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

impl RequestPrint {
    fn of(request: &Request<Vec<u8>>) -> RequestPrint {
        RequestPrint {
            method: request.method().to_string(),
            uri: request.uri().to_string(),
            headers: request
                .headers()
                .iter()
                .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()))
                .collect(),
            body: request.body().clone(),
        }
    }
}

impl Replays {
    fn check(&mut self, request: &Request<Vec<u8>>, response: &Response<Vec<u8>>) {
        let Some(key) = request.headers().get("idempotency-key") else {
            return;
        };
        let key = key.as_bytes().to_vec();
        let status = response.status().as_u16();
        let print = RequestPrint::of(request);
        if let Some((_, first_status, first_body)) = self
            .succeeded
            .iter()
            .find(|(earlier, ..)| *earlier == print)
        {
            assert!(
                response.headers().contains_key("idempotent-replayed"),
                "a repeated request with its Idempotency-Key was not replayed"
            );
            assert_eq!((status, response.body()), (*first_status, first_body));
        }
        if response.headers().contains_key("idempotent-replayed") {
            assert!(
                self.answered
                    .iter()
                    .any(|(earlier_key, earlier_status, earlier_body)| {
                        *earlier_key == key
                            && *earlier_status == status
                            && earlier_body == response.body()
                    }),
                "a replay repeats no earlier answer to its key"
            );
        }
        let is_api = request.uri().path().starts_with("/v1/");
        if status == 200 && is_api && request.method() != hyper::Method::GET {
            self.succeeded
                .push((print, status, response.body().clone()));
        }
        self.answered.push((key, status, response.body().clone()));
    }
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let count = 1 + input.byte() % 4;
    let raws: Vec<Raw<'_>> = (0..count).map(|_| read_request(&mut input)).collect();
    let emulator = emulator();
    let mut remembered = Remembered::default();
    let mut replays = Replays::default();
    for raw in &raws {
        let Some(request) = build(raw, &remembered) else {
            continue;
        };
        let response = emulator
            .handle(request.clone())
            .expect("nothing is dropped without injected faults");
        let status = response.status().as_u16();
        assert!(
            status < 500,
            "{} {} answered {status}",
            request.method(),
            request.uri()
        );
        assert!(response.headers().contains_key("x-request-id"));
        let path = request.uri().path();
        if path == "/v1" || path.starts_with("/v1/") {
            check_api_answer(&request, &response);
        }
        if (request.method().as_str(), path) == ("GET", "/health") {
            assert_eq!(status, 200);
        }
        replays.check(&request, &response);
        if let Ok(body) = serde_json::from_slice::<Value>(response.body()) {
            remembered.learn(&body);
        }
    }
});
