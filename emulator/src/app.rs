//! The request handler shared by all connections: API routes, landing pages, health.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use avara::webhooks::Scheme;
use serde_json::json;

use crate::config::EmulatorConfig;
use crate::errors::ApiFailure;
use crate::faults::FaultInjector;
use crate::http::{Request, Response};
use crate::ids::Ids;
use crate::keys::ApiKey;
use crate::store::State;
use crate::{Stats, api, delivery, view};

/// What the connection does with a request.
pub(crate) enum Outcome {
    Respond(Response),
    /// Close the connection without answering (an injected fault).
    Drop,
}

#[derive(Default)]
pub(crate) struct Counters {
    pub requests: AtomicU64,
    pub api_requests: AtomicU64,
    pub errors_injected: AtomicU64,
    pub connections_dropped: AtomicU64,
    pub rate_limited: AtomicU64,
    pub faults_after_apply: AtomicU64,
    pub idempotent_replays: AtomicU64,
    pub webhook_deliveries: AtomicU64,
}

impl Counters {
    pub(crate) fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

fn is_api(request: &Request) -> bool {
    request.path == "/v1" || request.path.starts_with("/v1/")
}

/// Whether answering waits on the network: a landing page delivers a webhook and
/// waits for the receiver's answer. Every other request only computes under short
/// locks.
pub(crate) fn waits_on_network(request: &Request) -> bool {
    request.path.starts_with("/view/")
}

pub(crate) struct App {
    pub keys: Vec<ApiKey>,
    pub base_url: String,
    pub clinic_id: String,
    pub ids: Ids,
    pub counters: Counters,
    pub faults: Mutex<FaultInjector>,
    pub scheme: Scheme,
    pub reroute_ttl_ms: u64,
    pub ephemeral_ttl_ms: u64,
    pub agent: ureq::Agent,
    log_requests: bool,
    state: Mutex<State>,
}

/// A panic in one request must not take the others down with a poisoned lock; the
/// state is only changed after every check has passed, so it stays consistent.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl App {
    pub(crate) fn new(
        config: &EmulatorConfig,
        keys: Vec<ApiKey>,
        ids: Ids,
        base_url: String,
    ) -> App {
        App {
            keys,
            base_url,
            clinic_id: ids.uuid(),
            ids,
            counters: Counters::default(),
            faults: Mutex::new(FaultInjector::new(config.faults.clone(), config.seed)),
            scheme: config.webhook_scheme,
            reroute_ttl_ms: config.reroute_ttl_secs.saturating_mul(1000),
            ephemeral_ttl_ms: config.ephemeral_ttl_secs.saturating_mul(1000),
            agent: delivery::agent(Duration::from_millis(config.webhook_timeout_ms)),
            log_requests: config.log_requests,
            state: Mutex::new(State::default()),
        }
    }

    pub(crate) fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    pub(crate) fn handle(&self, request: &Request) -> Outcome {
        let request_id = self.begin();
        let outcome = if is_api(request) {
            api::handle(self, request)
        } else if let (Some(token), "GET") =
            (request.path.strip_prefix("/view/"), request.method.as_str())
        {
            Outcome::Respond(view::open(self, token))
        } else if (request.method.as_str(), request.path.as_str()) == ("GET", "/health") {
            Outcome::Respond(Response::json(200, &json!({ "status": "ok" })))
        } else {
            let message = format!("no route for {} {}", request.method, request.path);
            Outcome::Respond(ApiFailure::not_found(message).into_response())
        };
        match outcome {
            Outcome::Respond(response) => {
                self.log(
                    &request.method,
                    &request.path,
                    &response.status.to_string(),
                    &request_id,
                );
                Outcome::Respond(response.header("x-request-id", request_id))
            }
            Outcome::Drop => {
                self.log(&request.method, &request.path, "dropped", &request_id);
                Outcome::Drop
            }
        }
    }

    /// Answers a request that could not be read in full (its body too large, broken
    /// or too slow) or whose handler failed, and closes its connection.
    pub(crate) fn refuse(&self, method: &str, path: &str, failure: ApiFailure) -> Response {
        let request_id = self.begin();
        self.log(method, path, &failure.status.to_string(), &request_id);
        failure
            .into_response()
            .header("x-request-id", request_id)
            .header("connection", "close")
    }

    /// The delay injected before an API answer; the server waits it out without
    /// holding a thread.
    pub(crate) fn injected_latency(&self, request: &Request) -> Option<Duration> {
        let latency_ms = lock(&self.faults).faults().latency_ms;
        (latency_ms > 0 && is_api(request)).then(|| Duration::from_millis(latency_ms))
    }

    /// Counts a request and names it.
    fn begin(&self) -> String {
        Counters::bump(&self.counters.requests);
        self.ids.request_id()
    }

    fn log(&self, method: &str, path: &str, result: &str, request_id: &str) {
        if self.log_requests {
            eprintln!("avara-emulator: {method} {path} -> {result} [{request_id}]");
        }
    }

    pub(crate) fn stats(&self) -> Stats {
        let read = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
        let counters = &self.counters;
        let state = self.state();
        let errors = read(&counters.errors_injected);
        let drops = read(&counters.connections_dropped);
        let limited = read(&counters.rate_limited);
        Stats {
            requests: read(&counters.requests),
            api_requests: read(&counters.api_requests),
            faults_injected: errors + drops + limited,
            errors_injected: errors,
            connections_dropped: drops,
            rate_limited: limited,
            faults_after_apply: read(&counters.faults_after_apply),
            idempotent_replays: read(&counters.idempotent_replays),
            webhook_deliveries: read(&counters.webhook_deliveries),
            studies: state.studies.len() as u64,
            users: state.users.len() as u64,
            invitations: state.invitations.len() as u64,
            express_customers: state.express.len() as u64,
        }
    }
}
