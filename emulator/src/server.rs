//! The listener on 127.0.0.1: hyper on a single-threaded tokio runtime of its own.
//!
//! hyper rather than axum: requests are routed by the contract's operation table
//! (`router.rs`), so axum's router and extractors would go unused. hyper and
//! hyper-util handle the wire: HTTP/1.1 parsing, keep-alive, chunked bodies,
//! `Expect: 100-continue`, limits on header size and on the time to send headers
//! (which also closes idle connections), and graceful shutdown. tokio supplies the
//! connection cap (a semaphore), the body deadline, injected latency as a timer, and
//! the blocking pool for landing pages, which wait on a webhook receiver.
//!
//! Every other request is computed on the runtime's thread, under locks held for
//! microseconds: on loopback, handing each one to a pool thread cut small requests'
//! throughput by half or more, while this matches the former thread per connection.

use std::fmt;
use std::io;
use std::net::{SocketAddr, TcpListener as StdTcpListener};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use crate::app::{App, Outcome, waits_on_network};
use crate::errors::ApiFailure;
use crate::http::{Request, read_body};

/// Connections served at once; further ones wait in the kernel's backlog until one
/// closes. Slow or idle connections hold a slot for at most the read timeout.
const MAX_CONNECTIONS: usize = 4096;
/// Request line and headers together (hyper answers 431 beyond).
const MAX_HEAD_BYTES: usize = 64 * 1024;
const MAX_HEADERS: usize = 100;
/// How long stopping waits for requests in flight before closing their connections.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(1);

pub(crate) struct Server {
    address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// `read_timeout` bounds each request's headers (and a connection's idle time
    /// between requests) and, separately, its body.
    pub(crate) fn spawn(
        listener: StdTcpListener,
        app: Arc<App>,
        read_timeout: Duration,
    ) -> io::Result<Server> {
        let address = listener.local_addr()?;
        listener.set_nonblocking(true)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .thread_name("avara-emulator-delivery")
            .build()?;
        let listener = {
            let _context = runtime.enter();
            TcpListener::from_std(listener)?
        };
        let (stop, stopped) = oneshot::channel();
        let thread = thread::Builder::new()
            .name("avara-emulator-server".into())
            .spawn(move || {
                runtime.block_on(serve(listener, app, read_timeout, stopped));
                // Handlers still running (a slow webhook receiver) finish on their own;
                // their connections are closed with the runtime's tasks.
                runtime.shutdown_background();
            })?;
        Ok(Server {
            address,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    pub(crate) fn address(&self) -> SocketAddr {
        self.address
    }

    /// Blocks until the server has stopped (or forever).
    pub(crate) fn wait(&mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    /// Stops accepting, closes idle connections at once and the others after their
    /// current exchange (at most [`SHUTDOWN_GRACE`]), and returns once all are closed.
    pub(crate) fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.wait();
    }
}

async fn serve(
    listener: TcpListener,
    app: Arc<App>,
    read_timeout: Duration,
    mut stopped: oneshot::Receiver<()>,
) {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(read_timeout)
        .max_headers(MAX_HEADERS)
        .max_header_size(MAX_HEAD_BYTES);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let graceful = GracefulShutdown::new();
    loop {
        let (stream, slot) = tokio::select! {
            _ = &mut stopped => break,
            accepted = next_connection(&listener, &slots) => match accepted {
                Some(accepted) => accepted,
                None => break,
            },
        };
        let _ = stream.set_nodelay(true);
        let app = Arc::clone(&app);
        let service = service_fn(move |request| answer(Arc::clone(&app), request, read_timeout));
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // Broken requests, timeouts and peers that vanish all end here; hyper has
            // already answered whatever could be answered.
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await;
}

/// Waits for a free slot, then for a connection; `None` once the slots are closed,
/// which never happens while serving.
async fn next_connection(
    listener: &TcpListener,
    slots: &Arc<Semaphore>,
) -> Option<(TcpStream, OwnedSemaphorePermit)> {
    let slot = Arc::clone(slots).acquire_owned().await.ok()?;
    loop {
        match listener.accept().await {
            Ok((stream, _)) => return Some((stream, slot)),
            // Out of file descriptors, or a peer that reset before accept: back off briefly.
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// The service's error when the app drops the connection: hyper then closes it
/// without an answer.
#[derive(Debug)]
struct DroppedByFault;

impl fmt::Display for DroppedByFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}

impl std::error::Error for DroppedByFault {}

async fn answer(
    app: Arc<App>,
    request: hyper::Request<Incoming>,
    read_timeout: Duration,
) -> Result<hyper::Response<Full<Bytes>>, DroppedByFault> {
    let (head, body) = request.into_parts();
    let (method, path) = (head.method.as_str(), head.uri.path());
    let body = match read_body(body, read_timeout).await {
        Ok(body) => body,
        Err(failure) => return Ok(app.refuse(method, path, failure).into_hyper()),
    };
    let request = Request::from_head(&head, body);
    if let Some(latency) = app.injected_latency(&request) {
        tokio::time::sleep(latency).await;
    }
    let outcome = if waits_on_network(&request) {
        let app = Arc::clone(&app);
        tokio::task::spawn_blocking(move || app.handle(&request))
            .await
            .ok()
    } else {
        // The app's locks outlive a panicking request (see `app::lock`).
        panic::catch_unwind(AssertUnwindSafe(|| app.handle(&request))).ok()
    };
    match outcome {
        Some(Outcome::Respond(response)) => Ok(response.into_hyper()),
        Some(Outcome::Drop) => Err(DroppedByFault),
        // A bug panicked; the panic hook has printed it.
        None => {
            let failure = ApiFailure {
                status: 500,
                code: "internal_server",
                message: "the emulator failed on this request; its standard error says why".into(),
                field: None,
            };
            Ok(app.refuse(method, path, failure).into_hyper())
        }
    }
}
