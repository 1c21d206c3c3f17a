//! `avara-emulator trigger` against small receivers: one that keeps the contract for
//! every event type and scheme, and ones that break each rule.

mod common;

use std::process::Command;
use std::time::Duration;

use avara::webhooks::responses::{
    ClinicalContextEnrichmentRequestedResponse, EphemeralAccessRequestedResponse,
    ModalityWorklistRequestedResponse, PatientStudyEnrichmentRequestedResponse,
    ReportDeliveredResponse, SecondaryCaptureAccessRequestedResponse, StudyAccessRequestedResponse,
};
use avara::webhooks::{Scheme, Webhook, WebhookEvent, WebhookHeaders};
use avara_emulator::trigger::{self, TriggerCommand, TriggerOptions};
use common::{Delivery, WebhookReceiver, receiver};
use serde_json::Value;

const SECRET: &str = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
const ALL_CHECKS: usize = 8;

fn headers_of(delivery: &Delivery) -> WebhookHeaders {
    delivery
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_bytes()))
        .collect()
}

/// The answer the contract asks for, built with the core's response types.
fn correct_answer(event: &WebhookEvent) -> String {
    let json = match event {
        WebhookEvent::StudyAccessRequested(_) => StudyAccessRequestedResponse::authorized(vec![
            "https://pacs.example.com/wado/1.dcm".into(),
        ])
        .to_json(),
        WebhookEvent::EphemeralAccessRequested(_) => {
            EphemeralAccessRequestedResponse::authorized(vec![
                "https://pacs.example.com/wado/2.dcm".into(),
            ])
            .to_json()
        }
        WebhookEvent::SecondaryCaptureAccessRequested(_) => {
            SecondaryCaptureAccessRequestedResponse::authorized(vec![
                "https://uploads.example.com/sc.dcm".into(),
            ])
            .to_json()
        }
        WebhookEvent::ReportDelivered(_) => ReportDeliveredResponse::acknowledged().to_json(),
        WebhookEvent::ModalityWorklistRequested(_) => {
            ModalityWorklistRequestedResponse::authorized(vec![]).to_json()
        }
        WebhookEvent::PatientStudyEnrichmentRequested(_) => {
            PatientStudyEnrichmentRequestedResponse {
                patient_name: Some("DOE^JANE".into()),
                ..PatientStudyEnrichmentRequestedResponse::empty()
            }
            .to_json()
        }
        WebhookEvent::ClinicalContextEnrichmentRequested(_) => {
            ClinicalContextEnrichmentRequestedResponse {
                clinical_indication: Some("Headache after a fall".into()),
                ..ClinicalContextEnrichmentRequestedResponse::empty()
            }
            .to_json()
        }
        other => panic!("unexpected event {}", other.event_type()),
    };
    json.unwrap()
}

