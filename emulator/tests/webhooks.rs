//! Landing pages: reroute and ephemeral links deliver signed webhooks to the key's
//! endpoint, and the page shows what the receiver answered.

mod common;

use avara::webhooks::responses::StudyAccessRequestedResponse;
use avara::webhooks::{Scheme, Webhook, WebhookEvent, WebhookHeaders};
use avara_emulator::{ApiKeyConfig, EmulatorConfig, Faults};
use common::{Delivery, UID, agent, api, call, create_study, receiver, start};
use serde_json::Value;

const IMAGE: &str = "https://storage.example.com/dicom/image1.dcm?token=abc&x=<1>";

fn with_endpoint(url: &str, scheme: Scheme) -> EmulatorConfig {
    EmulatorConfig {
        keys: vec![ApiKeyConfig {
            webhook_url: Some(url.to_owned()),
            ..ApiKeyConfig::default()
        }],
        webhook_scheme: scheme,
        ..EmulatorConfig::default()
    }
}

fn headers_of(delivery: &Delivery) -> WebhookHeaders {
    delivery
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_bytes()))
        .collect()
}

fn open(agent: &ureq::Agent, emulator: &avara_emulator::Emulator, url: &str) -> common::Reply {
    let path = url
        .strip_prefix(emulator.base_url())
        .expect("the link points at the emulator");
    call(agent, emulator, "GET", path, None, None, &[])
}

