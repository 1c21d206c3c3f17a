//! The HTTP layer against clients that break the protocol or hold connections open:
//! every such request is answered or cut off without costing the emulator a slot,
//! and `/health` keeps answering at once.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use avara_emulator::{ApiKeyConfig, Emulator, EmulatorConfig, Faults};
use common::start;
use serde_json::Value;

const CHUNKED_CREATE: &str = "POST /v1/viewer/studies HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer k\r\ntransfer-encoding: chunked\r\n\r\n";

/// One answer read off the wire.
#[derive(Debug)]
struct Answer {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (given, value) = line.split_once(':')?;
            given.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {self:?}"))
    }

    fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

fn connect(emulator: &Emulator) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", emulator.port())).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
}

/// Reads one response (head and `content-length` body); `None` when the connection
/// closes first.
fn read_answer(stream: &mut TcpStream) -> Option<Answer> {
    let mut head = Vec::new();
    let mut byte = [0u8];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            Ok(_) => return None,
            Err(error) if error.kind() == ErrorKind::ConnectionReset => return None,
            Err(error) => panic!("no answer: {error}"),
        }
    }
    let head = String::from_utf8(head).expect("an ASCII head");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|status| status.parse().ok())
        .expect("a status line");
    let mut answer = Answer {
        status,
        head,
        body: Vec::new(),
    };
    let length: usize = answer
        .header("content-length")
        .map_or(0, |length| length.parse().unwrap());
    answer.body = vec![0; length];
    stream.read_exact(&mut answer.body).expect("the whole body");
    Some(answer)
}

/// Sends `request` on a fresh connection, closing the writing half after it when
/// `finished`, and reads the answer.
fn exchange(emulator: &Emulator, request: &[u8], finished: bool) -> Option<Answer> {
    let mut stream = connect(emulator);
    stream.write_all(request).unwrap();
    if finished {
        stream.shutdown(Shutdown::Write).unwrap();
    }
    read_answer(&mut stream)
}

/// `/health` on a fresh connection, with how long the answer took.
fn health(emulator: &Emulator) -> (u16, Duration) {
    let started = Instant::now();
    let answer = exchange(
        emulator,
        b"GET /health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n",
        false,
    )
    .expect("an answer");
    (answer.status, started.elapsed())
}

/// Waits until the server closes `stream` and returns how long that took; bytes it
/// sends first (a 408) are skipped.
fn time_until_closed(stream: &mut TcpStream) -> Duration {
    let started = Instant::now();
    let mut buffer = [0u8; 1024];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return started.elapsed(),
            Ok(_) => {}
            Err(error) if error.kind() == ErrorKind::ConnectionReset => return started.elapsed(),
            Err(error) => panic!("the connection stayed open: {error}"),
        }
    }
}

#[test]
fn a_thousand_overflowing_chunk_sizes_get_400s_and_health_still_answers() {
    let emulator = start(EmulatorConfig::default());
    // The announced chunk is larger than any body the emulator takes, after a first
    // chunk: sent complete (the client then closes its writing half), or with a size
    // that does not even fit in 64 bits.
    let announced = format!("{CHUNKED_CREATE}1\r\na\r\nffffffffffffffff\r\n");
    let overflowing = format!("{CHUNKED_CREATE}1\r\na\r\n10000000000000000\r\n");
    thread::scope(|scope| {
        for worker in 0..4 {
            let (emulator, announced, overflowing) = (&emulator, &announced, &overflowing);
            scope.spawn(move || {
                for n in 0..250 {
                    let answer = if (worker + n) % 2 == 0 {
                        exchange(emulator, announced.as_bytes(), true)
                    } else {
                        exchange(emulator, overflowing.as_bytes(), false)
                    }
                    .expect("an answer");
                    assert_eq!(
                        (answer.status, answer.code().as_str()),
                        (400, "bad_request"),
                        "{answer:?}"
                    );
                    assert!(
                        answer
                            .header("x-request-id")
                            .is_some_and(|id| id.starts_with("req_")),
                        "{answer:?}"
                    );
                    assert_eq!(answer.header("connection"), Some("close"));
                }
            });
        }
    });
    let message = exchange(&emulator, overflowing.as_bytes(), false)
        .unwrap()
        .json()["error"]["message"]
        .clone();
    assert!(
        message.as_str().unwrap().contains("invalid chunk size"),
        "{message}"
    );
    assert_eq!(health(&emulator).0, 200);
    assert_eq!(emulator.stats().requests, 1002);
}

#[test]
fn a_thousand_unparseable_requests_get_400s_and_health_still_answers() {
    let emulator = start(EmulatorConfig::default());
    let broken = [
        "GARBAGE\r\n\r\n",
        "GET /health HTTP/1.1\r\nno colon here\r\n\r\n",
        "POST /v1/express HTTP/1.1\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\n",
        "POST /v1/express HTTP/1.1\r\ntransfer-encoding: gzip\r\n\r\n",
        "GET /health HTTP/1.1\r\ncontent-length: -1\r\n\r\n",
    ];
    thread::scope(|scope| {
        for worker in 0..4 {
            let (emulator, broken) = (&emulator, &broken);
            scope.spawn(move || {
                for n in 0..250 {
                    let request = broken[(worker + n) % broken.len()];
                    let answer = exchange(emulator, request.as_bytes(), false).expect("an answer");
                    assert_eq!(answer.status, 400, "{request:?}: {answer:?}");
                }
            });
        }
    });
    assert_eq!(health(&emulator).0, 200);
    assert_eq!(
        emulator.stats().requests,
        1,
        "hyper refused them before the app saw them"
    );
}

