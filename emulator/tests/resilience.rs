//! 500 creates through 20 % injected failures (500, 503, 429 with Retry-After, dropped
//! connections, some after the study was stored) end with exactly 500 studies: retries
//! recover every failure and idempotency keys stop every duplicate.

mod common;

use std::collections::BTreeSet;

use avara::client::Avara;
use avara::models::{Severity, StudyCreateParams, StudyListParams};
use avara_emulator::{EmulatorConfig, Faults};

const STUDIES: usize = 500;
const THREADS: usize = 10;

#[test]
fn five_hundred_creates_survive_twenty_percent_failures_without_duplicates() {
    let faults = Faults {
        error_rate: 0.10,
        error_statuses: vec![500, 503],
        rate_limit_rate: 0.05,
        retry_after_ms: 5,
        drop_rate: 0.05,
        after_apply_ratio: 0.5,
        ..Faults::default()
    };
    let emulator = common::start(EmulatorConfig {
        faults,
        seed: 2026,
        ..EmulatorConfig::default()
    });
    // Eight retries make a lost create (nine failures in a row at 20 %) a one-in-two-million event.
    let avara = Avara::builder()
        .api_key(emulator.default_key())
        .base_url(emulator.base_url())
        .max_retries(8)
        .build()
        .unwrap();

    std::thread::scope(|scope| {
        for thread in 0..THREADS {
            let avara = avara.clone();
            scope.spawn(move || {
                for n in (thread..STUDIES).step_by(THREADS) {
                    let params = StudyCreateParams::new(
                        Severity::Normal,
                        format!("study {n}"),
                        format!("1.2.826.0.1.{}", n + 1),
                    );
                    avara
                        .viewer()
                        .studies()
                        .create(&params)
                        .unwrap_or_else(|error| panic!("create {n}: {error}"));
                }
            });
        }
    });
    let stats = emulator.stats();
    let retries = stats.api_requests - STUDIES as u64;
    println!(
        "resilience: {STUDIES} creates took {} requests ({retries} retries): {} injected errors, {} rate limits, {} dropped connections, {} after the study was stored, {} idempotent replays",
        stats.api_requests,
        stats.errors_injected,
        stats.rate_limited,
        stats.connections_dropped,
        stats.faults_after_apply,
        stats.idempotent_replays
    );
    assert_eq!(
        stats.studies, STUDIES as u64,
        "every study stored exactly once"
    );
    assert!(
        stats.faults_injected > 50 && stats.faults_after_apply > 0,
        "faults really happened: {stats:?}"
    );

    emulator.set_faults(Faults::default()).unwrap();
    let uids: Vec<String> = avara
        .viewer()
        .studies()
        .list_all(StudyListParams {
            limit: Some(100),
            ..Default::default()
        })
        .map(|study| study.map(|study| study.study_instance_uid))
        .collect::<Result<_, _>>()
        .unwrap();
    let distinct: BTreeSet<&String> = uids.iter().collect();
    assert_eq!(uids.len(), STUDIES, "none lost");
    assert_eq!(distinct.len(), STUDIES, "none duplicated");
}