/// The receiver verifies with the core and answers; the secret arrives once the
/// emulator has generated it.
fn verifying_receiver(
    answers: usize,
    answer: fn(&WebhookEvent) -> String,
) -> (common::WebhookReceiver, std::sync::mpsc::Sender<String>) {
    let (secret_sender, secret_receiver) = std::sync::mpsc::channel::<String>();
    let secret = std::sync::Mutex::new(None::<String>);
    let receiver = receiver(answers, move |delivery| {
        let mut secret = secret.lock().unwrap();
        let secret = secret.get_or_insert_with(|| secret_receiver.recv().unwrap());
        match Webhook::new(secret)
            .unwrap()
            .unwrap(&delivery.body, &headers_of(delivery))
        {
            Ok(event) => (200, answer(&event)),
            Err(error) => (401, format!(r#"{{"error":"{}"}}"#, error.code().as_str())),
        }
    });
    (receiver, secret_sender)
}

fn authorize(event: &WebhookEvent) -> String {
    match event {
        WebhookEvent::StudyAccessRequested(_) => {
            StudyAccessRequestedResponse::authorized(vec![IMAGE.into()])
                .to_json()
                .unwrap()
        }
        other => panic!("unexpected event {}", other.event_type()),
    }
}

/// The reroute URL of the study `UID`, as the API hands it out.
fn reroute_link(agent: &ureq::Agent, emulator: &avara_emulator::Emulator) -> String {
    let body = format!(r#"{{"studyInstanceUid":"{UID}"}}"#);
    let reply = api(
        agent,
        emulator,
        "POST",
        "/v1/viewer/studies/reroute-url",
        Some(&body),
    );
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.json()["url"].as_str().expect("a URL").to_owned()
}

#[test]
fn a_reroute_link_delivers_a_signed_study_access_request_and_shows_the_images() {
    let (receiver, secret) = verifying_receiver(1, authorize);
    let emulator = start(with_endpoint(&receiver.url, Scheme::Guide));
    secret.send(emulator.webhook_secret().to_owned()).unwrap();
    let agent = agent();
    let study = create_study(&agent, &emulator, emulator.default_key(), UID);
    let link = api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/studies/reroute-url",
        Some(&format!(
            r#"{{"studyId":"{}"}}"#,
            study["studyId"].as_str().unwrap()
        )),
    );
    let url = link.json()["url"].as_str().unwrap().to_owned();
    assert!(
        url.starts_with(&format!("{}/view/", emulator.base_url())),
        "{url}"
    );
    // Every API request would now fail; landing pages are never faulted.
    emulator
        .set_faults(Faults {
            error_rate: 1.0,
            ..Faults::default()
        })
        .unwrap();

    let page = open(&agent, &emulator, &url);
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    assert!(
        page.text.contains("Authorized: 1 image URL(s)"),
        "{}",
        page.text
    );
    assert!(
        page.text.contains("image1.dcm?token=abc&amp;x=&lt;1&gt;"),
        "the URL is shown escaped"
    );
    assert!(!page.text.contains("Contract violations"));

    let delivery = receiver.deliveries.recv().unwrap();
    receiver.join();
    let body: Value = serde_json::from_slice(&delivery.body).unwrap();
    assert_eq!(body["type"], "study.access_requested");
    assert_eq!(body["data"]["studyId"], study["studyId"]);
    assert_eq!(body["data"]["studyInstanceUid"], UID);
    let text = String::from_utf8(delivery.body.clone()).unwrap();
    assert!(
        text.starts_with(r#"{"id":"whe_"#) && !text.contains(' '),
        "compact, id first: {text}"
    );
    assert_eq!(
        delivery.header("X-Avara-Timestamp").unwrap().len(),
        13,
        "milliseconds"
    );
    assert!(delivery.header("webhook-signature").is_none());
    let verified = Webhook::new(emulator.webhook_secret())
        .unwrap()
        .verify(&delivery.body, &headers_of(&delivery))
        .unwrap();
    assert_eq!(verified.scheme, Scheme::Guide);
    assert_eq!(emulator.stats().webhook_deliveries, 1);
    assert_eq!(emulator.stats().errors_injected, 0);
}

#[test]
fn the_standard_scheme_signs_with_webhook_headers_and_contract_breaks_are_shown() {
    let (receiver, secret) = verifying_receiver(1, |_| r#"{"authorized":"yes","urls":[]}"#.into());
    let emulator = start(with_endpoint(&receiver.url, Scheme::Standard));
    secret.send(emulator.webhook_secret().to_owned()).unwrap();
    let agent = agent();
    create_study(&agent, &emulator, emulator.default_key(), UID);
    let link = reroute_link(&agent, &emulator);
    let page = open(&agent, &emulator, &link);
    assert!(
        page.text.contains("Contract violations") && page.text.contains("authorized"),
        "{}",
        page.text
    );
    assert!(page.text.contains("No valid answer"));
    let delivery = receiver.deliveries.recv().unwrap();
    receiver.join();
    assert!(delivery.header("X-Avara-Signature").is_none());
    let id = delivery.header("webhook-id").unwrap();
    assert!(
        id.starts_with("whe_")
            && delivery
                .header("webhook-signature")
                .unwrap()
                .starts_with("v1,")
    );
    assert!(
        delivery.header("webhook-timestamp").unwrap().len() <= 10,
        "seconds"
    );
}

#[test]
fn an_ephemeral_link_sends_the_retrieval_id_and_options_then_expires() {
    let (receiver, secret) = verifying_receiver(1, |event| match event {
        WebhookEvent::EphemeralAccessRequested(_) => {
            r#"{"authorized":false,"error":"<b>no such retrieval</b>"}"#.into()
        }
        other => panic!("unexpected event {}", other.event_type()),
    });
    let config = EmulatorConfig {
        ephemeral_ttl_secs: 1,
        ..with_endpoint(&receiver.url, Scheme::Both)
    };
    let emulator = start(config);
    secret.send(emulator.webhook_secret().to_owned()).unwrap();
    let agent = agent();
    let body = r#"{"retrievalId":"ret-42","options":{"studies":["1.2.3"]},"hangingProtocol":{"layout":"1x2","viewportAssignments":["Axial T1",null]}}"#;
    let session = api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/ephemeral-sessions",
        Some(body),
    );
    assert_eq!(session.status, 200, "{}", session.text);
    let url = session.json()["url"].as_str().unwrap().to_owned();

    let page = open(&agent, &emulator, &url);
    assert!(
        page.text.contains("Access denied by the receiver"),
        "{}",
        page.text
    );
    assert!(page.text.contains("&lt;b&gt;no such retrieval&lt;/b&gt;"));
    assert!(page.text.contains("Axial T1"));
    let delivery = receiver.deliveries.recv().unwrap();
    receiver.join();
    let event: Value = serde_json::from_slice(&delivery.body).unwrap();
    assert_eq!(event["type"], "ephemeral.access_requested");
    assert_eq!(
        event["data"],
        serde_json::json!({"retrievalId": "ret-42", "options": {"studies": ["1.2.3"]}})
    );
    let verified = Webhook::new(emulator.webhook_secret())
        .unwrap()
        .verify(&delivery.body, &headers_of(&delivery))
        .unwrap();
    assert_eq!(verified.scheme, Scheme::Both);

    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(open(&agent, &emulator, &url).status, 410);
    assert_eq!(
        call(&agent, &emulator, "GET", "/view/0000", None, None, &[]).status,
        404
    );
}

#[test]
fn without_an_endpoint_the_page_says_so_and_ephemeral_sessions_are_refused() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    create_study(&agent, &emulator, emulator.default_key(), UID);
    let link = reroute_link(&agent, &emulator);
    let page = open(&agent, &emulator, &link);
    assert_eq!(page.status, 200);
    assert!(
        page.text
            .contains("No study data webhook endpoint is configured"),
        "{}",
        page.text
    );
    let session = api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/ephemeral-sessions",
        Some(r#"{"retrievalId":"r"}"#),
    );
    assert_eq!(
        (session.status, session.code().as_str()),
        (422, "unprocessable_entity")
    );
    assert_eq!(emulator.stats().webhook_deliveries, 0);
}

#[test]
fn an_unreachable_endpoint_is_reported_on_the_page() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", closed.local_addr().unwrap());
    drop(closed);
    let emulator = start(with_endpoint(&url, Scheme::Guide));
    let agent = agent();
    create_study(&agent, &emulator, emulator.default_key(), UID);
    let link = reroute_link(&agent, &emulator);
    let page = open(&agent, &emulator, &link);
    assert!(
        page.text.contains("no answer from the endpoint"),
        "{}",
        page.text
    );
}
