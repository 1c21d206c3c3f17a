//! Helpers shared by the integration tests: raw HTTP calls with `ureq`, a one-shot
//! webhook receiver, and requests written by hand on a socket.

#![allow(dead_code, reason = "each test file uses a different subset")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{self, Receiver};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use avara_emulator::{Emulator, EmulatorConfig};
use serde_json::Value;
use ureq::http;

pub const UID: &str = "1.2.840.113619.2.55.3.604688119.868.1234567890.123";

pub fn start(config: EmulatorConfig) -> Emulator {
    Emulator::start(config).expect("the emulator starts")
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// One answer: status, headers (lowercase names) and the JSON body (or the text).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(given, _)| given.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The error body's `error.code`.
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

/// A request to the emulator: `key` goes into `Authorization: Bearer`, `body` is sent
/// as JSON text exactly as given.
pub fn call(
    agent: &ureq::Agent,
    emulator: &Emulator,
    method: &str,
    path_and_query: &str,
    key: Option<&str>,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> Reply {
    let mut builder = http::Request::builder()
        .method(method)
        .uri(format!("{}{path_and_query}", emulator.base_url()));
    if let Some(key) = key {
        builder = builder.header("authorization", format!("Bearer {key}"));
    }
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let response = match body {
        Some(body) => agent.run(
            builder
                .header("content-type", "application/json")
                .body(body.as_bytes().to_vec())
                .unwrap(),
        ),
        None => agent.run(builder.body(()).unwrap()),
    }
    .expect("the emulator answers");
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                value.to_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let text = response
        .into_body()
        .read_to_string()
        .expect("a readable body");
    Reply {
        status,
        headers,
        text,
    }
}

/// `call` with the default key.
pub fn api(
    agent: &ureq::Agent,
    emulator: &Emulator,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> Reply {
    call(
        agent,
        emulator,
        method,
        path,
        Some(emulator.default_key()),
        body,
        &[],
    )
}

pub fn create_study(agent: &ureq::Agent, emulator: &Emulator, key: &str, uid: &str) -> Value {
    let body = format!(
        r#"{{"severity":"normal","studyDescription":"CT head","studyInstanceUid":"{uid}"}}"#
    );
    let reply = call(
        agent,
        emulator,
        "POST",
        "/v1/viewer/studies",
        Some(key),
        Some(&body),
        &[],
    );
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.json()
}

/// What a webhook receiver got: headers (as sent) and the raw body.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Delivery {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(given, _)| given.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Reads one HTTP request from `stream` (Content-Length bodies only).
fn read_delivery(stream: &TcpStream) -> Delivery {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        let (name, value) = trimmed.split_once(':').unwrap();
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .map_or(0, |(_, value)| value.parse().unwrap());
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    Delivery { headers, body }
}

/// A receiver on 127.0.0.1 that serves `answers` deliveries, one per connection: each
/// is passed to `respond`, which returns the status and body to send back; every
/// delivery is also reported on the returned channel.
pub struct WebhookReceiver {
    pub url: String,
    pub deliveries: Receiver<Delivery>,
    handle: JoinHandle<()>,
}

impl WebhookReceiver {
    pub fn join(self) {
        self.handle.join().expect("the receiver thread ends");
    }
}

pub fn receiver(
    answers: usize,
    respond: impl Fn(&Delivery) -> (u16, String) + Send + 'static,
) -> WebhookReceiver {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/webhooks/avara", listener.local_addr().unwrap());
    let (sender, deliveries) = mpsc::channel();
    let handle = thread::spawn(move || {
        for _ in 0..answers {
            let (mut stream, _) = listener.accept().unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .unwrap();
            let delivery = read_delivery(&stream);
            let (status, body) = respond(&delivery);
            let _ = sender.send(delivery);
            let head = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(head.as_bytes()).unwrap();
            stream.write_all(body.as_bytes()).unwrap();
        }
    });
    WebhookReceiver {
        url,
        deliveries,
        handle,
    }
}

/// What happened to a request written by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    Status(u16),
    /// The connection closed without an answer.
    Dropped,
}

/// Sends one request on a fresh connection (`Connection: close`) and reads the status.
pub fn raw(
    emulator: &Emulator,
    method: &str,
    path: &str,
    key: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Raw {
    let mut stream = TcpStream::connect(("127.0.0.1", emulator.port())).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let extra: String = headers
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer {key}\r\n{extra}\
         content-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer);
    match text
        .split(' ')
        .nth(1)
        .and_then(|status| status.parse().ok())
    {
        Some(status) => Raw::Status(status),
        None => Raw::Dropped,
    }
}
