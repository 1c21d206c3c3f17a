//! Webhook verification in Rust: ours (`verify`, `unwrap`, and `unwrap` of a Standard
//! Webhooks delivery) against a hand-tuned verifier built from the same crates, with
//! bare SHA-256 of the body as the in-process ceiling. Each operation starts from the
//! request's header lines, as a server hands them over.
//!
//! `make bench` turns criterion's raw samples into bench/RESULTS.md; `cargo test
//! --bench webhooks` (part of `make bench-smoke`) runs every routine once.

mod delivery;
mod tuned;

use std::hint::black_box;
use std::time::Duration;

use avara::webhooks::{Webhook, WebhookEvent, WebhookHeaders};
use criterion::{Criterion, criterion_group, criterion_main};
use sha2::{Digest, Sha256};

use delivery::{Fixture, Lines};
use tuned::Tuned;

fn headers(lines: &Lines) -> WebhookHeaders {
    lines
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_bytes()))
        .collect()
}

fn is_study_access(event: &WebhookEvent) -> bool {
    matches!(event, WebhookEvent::StudyAccessRequested(_))
}

fn webhooks(c: &mut Criterion) {
    let fixture = Fixture::load();
    let ours = Webhook::new(&fixture.secret).expect("the bench secret is valid");
    let ours_standard = Webhook::new(&fixture.standard_secret).expect("the bench secret is valid");
    let tuned = Tuned::new(&fixture.secret);
    for (label, body) in fixture.bodies() {
        let mut group = c.benchmark_group(label);
        let guide = fixture.guide_request(&body);
        assert!(ours.verify(&body, &headers(&guide)).is_ok());
        group.bench_function("ours.verify", |b| {
            b.iter(|| {
                ours.verify(black_box(&body), &headers(black_box(&guide)))
                    .is_ok()
            })
        });
        let guide = fixture.guide_request(&body);
        assert!(is_study_access(
            &ours.unwrap(&body, &headers(&guide)).expect("verifies")
        ));
        group.bench_function("ours.unwrap", |b| {
            b.iter(|| ours.unwrap(black_box(&body), &headers(black_box(&guide))))
        });
        let standard = fixture.standard_request(&body);
        assert!(is_study_access(
            &ours_standard
                .unwrap(&body, &headers(&standard))
                .expect("verifies")
        ));
        group.bench_function("ours.unwrap_standard", |b| {
            b.iter(|| ours_standard.unwrap(black_box(&body), &headers(black_box(&standard))))
        });
        let guide = fixture.guide_request(&body);
        assert!(tuned.verify(&body, &guide));
        group.bench_function("tuned.verify", |b| {
            b.iter(|| tuned.verify(black_box(&body), black_box(&guide)))
        });
        let guide = fixture.guide_request(&body);
        let event = tuned.unwrap(&body, &guide).expect("verifies");
        assert!(event.kind == "study.access_requested" && !event.id.is_empty());
        assert!(!event.data.study_id.is_empty() && !event.data.study_instance_uid.is_empty());
        group.bench_function("tuned.unwrap", |b| {
            b.iter(|| tuned.unwrap(black_box(&body), black_box(&guide)))
        });
        group.bench_function("sha256", |b| b.iter(|| Sha256::digest(black_box(&body))));
        group.finish();
    }
}

criterion_group! {
    name = benches;
    // Short runs keep every operation of the 1 MiB body well inside its freshness window.
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50);
    targets = webhooks
}
criterion_main!(benches);
