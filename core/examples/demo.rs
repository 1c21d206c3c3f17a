//! Signs one sample `study.access_requested` delivery the way Avara does, writes it to
//! the file the other runtimes' demos read, and verifies it here.
//!
//! `cargo run -p avara --example demo -- target/demo/delivery.json`

use std::time::{SystemTime, UNIX_EPOCH};

use avara::webhooks::{Webhook, WebhookEvent, WebhookHeaders, sign};

const DEMO_SECRET: &str = "demo_jwt_secret_do_not_use_in_production_0001";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/demo/delivery.json".into());
    let body = r#"{"id":"whe_5f0c6e1d2b3a49588776655443322110","type":"study.access_requested","data":{"studyId":"stu_1234567890abcdef1234567890abcdef","studyInstanceUid":"1.2.840.113619.2.55.3.604688119.868.1234567890.123"}}"#;
    let timestamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)?
        .as_millis()
        .to_string();
    let signature = sign(DEMO_SECRET.as_bytes(), &timestamp, body.as_bytes());
    let headers = [
        ("X-Avara-Signature", signature),
        ("X-Avara-Timestamp", timestamp),
    ];

    let delivery = serde_json::json!({ "secret": DEMO_SECRET, "headers": headers, "body": body });
    if let Some(folder) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(&out, serde_json::to_vec_pretty(&delivery)?)?;

    let webhook = Webhook::new(DEMO_SECRET)?;
    let received: WebhookHeaders = headers
        .iter()
        .map(|(name, value)| (*name, value.as_bytes()))
        .collect();
    let verified = webhook.verify(body.as_bytes(), &received)?;
    let WebhookEvent::StudyAccessRequested(event) = webhook.unwrap(body.as_bytes(), &received)?
    else {
        return Err("the sample is a study.access_requested delivery".into());
    };
    println!(
        "{:<8}verified study.access_requested {} for {} (scheme {}, secret #{})",
        "rust",
        event.id,
        event.data.study_id,
        verified.scheme.as_str(),
        verified.secret_index
    );
    Ok(())
}
