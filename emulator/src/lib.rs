//! A local, stateful Avara API for tests, demos and continuous integration.
//!
//! It serves the contract's 27 operations on 127.0.0.1 with the client's own parameter
//! types and checks, API keys with study scope and user/Express access, cursor
//! pagination, idempotent replays, reroute and ephemeral landing pages that deliver
//! signed webhooks to the key's endpoint, and seeded fault injection.
//!
//! ```no_run
//! use avara_emulator::{Emulator, EmulatorConfig};
//!
//! let emulator = Emulator::start(EmulatorConfig::default()).expect("emulator starts");
//! let client = avara::Avara::builder()
//!     .api_key(emulator.default_key())
//!     .base_url(emulator.base_url())
//!     .build()
//!     .expect("client");
//! # drop(client);
//! ```

mod answer;
mod api;
mod app;
pub mod cli;
mod clock;
mod config;
mod delivery;
mod errors;
mod faults;
mod http;
mod idempotency;
mod ids;
mod keys;
mod landing;
mod ops;
mod pagination;
mod query;
mod router;
mod server;
mod store;
pub mod trigger;
mod view;

use std::fmt;
use std::net::{Ipv4Addr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

pub use avara::webhooks::Scheme;
pub use config::{Access, ApiKeyConfig, EmulatorConfig, Faults, StudyScope};
pub use keys::ApiKey;

use app::{App, Outcome, lock};
use server::Server;

/// Why the emulator did not start.
#[derive(Debug)]
pub enum Error {
    /// The configuration is inconsistent; the message says where.
    Config(String),
    /// The port could not be bound or the server not started.
    Io(std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(message) => write!(f, "invalid configuration: {message}"),
            Error::Io(error) => write!(f, "cannot serve: {error}"),
        }
    }
}

impl std::error::Error for Error {}

/// Counts since start, for tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Every request whose headers were read (API, landing pages, health, and those
    /// refused for their body).
    pub requests: u64,
    pub api_requests: u64,
    /// `errors_injected + connections_dropped + rate_limited`.
    pub faults_injected: u64,
    pub errors_injected: u64,
    pub connections_dropped: u64,
    pub rate_limited: u64,
    /// Injected errors and drops that struck after the operation was applied.
    pub faults_after_apply: u64,
    /// Answers repeated for a known `Idempotency-Key`.
    pub idempotent_replays: u64,
    /// Webhook deliveries attempted by landing pages.
    pub webhook_deliveries: u64,
    pub studies: u64,
    pub users: u64,
    pub invitations: u64,
    pub express_customers: u64,
}

/// A running emulator; it stops when dropped.
pub struct Emulator {
    app: Arc<App>,
    server: Server,
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Emulator")
            .field("base_url", &self.app.base_url)
            .field("keys", &self.app.keys)
            .finish()
    }
}

impl Emulator {
    /// Binds 127.0.0.1 on `config.port` (0 for any free port) and starts serving.
    pub fn start(config: EmulatorConfig) -> Result<Emulator, Error> {
        config.validate().map_err(Error::Config)?;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).map_err(Error::Io)?;
        let address = listener.local_addr().map_err(Error::Io)?;
        let ids = ids::Ids::new();
        let keys = keys::resolve(&config.keys, &ids);
        let app = Arc::new(App::new(&config, keys, ids, format!("http://{address}")));
        let read_timeout = Duration::from_millis(config.request_read_timeout_ms);
        let server = Server::spawn(listener, Arc::clone(&app), read_timeout).map_err(Error::Io)?;
        Ok(Emulator { app, server })
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.app.base_url
    }

    pub fn port(&self) -> u16 {
        self.server.address().port()
    }

    /// Every key with its generated values; the first one is the default.
    pub fn keys(&self) -> &[ApiKey] {
        &self.app.keys
    }

    /// The bearer token of the first key.
    pub fn default_key(&self) -> &str {
        &self.app.keys[0].key
    }

    /// The webhook secret of the first key (`AVARA_JWT_WEBHOOK_SECRET`).
    pub fn webhook_secret(&self) -> &str {
        &self.app.keys[0].webhook_secret
    }

    pub fn stats(&self) -> Stats {
        self.app.stats()
    }

    /// Replaces the fault settings; the seeded sequence starts over, so a test can set
    /// up data without faults and then replay a known fault sequence.
    pub fn set_faults(&self, faults: Faults) -> Result<(), Error> {
        faults.validate().map_err(Error::Config)?;
        lock(&self.app.faults).reset(faults);
        Ok(())
    }

    /// Serves until the process ends (for the binary).
    pub fn wait(mut self) {
        self.server.wait();
    }

    /// Stops accepting, closes idle connections at once and the others after their
    /// current exchange (at most a second later), and returns once all are closed and
    /// the port is free.
    pub fn shutdown(mut self) {
        self.server.stop();
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.server.stop();
    }
}

/// The emulator's request handling without a listener: each call answers one request
/// in the calling thread, as the server does once it has read the request, and with the
/// same state from call to call. For fuzzing and tests of routing, parameters and state;
/// injected latency is not waited out.
pub struct InProcessEmulator {
    app: App,
}

impl fmt::Debug for InProcessEmulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InProcessEmulator")
            .field("keys", &self.app.keys)
            .finish()
    }
}

impl InProcessEmulator {
    /// Nothing is bound; `config.port` only appears in landing-page links.
    pub fn new(config: EmulatorConfig) -> Result<InProcessEmulator, Error> {
        config.validate().map_err(Error::Config)?;
        let ids = ids::Ids::new();
        let keys = keys::resolve(&config.keys, &ids);
        let base_url = format!("http://{}:{}", Ipv4Addr::LOCALHOST, config.port);
        Ok(InProcessEmulator {
            app: App::new(&config, keys, ids, base_url),
        })
    }

    /// The answer to `request`, or `None` where an injected fault drops the connection.
    pub fn handle(&self, request: hyper::Request<Vec<u8>>) -> Option<hyper::Response<Vec<u8>>> {
        let (head, body) = request.into_parts();
        match self.app.handle(&http::Request::from_head(&head, body)) {
            Outcome::Respond(response) => Some(response.into_hyper()),
            Outcome::Drop => None,
        }
    }
}