#[test]
fn six_hundred_silent_or_trickling_connections_cannot_starve_health() {
    // The default 60 s read timeout: nothing is closed during the test, so only
    // serving connections independently keeps `/health` answering.
    let emulator = start(EmulatorConfig::default());
    let mut silent: Vec<TcpStream> = (0..300).map(|_| connect(&emulator)).collect();
    let mut trickling: Vec<TcpStream> = (0..300).map(|_| connect(&emulator)).collect();
    for stream in &mut trickling {
        stream
            .write_all(b"GET /health HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slow: ")
            .unwrap();
    }
    for round in 0..5 {
        for stream in &mut trickling {
            stream.write_all(b"z").unwrap();
        }
        let (status, took) = health(&emulator);
        assert_eq!(status, 200, "round {round}");
        assert!(
            took < Duration::from_secs(2),
            "round {round}: /health took {took:?}"
        );
        thread::sleep(Duration::from_millis(100));
    }
    // Every held connection is still open: none was refused or cut off.
    for stream in silent.iter_mut().chain(&mut trickling) {
        stream.set_nonblocking(true).unwrap();
        let mut byte = [0u8];
        assert_eq!(
            stream.read(&mut byte).unwrap_err().kind(),
            ErrorKind::WouldBlock
        );
    }
    assert_eq!(emulator.stats().requests, 5);
}

#[test]
fn silent_trickling_and_idle_connections_are_closed_after_the_read_timeout() {
    let emulator = start(EmulatorConfig {
        request_read_timeout_ms: 400,
        ..EmulatorConfig::default()
    });
    let mut silent = connect(&emulator);
    let mut trickling = connect(&emulator);
    trickling
        .write_all(b"GET /health HTTP/1.1\r\nx-slow: ")
        .unwrap();
    let mut idle = connect(&emulator);
    idle.write_all(b"GET /health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n")
        .unwrap();
    assert_eq!(read_answer(&mut idle).unwrap().status, 200);

    let writer = {
        let mut trickling = trickling.try_clone().unwrap();
        // Keeps sending header bytes for longer than the timeout; it stops once closed.
        thread::spawn(move || {
            for _ in 0..20 {
                if trickling.write_all(b"z").is_err() {
                    return;
                }
                thread::sleep(Duration::from_millis(100));
            }
        })
    };
    for (name, stream) in [
        ("silent", &mut silent),
        ("trickling", &mut trickling),
        ("idle", &mut idle),
    ] {
        let took = time_until_closed(stream);
        assert!(
            took < Duration::from_secs(3),
            "{name} connection closed after {took:?}"
        );
    }
    writer.join().unwrap();
}

#[test]
fn a_chunk_that_never_arrives_is_answered_408_after_the_read_timeout() {
    let emulator = start(EmulatorConfig {
        request_read_timeout_ms: 300,
        ..EmulatorConfig::default()
    });
    let started = Instant::now();
    let answer = exchange(
        &emulator,
        format!("{CHUNKED_CREATE}1\r\na\r\nffffffffffffffff\r\n").as_bytes(),
        false,
    )
    .expect("an answer");
    assert_eq!(
        (answer.status, answer.code().as_str()),
        (408, "bad_request"),
        "{answer:?}"
    );
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(emulator.stats().studies, 0);
}

