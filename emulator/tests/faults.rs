//! Fault injection: a fixed seed gives the same sequence of faults; rates, statuses,
//! 429 hints and latency behave as configured; only API routes are affected.

mod common;

use std::time::{Duration, Instant};

use avara_emulator::{Emulator, EmulatorConfig, Faults, Stats};
use common::{Raw, agent, call, raw, start};

fn mixed() -> Faults {
    Faults {
        error_rate: 0.3,
        error_statuses: vec![500, 503],
        rate_limit_rate: 0.15,
        drop_rate: 0.15,
        ..Faults::default()
    }
}

fn faulty(seed: u64) -> Emulator {
    start(EmulatorConfig {
        faults: mixed(),
        seed,
        ..EmulatorConfig::default()
    })
}

fn outcomes(emulator: &Emulator, count: usize) -> Vec<Raw> {
    let key = emulator.default_key().to_owned();
    (0..count)
        .map(|_| raw(emulator, "GET", "/v1/viewer/studies", &key, &[], ""))
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_fault_sequence() {
    let first = faulty(7);
    let sequence = outcomes(&first, 40);
    assert_eq!(
        sequence,
        outcomes(&faulty(7), 40),
        "a second emulator with seed 7 behaves the same"
    );
    assert_ne!(
        sequence,
        outcomes(&faulty(8), 40),
        "another seed gives another sequence"
    );
    first.set_faults(mixed()).unwrap();
    assert_eq!(
        outcomes(&first, 40),
        sequence,
        "set_faults restarts the sequence"
    );

    let count = |wanted: Raw| {
        sequence
            .iter()
            .filter(|outcome| **outcome == wanted)
            .count() as u64
    };
    for status in [200, 429, 500, 503] {
        assert!(
            count(Raw::Status(status)) > 0,
            "{status} never happened: {sequence:?}"
        );
    }
    assert!(count(Raw::Dropped) > 0, "{sequence:?}");
    let stats: Stats = first.stats();
    assert_eq!(stats.api_requests, 80);
    assert_eq!(stats.rate_limited, 2 * count(Raw::Status(429)));
    assert_eq!(
        stats.errors_injected,
        2 * (count(Raw::Status(500)) + count(Raw::Status(503)))
    );
    assert_eq!(stats.connections_dropped, 2 * count(Raw::Dropped));
    assert_eq!(
        stats.faults_injected,
        stats.rate_limited + stats.errors_injected + stats.connections_dropped
    );
}

#[test]
fn rate_limits_and_503s_carry_retry_hints_and_health_is_never_faulted() {
    let faults = Faults {
        rate_limit_rate: 1.0,
        retry_after_ms: 1500,
        ..Faults::default()
    };
    let emulator = start(EmulatorConfig {
        faults,
        ..EmulatorConfig::default()
    });
    let agent = agent();
    let get = || {
        call(
            &agent,
            &emulator,
            "GET",
            "/v1/express",
            Some(emulator.default_key()),
            None,
            &[],
        )
    };
    let limited = get();
    assert_eq!(
        (limited.status, limited.code().as_str()),
        (429, "rate_limited")
    );
    assert_eq!(
        (
            limited.header("retry-after-ms"),
            limited.header("retry-after")
        ),
        (Some("1500"), Some("2"))
    );
    let health = call(&agent, &emulator, "GET", "/health", None, None, &[]);
    assert_eq!(
        (health.status, health.json()["status"].as_str()),
        (200, Some("ok"))
    );
    assert_eq!(emulator.stats().rate_limited, 1);

    let errors = |status| Faults {
        error_rate: 1.0,
        error_statuses: vec![status],
        retry_after_ms: 20,
        ..Faults::default()
    };
    emulator.set_faults(errors(503)).unwrap();
    let unavailable = get();
    assert_eq!(
        (unavailable.status, unavailable.header("retry-after-ms")),
        (503, Some("20"))
    );
    emulator.set_faults(errors(500)).unwrap();
    let failed = get();
    assert_eq!(
        (
            failed.status,
            failed.code().as_str(),
            failed.header("retry-after-ms")
        ),
        (500, "internal_server", None)
    );
}

#[test]
fn latency_is_added_to_api_responses() {
    let emulator = start(EmulatorConfig {
        faults: Faults {
            latency_ms: 150,
            ..Faults::default()
        },
        ..EmulatorConfig::default()
    });
    let agent = agent();
    let started = Instant::now();
    let reply = call(
        &agent,
        &emulator,
        "GET",
        "/v1/express",
        Some(emulator.default_key()),
        None,
        &[],
    );
    assert_eq!(reply.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(150));
}

#[test]
fn impossible_fault_settings_are_refused() {
    let emulator = start(EmulatorConfig::default());
    let error = emulator
        .set_faults(Faults {
            error_rate: 0.8,
            drop_rate: 0.5,
            ..Faults::default()
        })
        .unwrap_err();
    assert!(error.to_string().contains("at most 1"), "{error}");
    let start_error = Emulator::start(EmulatorConfig {
        faults: Faults {
            error_rate: 2.0,
            ..Faults::default()
        },
        ..EmulatorConfig::default()
    })
    .unwrap_err();
    assert!(
        start_error.to_string().contains("errorRate"),
        "{start_error}"
    );
}
