//! One API request: faults, authentication, routing, idempotency, the operation.
//!
//! A fault is drawn first. A 429, or an error or drop that strikes "before", answers
//! without touching anything. One that strikes "after" lets the request run in full
//! (including recording its answer under its `Idempotency-Key`) and only then replaces
//! the answer, as a server that crashed after committing would: a retry with the same
//! key gets the recorded answer, a retry without one meets the consequences (a 409 for
//! a second create of the same study).

use avara::client::Method;
use serde_json::{Map, Value};

use crate::app::{App, Counters, Outcome, lock};
use crate::clock::now_ms;
use crate::errors::ApiFailure;
use crate::faults::Fault;
use crate::http::{Request, Response};
use crate::idempotency::{Lookup, valid_key};
use crate::keys::authenticate;
use crate::ops::{self, Ctx};
use crate::query::query_object;
use crate::router::{Resolution, Route, resolve};

pub(crate) fn handle(app: &App, request: &Request) -> Outcome {
    Counters::bump(&app.counters.api_requests);
    let (fault, retry_after_ms) = {
        let mut injector = lock(&app.faults);
        (injector.next(), injector.faults().retry_after_ms)
    };
    match fault {
        Fault::RateLimited => return Outcome::Respond(rate_limited(app, retry_after_ms)),
        Fault::Status {
            status,
            after_apply: false,
        } => {
            return Outcome::Respond(injected_error(app, status, retry_after_ms));
        }
        Fault::Drop { after_apply: false } => return dropped(app),
        _ => {}
    }
    let response = execute(app, request);
    match fault {
        Fault::Status { status, .. } => {
            Counters::bump(&app.counters.faults_after_apply);
            Outcome::Respond(injected_error(app, status, retry_after_ms))
        }
        Fault::Drop { .. } => {
            Counters::bump(&app.counters.faults_after_apply);
            dropped(app)
        }
        _ => Outcome::Respond(response),
    }
}

/// Injected 429s and 503s say when to come back, as real ones may.
fn with_retry_hint(response: Response, retry_after_ms: u64) -> Response {
    response
        .header("retry-after-ms", retry_after_ms.to_string())
        .header("retry-after", retry_after_ms.div_ceil(1000).to_string())
}

fn rate_limited(app: &App, retry_after_ms: u64) -> Response {
    Counters::bump(&app.counters.rate_limited);
    let message = "rate limit exceeded (injected fault); retry later".to_owned();
    with_retry_hint(
        ApiFailure {
            status: 429,
            code: "rate_limited",
            message,
            field: None,
        }
        .into_response(),
        retry_after_ms,
    )
}

fn injected_error(app: &App, status: u16, retry_after_ms: u64) -> Response {
    Counters::bump(&app.counters.errors_injected);
    let code = match status {
        500 => "internal_server",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        _ => "injected_fault",
    };
    let response = ApiFailure {
        status,
        code,
        message: format!("injected fault: HTTP {status}"),
        field: None,
    }
    .into_response();
    if status == 503 {
        with_retry_hint(response, retry_after_ms)
    } else {
        response
    }
}

fn dropped(app: &App) -> Outcome {
    Counters::bump(&app.counters.connections_dropped);
    Outcome::Drop
}

fn execute(app: &App, request: &Request) -> Response {
    let key = match authenticate(&app.keys, request.header("authorization")) {
        Ok(key) => key,
        Err(failure) => return failure.into_response(),
    };
    let route = match resolve(&request.method, &request.path) {
        Resolution::Found(route) => route,
        Resolution::WrongMethod(allowed) => {
            let message = format!(
                "{} {} is not supported; use {}",
                request.method,
                request.path,
                allowed.join(" or ")
            );
            return ApiFailure::method_not_allowed(message)
                .into_response()
                .header("allow", allowed.join(", "));
        }
        Resolution::NotFound => {
            return ApiFailure::not_found(format!(
                "no route for {} {}",
                request.method, request.path
            ))
            .into_response();
        }
    };
    // GETs change nothing, so they are always answered afresh.
    let idempotency_key = request
        .header("idempotency-key")
        .filter(|_| route.operation.method != Method::Get);
    if let Some(idempotency_key) = idempotency_key
        && !valid_key(idempotency_key)
    {
        return ApiFailure::bad_request(
            "Idempotency-Key must be 1 to 255 printable ASCII characters",
        )
        .on("Idempotency-Key")
        .into_response();
    }
    let mut state = app.state();
    if let Some(idempotency_key) = idempotency_key {
        match state.idempotency.lookup(key, idempotency_key, request) {
            Lookup::Replay(response) => {
                Counters::bump(&app.counters.idempotent_replays);
                return response.header("idempotent-replayed", "true");
            }
            Lookup::Mismatch => return ApiFailure::idempotency_mismatch().into_response(),
            Lookup::Fresh => {}
        }
    }
    let mut ctx = Ctx {
        state: &mut state,
        keys: &app.keys,
        key,
        ids: &app.ids,
        now_ms: now_ms(),
        clinic_id: &app.clinic_id,
        base_url: &app.base_url,
        reroute_ttl_ms: app.reroute_ttl_ms,
        ephemeral_ttl_ms: app.ephemeral_ttl_ms,
    };
    let response =
        match input(&route, request).and_then(|input| ops::run(&mut ctx, route.operation, input)) {
            Ok(result) => Response::json_text(200, result),
            Err(failure) => failure.into_response(),
        };
    if let Some(idempotency_key) = idempotency_key {
        state
            .idempotency
            .record(key, idempotency_key, request, &response);
    }
    response
}

/// The operation's parameters in wire form: the query (GET) or the JSON body, with the
/// path parameters on top.
fn input(route: &Route, request: &Request) -> Result<Value, ApiFailure> {
    let mut params = if route.operation.method == Method::Get {
        query_object(&request.query)?
    } else if route.operation.sends_body && !request.body.iter().all(u8::is_ascii_whitespace) {
        match serde_json::from_slice::<Value>(&request.body) {
            Ok(Value::Object(fields)) => fields,
            Ok(_) => return Err(ApiFailure::bad_request("the body must be a JSON object")),
            Err(error) => {
                return Err(ApiFailure::bad_request(format!(
                    "the body is not valid JSON: {error}"
                )));
            }
        }
    } else {
        Map::new()
    };
    for (name, value) in &route.path_params {
        params.insert((*name).to_owned(), Value::String(value.clone()));
    }
    Ok(Value::Object(params))
}
