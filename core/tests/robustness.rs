//! Hostile input never panics and always maps to a typed error; secrets never leak.

use avara::webhooks::{ErrorCode, Webhook, WebhookHeaders, sign, unsafe_unwrap};

const SECRET: &str = "robustness_secret_abcdefghijklmnopqrstuvwxyz";
const NOW: u64 = 1_767_225_600_000;

fn signed_headers(body: &[u8]) -> WebhookHeaders {
    let timestamp = NOW.to_string();
    let signature = sign(SECRET.as_bytes(), &timestamp, body);
    [
        ("X-Avara-Signature", signature),
        ("X-Avara-Timestamp", timestamp),
    ]
    .into_iter()
    .collect()
}

#[test]
fn a_ten_megabyte_body_is_refused_before_hashing() {
    let body = vec![b'{'; 10 * 1024 * 1024];
    let webhook = Webhook::new(SECRET).unwrap();
    let error = webhook
        .verify_at(&body, &signed_headers(&body), NOW)
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::PayloadTooLarge);
    assert_eq!(
        unsafe_unwrap(&body).unwrap_err().code(),
        ErrorCode::PayloadTooLarge
    );
}

#[test]
fn non_utf8_header_values_are_malformed_not_a_panic() {
    let webhook = Webhook::new(SECRET).unwrap();
    let mut headers = WebhookHeaders::new();
    headers.insert("X-Avara-Signature", [0xff_u8, 0xfe, 0x00, 0x80]);
    headers.insert("X-Avara-Timestamp", [0xc3_u8, 0x28]);
    let error = webhook.verify_at(b"{}", &headers, NOW).unwrap_err();
    assert_eq!(error.code(), ErrorCode::MalformedSignature);
    let mut headers = WebhookHeaders::new();
    headers.insert("webhook-id", [0xff_u8]);
    headers.insert("webhook-timestamp", [0xff_u8]);
    headers.insert("webhook-signature", [0xff_u8]);
    let error = webhook.verify_at(b"{}", &headers, NOW).unwrap_err();
    assert_eq!(error.code(), ErrorCode::MalformedSignature);
}

#[test]
fn authentic_garbage_bodies_fail_at_parsing_with_their_own_codes() {
    let webhook = Webhook::new(SECRET).unwrap();
    for (body, code) in [
        (&b"\xff\xfe"[..], ErrorCode::InvalidPayload),
        (b"[1,2]", ErrorCode::SchemaError),
        (b"", ErrorCode::InvalidPayload),
    ] {
        let error = webhook
            .unwrap_at(body, &signed_headers(body), NOW)
            .unwrap_err();
        assert_eq!(error.code(), code, "{body:?}");
    }
}

#[test]
fn extreme_clocks_do_not_overflow() {
    let webhook = Webhook::new(SECRET)
        .unwrap()
        .with_tolerance(std::time::Duration::MAX);
    let body = b"{}";
    assert!(
        webhook
            .verify_at(body, &signed_headers(body), u64::MAX)
            .is_ok()
    );
    assert!(webhook.verify_at(body, &signed_headers(body), 0).is_ok());
    let strict = Webhook::new(SECRET).unwrap();
    let error = strict
        .verify_at(body, &signed_headers(body), u64::MAX)
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::TimestampTooOld);
}

#[test]
fn secrets_never_appear_in_debug_output_or_messages() {
    let webhook =
        Webhook::with_secrets([SECRET, "second_secret_0123456789abcdefghijklmnop"]).unwrap();
    let shown = format!("{webhook:?}");
    assert!(
        !shown.contains("robustness_secret") && !shown.contains("second_secret"),
        "{shown}"
    );
    assert!(shown.contains("REDACTED"));
    let body = b"{}";
    let mut messages = vec![
        webhook
            .verify_at(b"x", &signed_headers(body), NOW)
            .unwrap_err()
            .to_string(),
    ];
    for bad in [
        format!(" {SECRET}"),
        format!("{SECRET}\n"),
        SECRET[..20].to_string(),
    ] {
        messages.push(Webhook::new(&bad).unwrap_err().to_string());
    }
    for message in messages {
        assert!(!message.contains("robustness_secret"), "{message}");
    }
}

#[test]
fn secret_errors_say_what_is_wrong() {
    let message = |secret: &str| Webhook::new(secret).unwrap_err().to_string();
    assert!(message("").contains("is empty"));
    assert!(message(&format!("{SECRET}\n")).contains("whitespace"));
    assert!(message("short").contains("at least 32 bytes"));
}

#[test]
fn hints_name_the_usual_mistakes() {
    let webhook = Webhook::new(SECRET).unwrap();
    let attempt = |signature: &str, timestamp: &str| {
        let headers: WebhookHeaders = [
            ("X-Avara-Signature", signature),
            ("X-Avara-Timestamp", timestamp),
        ]
        .into_iter()
        .collect();
        webhook
            .verify_at(b"{}", &headers, NOW)
            .unwrap_err()
            .to_string()
    };
    let good = sign(SECRET.as_bytes(), &NOW.to_string(), b"{}");
    assert!(attempt(&good, "1767225600").contains("looks like Unix seconds"));
    assert!(attempt(&format!("sha256={good}"), &NOW.to_string()).contains("sha256="));
    assert!(attempt(&good.to_uppercase(), &NOW.to_string()).contains("lowercase"));
    assert!(attempt(&"0".repeat(64), &NOW.to_string()).contains("re-serialized"));
}