/// Verifies with the core, refuses what does not verify with 401, answers the rest
/// correctly.
fn correct_receiver(answers: usize) -> WebhookReceiver {
    receiver(answers, |delivery| {
        match Webhook::new(SECRET)
            .unwrap()
            .unwrap(&delivery.body, &headers_of(delivery))
        {
            Ok(event) => (200, correct_answer(&event)),
            Err(_) => (401, r#"{"error":"Invalid signature"}"#.into()),
        }
    })
}

/// Answers every delivery with `status` and `body`, signed or not.
fn fixed_receiver(answers: usize, status: u16, body: &'static str) -> WebhookReceiver {
    receiver(answers, move |_| (status, body.to_owned()))
}

fn options(args: &[&str], url: &str) -> TriggerOptions {
    let mut all: Vec<String> = args.iter().map(|arg| (*arg).to_owned()).collect();
    all.extend([
        "--to".to_owned(),
        url.to_owned(),
        "--secret".to_owned(),
        SECRET.to_owned(),
    ]);
    match trigger::parse(all, None).expect("valid arguments") {
        TriggerCommand::Send(options) => options,
        TriggerCommand::Help => panic!("help"),
    }
}

/// Runs `trigger` in-process: whether everything passed, and the printed text.
fn run(options: &TriggerOptions) -> (bool, String) {
    let mut out = Vec::new();
    let passed = trigger::run(options, &mut out).expect("verdicts are written");
    (passed, String::from_utf8(out).unwrap())
}

fn verdict_lines(text: &str) -> Vec<Vec<&str>> {
    text.lines()
        .filter(|line| line.starts_with("PASS") || line.starts_with("FAIL"))
        .map(|line| {
            line.split("  ")
                .map(str::trim)
                .filter(|cell| !cell.is_empty())
                .collect()
        })
        .collect()
}

#[test]
fn a_correct_receiver_passes_every_event_and_scheme() {
    for scheme in [Scheme::Guide, Scheme::Standard, Scheme::Both] {
        let receiver = correct_receiver(ALL_CHECKS);
        let (passed, text) = run(&options(
            &["--all", "--scheme", scheme.as_str()],
            &receiver.url,
        ));
        assert!(passed, "{text}");
        let lines = verdict_lines(&text);
        assert_eq!(lines.len(), ALL_CHECKS, "{text}");
        let kinds: Vec<&str> = WebhookEvent::KINDS
            .iter()
            .map(|kind| kind.event_type)
            .collect();
        for (line, event_type) in lines
            .iter()
            .zip(kinds.iter().chain(["forged signature"].iter()))
        {
            assert_eq!(&line[..3], ["PASS", event_type, scheme.as_str()], "{text}");
        }
        assert_eq!(lines[7][3], "401", "{text}");
        assert!(
            lines[..7]
                .iter()
                .all(|line| line[3] == "200" && line[4].ends_with(" ms")),
            "{text}"
        );
        assert!(
            !text.contains("note:"),
            "a correct answer draws no notes:\n{text}"
        );
        assert!(
            text.ends_with("8 passed, 0 failed: the receiver keeps the contract\n"),
            "{text}"
        );
        let deliveries: Vec<Delivery> = receiver.deliveries.iter().take(ALL_CHECKS).collect();
        receiver.join();
        for delivery in &deliveries {
            let guide = delivery.header("X-Avara-Signature").is_some();
            let standard = delivery.header("webhook-signature").is_some();
            assert_eq!(
                (guide, standard),
                (scheme != Scheme::Standard, scheme != Scheme::Guide)
            );
        }
        let ids: std::collections::HashSet<String> = deliveries
            .iter()
            .map(|delivery| {
                serde_json::from_slice::<Value>(&delivery.body).unwrap()["id"].to_string()
            })
            .collect();
        assert_eq!(
            ids.len(),
            ALL_CHECKS,
            "every delivery carries a fresh event id"
        );
    }
}

#[test]
fn each_broken_rule_is_caught_and_the_field_named() {
    let cases: &[(&str, u16, &str, &str)] = &[
        (
            "report.delivered",
            500,
            r#"{"error":"database down"}"#,
            "HTTP 500",
        ),
        ("report.delivered", 200, "OK", "not valid JSON"),
        (
            "study.access_requested",
            200,
            r#"{"urls":[]}"#,
            "missing field `authorized`",
        ),
        (
            "study.access_requested",
            200,
            r#"{"authorized":"yes","urls":[]}"#,
            "authorized: invalid type",
        ),
        (
            "ephemeral.access_requested",
            200,
            r#"{"authorized":true,"urls":"https://x"}"#,
            "urls: invalid type",
        ),
        (
            "secondary_capture.access_requested",
            200,
            r#"{"authorized":true,"uploadUrls":[7]}"#,
            "uploadUrls[0]",
        ),
        (
            "report.delivered",
            200,
            r#"{"success":"true"}"#,
            "success: invalid type",
        ),
        (
            "modality_worklist.requested",
            200,
            r#"{"authorized":true,"items":{}}"#,
            "items: invalid type",
        ),
        (
            "patient_study.enrichment_requested",
            200,
            r#"{"height":{"unit":"m","value":1.8}}"#,
            "height.unit",
        ),
        (
            "clinical_context.enrichment_requested",
            200,
            r#"{"priorReports":[{"reportText":5}]}"#,
            "priorReports[0].reportText",
        ),
    ];
    for (event_type, status, body, named) in cases {
        let receiver = fixed_receiver(1, *status, body);
        let (passed, text) = run(&options(&[event_type], &receiver.url));
        receiver.join();
        assert!(!passed, "{event_type} answered {body}:\n{text}");
        let first = text.lines().next().unwrap();
        assert!(first.starts_with(&format!("FAIL  {event_type} ")), "{text}");
        assert!(
            first.contains(named),
            "{event_type} answered {body}: expected {named:?} in\n{text}"
        );
        assert!(
            text.ends_with("0 passed, 1 failed: the receiver breaks the contract\n"),
            "{text}"
        );
    }
}

#[test]
fn a_receiver_that_accepts_a_forged_signature_fails() {
    let receiver = receiver(ALL_CHECKS, |delivery| {
        let event = avara::webhooks::unsafe_unwrap(&delivery.body).unwrap();
        (200, correct_answer(&event))
    });
    let (passed, text) = run(&options(&["--all"], &receiver.url));
    receiver.join();
    assert!(!passed, "{text}");
    let lines = verdict_lines(&text);
    assert!(lines[..7].iter().all(|line| line[0] == "PASS"), "{text}");
    assert_eq!(
        &lines[7][..4],
        ["FAIL", "forged signature", "guide", "200"],
        "{text}"
    );
    assert!(
        lines[7][4].contains("accepted a delivery with a wrong signature"),
        "{text}"
    );
}

#[test]
fn allowed_but_unhelpful_answers_pass_with_notes() {
    let receiver = fixed_receiver(1, 200, r#"{"authorized":false}"#);
    let (passed, text) = run(&options(&["study.access_requested"], &receiver.url));
    receiver.join();
    assert!(passed, "{text}");
    assert!(text.contains("note: `urls` is missing"), "{text}");
    assert!(
        text.contains("note: access denied without an `error` reason"),
        "{text}"
    );
}

#[test]
fn an_unreachable_receiver_fails() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/webhooks/avara", listener.local_addr().unwrap());
    drop(listener);
    let (passed, text) = run(&options(
        &["report.delivered", "--timeout-ms", "2000"],
        &url,
    ));
    assert!(!passed);
    assert!(
        text.starts_with("FAIL  report.delivered") && text.contains("no answer from the endpoint"),
        "{text}"
    );
}

fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_avara-emulator"));
    command.env_remove(trigger::SECRET_VARIABLE);
    command
}