#[test]
fn keep_alive_chunked_bodies_and_expect_continue_on_one_connection() {
    let emulator = start(EmulatorConfig::default());
    let key = emulator.default_key().to_owned();
    let mut stream = connect(&emulator);
    stream
        .write_all(b"GET /health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n")
        .unwrap();
    let first = read_answer(&mut stream).unwrap();
    assert_eq!(first.status, 200);

    let body = r#"{"severity":"normal","studyDescription":"CT head","studyInstanceUid":"1.2.3.4"}"#;
    let (front, back) = body.split_at(20);
    let head = format!(
        "POST /v1/viewer/studies HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer {key}\r\n\
         content-type: application/json\r\ntransfer-encoding: chunked\r\nexpect: 100-continue\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut interim = [0u8; 25];
    stream.read_exact(&mut interim).unwrap();
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    let chunks = format!(
        "{:x}\r\n{front}\r\n{:x}\r\n{back}\r\n0\r\n\r\n",
        front.len(),
        back.len()
    );
    stream.write_all(chunks.as_bytes()).unwrap();
    let created = read_answer(&mut stream).unwrap();
    assert_eq!(created.status, 200, "{created:?}");
    assert_eq!(created.json()["studyInstanceUid"], "1.2.3.4");

    stream
        .write_all(b"GET /health HTTP/1.0\r\nconnection: keep-alive\r\n\r\n")
        .unwrap();
    let last = read_answer(&mut stream).unwrap();
    assert_eq!(last.status, 200);
    let ids: Vec<&str> = [&first, &created, &last]
        .iter()
        .map(|answer| answer.header("x-request-id").unwrap())
        .collect();
    assert!(ids[0] != ids[1] && ids[1] != ids[2], "{ids:?}");
    assert_eq!(emulator.stats().studies, 1);
}

#[test]
fn bodies_over_eight_mebibytes_get_a_413_in_the_error_shape() {
    let emulator = start(EmulatorConfig::default());
    let limit = 8 * 1024 * 1024;
    // Announced: refused before any of it is sent, so no `100 Continue` either.
    let announced = format!(
        "POST /v1/viewer/studies HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: {}\r\nexpect: 100-continue\r\n\r\n",
        limit + 1
    );
    let answer = exchange(&emulator, announced.as_bytes(), false).expect("an answer");
    assert_eq!(
        (answer.status, answer.code().as_str()),
        (413, "bad_request"),
        "{answer:?}"
    );
    assert!(
        answer.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("8388608")
    );
    assert!(answer.header("x-request-id").is_some());

    // Streamed in chunks: refused once the byte past the limit arrives.
    let mut stream = connect(&emulator);
    stream
        .write_all(format!("{CHUNKED_CREATE}{:x}\r\n", limit + 1).as_bytes())
        .unwrap();
    stream.write_all(&vec![b' '; limit + 1]).unwrap();
    let answer = read_answer(&mut stream).expect("an answer");
    assert_eq!(
        (answer.status, answer.code().as_str()),
        (413, "bad_request"),
        "{answer:?}"
    );
}

#[test]
fn health_answers_while_api_requests_wait_out_injected_latency() {
    let emulator = start(EmulatorConfig {
        faults: Faults {
            latency_ms: 1500,
            ..Faults::default()
        },
        ..EmulatorConfig::default()
    });
    thread::scope(|scope| {
        let slow: Vec<_> = (0..8)
            .map(|_| {
                let emulator = &emulator;
                scope.spawn(move || {
                    exchange(
                        emulator,
                        b"GET /v1/express HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n",
                        false,
                    )
                })
            })
            .collect();
        thread::sleep(Duration::from_millis(200));
        let (status, took) = health(&emulator);
        assert_eq!(status, 200);
        assert!(
            took < Duration::from_millis(1000),
            "/health waited for the API requests: {took:?}"
        );
        for request in slow {
            assert_eq!(request.join().unwrap().expect("an answer").status, 401);
        }
    });
}

#[test]
fn health_answers_while_a_landing_page_waits_on_a_slow_webhook_receiver() {
    let receiver = common::receiver(1, |_| {
        thread::sleep(Duration::from_millis(1500));
        (500, "{}".into())
    });
    let emulator = start(EmulatorConfig {
        keys: vec![ApiKeyConfig {
            webhook_url: Some(receiver.url.clone()),
            ..ApiKeyConfig::default()
        }],
        ..EmulatorConfig::default()
    });
    let agent = common::agent();
    common::create_study(&agent, &emulator, emulator.default_key(), common::UID);
    let link = common::api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/studies/reroute-url",
        Some(&format!(r#"{{"studyInstanceUid":"{}"}}"#, common::UID)),
    );
    let path = link.json()["url"]
        .as_str()
        .unwrap()
        .strip_prefix(emulator.base_url())
        .unwrap()
        .to_owned();
    thread::scope(|scope| {
        let page = scope.spawn(|| {
            exchange(
                &emulator,
                format!("GET {path} HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n").as_bytes(),
                false,
            )
        });
        thread::sleep(Duration::from_millis(300));
        let (status, took) = health(&emulator);
        assert_eq!(status, 200);
        assert!(
            took < Duration::from_millis(1000),
            "/health waited for the webhook receiver: {took:?}"
        );
        let page = page.join().unwrap().expect("the landing page");
        assert_eq!(page.status, 200, "{}", String::from_utf8_lossy(&page.body));
    });
    assert_eq!(emulator.stats().webhook_deliveries, 1);
    receiver.join();
}

#[test]
fn shutdown_closes_open_connections_and_the_port() {
    let emulator = start(EmulatorConfig::default());
    let port = emulator.port();
    let mut idle = connect(&emulator);
    idle.write_all(b"GET /health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n")
        .unwrap();
    assert_eq!(read_answer(&mut idle).unwrap().status, 200);
    let mut silent = connect(&emulator);
    let mut half_sent = connect(&emulator);
    half_sent
        .write_all(b"GET /health HTTP/1.1\r\nhost: 127")
        .unwrap();

    let started = Instant::now();
    emulator.shutdown();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "shutdown took {:?}",
        started.elapsed()
    );
    for stream in [&mut idle, &mut silent, &mut half_sent] {
        assert!(time_until_closed(stream) < Duration::from_secs(1));
    }
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the listener is gone"
    );
}
