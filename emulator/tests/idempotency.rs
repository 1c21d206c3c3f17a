//! `Idempotency-Key`: replays, mismatches, and retries through injected faults that
//! strike before or after the operation was applied.

mod common;

use avara_emulator::{EmulatorConfig, Faults};
use common::{Raw, agent, api, call, raw, start};

const CREATE: &str = r#"{"expressCustomerName":"North Clinic"}"#;

#[test]
fn a_repeated_key_replays_the_first_answer_without_applying_again() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    let key = emulator.default_key().to_owned();
    let send = |body: &str, idempotency_key: &str| {
        call(
            &agent,
            &emulator,
            "POST",
            "/v1/express",
            Some(&key),
            Some(body),
            &[("idempotency-key", idempotency_key)],
        )
    };
    let first = send(CREATE, "idk_one");
    let second = send(CREATE, "idk_one");
    assert_eq!((first.status, second.status), (200, 200));
    assert_eq!(
        first.text, second.text,
        "the replay is the first answer, byte for byte"
    );
    assert_eq!(second.header("idempotent-replayed"), Some("true"));
    assert_ne!(first.header("x-request-id"), second.header("x-request-id"));
    assert_eq!(emulator.stats().express_customers, 1);

    let mismatch = send(r#"{"expressCustomerName":"South Clinic"}"#, "idk_one");
    assert_eq!(
        (mismatch.status, mismatch.code().as_str()),
        (422, "idempotency_mismatch")
    );
    let fresh = send(CREATE, "idk_two");
    assert_ne!(
        fresh.json()["expressCustomerId"],
        first.json()["expressCustomerId"]
    );
    let without_key = api(&agent, &emulator, "POST", "/v1/express", Some(CREATE));
    assert_eq!(without_key.status, 200);
    assert_eq!(emulator.stats().express_customers, 3);
    assert_eq!(emulator.stats().idempotent_replays, 1);

    let invalid = send(r#"{"expressCustomerName":""}"#, "idk_three");
    let replayed = send(r#"{"expressCustomerName":""}"#, "idk_three");
    assert_eq!(
        (
            invalid.status,
            replayed.status,
            replayed.header("idempotent-replayed")
        ),
        (400, 400, Some("true")),
        "4xx answers replay too"
    );
    let bad_key = send(CREATE, "has space");
    assert_eq!(bad_key.json()["error"]["field"], "Idempotency-Key");
}

#[test]
fn keys_are_scoped_per_api_key() {
    let config = EmulatorConfig {
        keys: vec![
            avara_emulator::ApiKeyConfig {
                key: Some("sk_test_a".into()),
                ..Default::default()
            },
            avara_emulator::ApiKeyConfig {
                key: Some("sk_test_b".into()),
                ..Default::default()
            },
        ],
        ..EmulatorConfig::default()
    };
    let emulator = start(config);
    let agent = agent();
    for key in ["sk_test_a", "sk_test_b"] {
        let reply = call(
            &agent,
            &emulator,
            "POST",
            "/v1/express",
            Some(key),
            Some(CREATE),
            &[("idempotency-key", "idk_shared")],
        );
        assert_eq!(
            (reply.status, reply.header("idempotent-replayed")),
            (200, None),
            "{key}"
        );
    }
    assert_eq!(emulator.stats().express_customers, 2);
}

/// A fault after the study was stored: a retry with the same key gets the stored 200,
/// a retry without one meets the study it already created.
#[test]
fn a_fault_after_applying_is_repaired_by_the_idempotent_retry() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    let key = emulator.default_key().to_owned();
    emulator
        .set_faults(Faults {
            error_rate: 1.0,
            error_statuses: vec![503],
            after_apply_ratio: 1.0,
            ..Faults::default()
        })
        .unwrap();
    let body = format!(
        r#"{{"severity":"normal","studyDescription":"CT","studyInstanceUid":"{}"}}"#,
        common::UID
    );
    let headers = [("idempotency-key", "idk_study")];
    let failed = call(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/studies",
        Some(&key),
        Some(&body),
        &headers,
    );
    assert_eq!(
        (failed.status, failed.code().as_str()),
        (503, "service_unavailable")
    );
    assert_eq!(
        emulator.stats().studies,
        1,
        "the study was stored before the fault"
    );

    emulator.set_faults(Faults::default()).unwrap();
    let retried = call(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/studies",
        Some(&key),
        Some(&body),
        &headers,
    );
    assert_eq!(
        (retried.status, retried.header("idempotent-replayed")),
        (200, Some("true"))
    );
    let naive = api(&agent, &emulator, "POST", "/v1/viewer/studies", Some(&body));
    assert_eq!(
        naive.status, 409,
        "without a key the retry collides with the stored study"
    );
    assert_eq!(emulator.stats().studies, 1);
}

#[test]
fn a_fault_before_applying_records_nothing() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    let key = emulator.default_key().to_owned();
    emulator
        .set_faults(Faults {
            drop_rate: 1.0,
            after_apply_ratio: 0.0,
            ..Faults::default()
        })
        .unwrap();
    assert_eq!(
        raw(&emulator, "POST", "/v1/express", &key, &[], CREATE),
        Raw::Dropped
    );
    assert_eq!(emulator.stats().express_customers, 0);
    emulator.set_faults(Faults::default()).unwrap();
    let retried = call(
        &agent,
        &emulator,
        "POST",
        "/v1/express",
        Some(&key),
        Some(CREATE),
        &[("idempotency-key", "idk_x")],
    );
    assert_eq!(
        (retried.status, retried.header("idempotent-replayed")),
        (200, None)
    );
    assert_eq!(emulator.stats().express_customers, 1);
}

/// Creates under heavy mixed faults, each retried with its own key until it gets an
/// answer: every create lands exactly once.
#[test]
fn retries_with_keys_create_each_study_exactly_once_under_faults() {
    let faults = Faults {
        error_rate: 0.3,
        error_statuses: vec![500, 502, 503],
        rate_limit_rate: 0.1,
        retry_after_ms: 1,
        drop_rate: 0.2,
        after_apply_ratio: 0.5,
        ..Faults::default()
    };
    let emulator = start(EmulatorConfig {
        faults,
        seed: 11,
        ..EmulatorConfig::default()
    });
    let agent = agent();
    let key = emulator.default_key().to_owned();
    for index in 0..20 {
        let body = format!(
            r#"{{"severity":"normal","studyDescription":"Study {index}","studyInstanceUid":"1.2.840.{index}"}}"#
        );
        let idempotency_key = format!("idk_study_{index}");
        let outcome = (0..50).find_map(|_| {
            let reply = raw(
                &emulator,
                "POST",
                "/v1/viewer/studies",
                &key,
                &[("idempotency-key", &idempotency_key)],
                &body,
            );
            matches!(reply, Raw::Status(200)).then_some(reply)
        });
        assert_eq!(
            outcome,
            Some(Raw::Status(200)),
            "study {index} never succeeded"
        );
    }
    let stats = emulator.stats();
    assert_eq!(stats.studies, 20);
    assert!(
        stats.faults_after_apply > 0 && stats.connections_dropped > 0 && stats.rate_limited > 0,
        "{stats:?}"
    );
    assert!(stats.idempotent_replays > 0, "{stats:?}");
    emulator.set_faults(Faults::default()).unwrap();
    let listed = api(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/studies?limit=100",
        None,
    )
    .json();
    assert_eq!(listed["studies"].as_array().unwrap().len(), 20);
}