#[test]
fn the_binary_exits_0_1_or_2() {
    let good = correct_receiver(ALL_CHECKS);
    let output = binary()
        .args([
            "trigger", "--all", "--scheme", "both", "--json", "--to", &good.url,
        ])
        .env(trigger::SECRET_VARIABLE, SECRET)
        .output()
        .unwrap();
    good.join();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        (document["passed"].as_u64(), document["failed"].as_u64()),
        (Some(8), Some(0))
    );
    assert_eq!(document["checks"][7]["label"], "forged signature");
    assert_eq!(document["checks"][7]["status"], 401);
    assert_eq!(document["checks"][0]["scheme"], "both");

    let bad = fixed_receiver(1, 200, r#"{"success":1}"#);
    let output = binary()
        .args([
            "trigger",
            "report.delivered",
            "--scheme",
            "standard",
            "--secret",
            SECRET,
            "--to",
            &bad.url,
        ])
        .output()
        .unwrap();
    bad.join();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.starts_with("FAIL  report.delivered")
            && stdout.contains("standard  200  success: invalid type"),
        "{stdout}"
    );

    let output = binary()
        .args(["trigger", "--all", "--to", "http://127.0.0.1:9/"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains(trigger::SECRET_VARIABLE));
    let plain = "a-plain-secret-that-is-long-enough-for-hmac";
    let output = binary()
        .args([
            "trigger",
            "--all",
            "--scheme",
            "standard",
            "--secret",
            plain,
            "--to",
            "http://127.0.0.1:9/",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("whsec_"));
    let help = binary().args(["trigger", "--help"]).output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--study-uid"));
}

#[test]
fn the_study_uid_can_be_pinned() {
    let uid = "1.2.840.113619.2.55.3.604688119.868.1234567890.123";
    let receiver = correct_receiver(1);
    let (passed, text) = run(&options(
        &[
            "study.access_requested",
            "--study-uid",
            uid,
            "--timeout-ms",
            "5000",
        ],
        &receiver.url,
    ));
    let delivery = receiver
        .deliveries
        .recv_timeout(Duration::from_secs(5))
        .unwrap();
    receiver.join();
    assert!(passed, "{text}");
    let body: Value = serde_json::from_slice(&delivery.body).unwrap();
    assert_eq!(body["data"]["studyInstanceUid"], uid);
}
