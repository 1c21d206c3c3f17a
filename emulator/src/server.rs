//! The listener on 127.0.0.1: one thread accepts, one thread serves each connection
//! (keep-alive, until the peer closes, goes idle, or the emulator stops).

use std::collections::HashMap;
use std::io::{self, BufReader};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::app::{App, Outcome, lock};
use crate::errors::ApiFailure;
use crate::http::{ReadError, read_request, write_response};

/// A connection with no request for this long is closed.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);
/// More connections than this at once are answered 503 and closed.
const MAX_CONNECTIONS: usize = 512;

/// Open connections, so stopping can close them.
#[derive(Default)]
struct Connections {
    open: Mutex<HashMap<u64, TcpStream>>,
    next_id: AtomicU64,
}

impl Connections {
    fn add(&self, stream: &TcpStream) -> Option<u64> {
        let mut open = lock(&self.open);
        if open.len() >= MAX_CONNECTIONS {
            return None;
        }
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        open.insert(id, stream.try_clone().ok()?);
        Some(id)
    }

    fn remove(&self, id: u64) {
        lock(&self.open).remove(&id);
    }

    fn close_all(&self) {
        for (_, stream) in lock(&self.open).drain() {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

pub(crate) struct Server {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    connections: Arc<Connections>,
    acceptor: Option<JoinHandle<()>>,
}

impl Server {
    pub(crate) fn spawn(listener: TcpListener, app: Arc<App>) -> io::Result<Server> {
        let address = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let connections = Arc::new(Connections::default());
        let acceptor = {
            let (stopping, connections) = (Arc::clone(&stopping), Arc::clone(&connections));
            thread::Builder::new()
                .name("avara-emulator-accept".into())
                .spawn(move || accept_loop(&listener, &app, &stopping, &connections))?
        };
        Ok(Server { address, stopping, connections, acceptor: Some(acceptor) })
    }

    pub(crate) fn address(&self) -> SocketAddr {
        self.address
    }

    /// Blocks until [`Server::stop`] runs on another thread (or forever).
    pub(crate) fn wait(&mut self) {
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }

    pub(crate) fn stop(&mut self) {
        if self.stopping.swap(true, Ordering::SeqCst) {
            return;
        }
        // `accept` only returns for a connection; make one so the loop sees the flag.
        // Without it the acceptor cannot be joined, and ends at its next connection.
        if TcpStream::connect_timeout(&self.address, Duration::from_secs(1)).is_ok() {
            self.wait();
        }
        self.connections.close_all();
    }
}

fn accept_loop(listener: &TcpListener, app: &Arc<App>, stopping: &AtomicBool, connections: &Arc<Connections>) {
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else {
            // Out of file descriptors or a reset before accept: back off briefly.
            thread::sleep(Duration::from_millis(10));
            continue;
        };
        let Some(id) = connections.add(&stream) else {
            refuse(stream);
            continue;
        };
        let (app, registry) = (Arc::clone(app), Arc::clone(connections));
        let spawned = thread::Builder::new().name("avara-emulator-conn".into()).spawn(move || {
            serve(stream, &app);
            registry.remove(id);
        });
        if spawned.is_err() {
            connections.remove(id);
        }
    }
}

fn refuse(mut stream: TcpStream) {
    let response =
        ApiFailure { status: 503, code: "overloaded", message: "too many open connections".into(), field: None }
            .into_response();
    let _ = write_response(&mut stream, &response, false);
}

fn serve(stream: TcpStream, app: &App) {
    let _ = stream.set_nodelay(true);
    if stream.set_read_timeout(Some(IDLE_TIMEOUT)).is_err() {
        return;
    }
    let Ok(mut writer) = stream.try_clone() else { return };
    let mut reader = BufReader::new(stream);
    // Ends when the peer closes or idles, on a broken request, or on a drop fault.
    loop {
        let request = match read_request(&mut reader, &mut writer) {
            Ok(request) => request,
            Err(ReadError::Closed) => return,
            Err(ReadError::Invalid { status, message }) => {
                let failure = ApiFailure { status, code: "bad_request", message, field: None };
                let _ = write_response(&mut writer, &failure.into_response(), false);
                return;
            }
        };
        let keep_alive = request.keep_alive();
        match app.handle(&request) {
            Outcome::Drop => {
                let _ = writer.shutdown(Shutdown::Both);
                return;
            }
            Outcome::Respond(response) => {
                if write_response(&mut writer, &response, keep_alive).is_err() || !keep_alive {
                    return;
                }
            }
        }
    }
}
