//! Client configuration: defaults, the environment, and keys kept out of sight.

use std::time::Duration;

use avara::client::{ApiErrorCode, Avara, DEFAULT_BASE_URL, parse_custom_headers};

const KEY: &str = "sk_live_0123456789abcdef0123456789abcdef";

#[test]
fn defaults_follow_the_official_sdks() {
    let client = Avara::builder().api_key(KEY).build().unwrap();
    let config = client.config();
    assert_eq!(config.base_url, DEFAULT_BASE_URL);
    assert_eq!(config.timeout, Duration::from_secs(60));
    assert_eq!(config.connect_timeout, Duration::from_secs(5));
    assert_eq!(config.max_retries, 2);
}

#[test]
fn a_missing_api_key_says_where_to_get_one() {
    let error = Avara::builder().build().unwrap_err();
    assert_eq!(error.code, ApiErrorCode::Configuration);
    assert!(error.message.contains("AVARA_API_KEY"), "{error}");
    let padded = Avara::builder()
        .api_key(format!("{KEY}\n"))
        .build()
        .unwrap_err();
    assert!(padded.message.contains("whitespace"), "{padded}");
}

#[test]
fn a_zero_timeout_is_refused_in_every_language_alike() {
    for builder in [
        Avara::builder().timeout(Duration::ZERO),
        Avara::builder().connect_timeout(Duration::ZERO),
    ] {
        let error = builder.api_key(KEY).build().unwrap_err();
        assert_eq!(error.code, ApiErrorCode::Configuration);
        assert!(error.message.contains("longer than zero"), "{error}");
    }
}

#[test]
fn the_api_key_and_webhook_secret_never_show_in_debug() {
    let secret = "webhook_secret_0123456789abcdefghijklmnop";
    let client = Avara::builder()
        .api_key(KEY)
        .webhook_secret(secret)
        .header("X-Trace", "t")
        .build()
        .unwrap();
    let shown = format!("{client:?}");
    assert!(!shown.contains(KEY) && !shown.contains(secret), "{shown}");
    assert!(shown.contains("REDACTED"));
}

#[test]
fn a_bad_webhook_secret_fails_when_the_client_is_built() {
    let error = Avara::builder()
        .api_key(KEY)
        .webhook_secret("short")
        .build()
        .unwrap_err();
    assert_eq!(error.code, ApiErrorCode::Configuration);
    assert!(error.message.contains("at least 32 bytes"), "{error}");
    let no_secret = Avara::builder().api_key(KEY).build().unwrap();
    assert_eq!(
        no_secret.webhooks().unwrap_err().code,
        ApiErrorCode::Configuration
    );
}

#[test]
fn custom_headers_are_name_value_lines() {
    let parsed = parse_custom_headers("X-Tenant: north\nmalformed line\n  X-Trace :  a:b  \n");
    assert_eq!(
        parsed,
        [
            ("X-Tenant".to_owned(), "north".to_owned()),
            ("X-Trace".to_owned(), "a:b".to_owned())
        ]
    );
}

#[test]
fn connection_failures_are_retried_then_reported_with_the_attempt_count() {
    // Nothing listens on port 9 of the loopback interface, so every attempt is refused.
    let client = Avara::builder()
        .api_key(KEY)
        .base_url("http://127.0.0.1:9")
        .max_retries(1)
        .build()
        .unwrap();
    let error = client
        .viewer()
        .studies()
        .retrieve("stu_1234567890abcdef1234567890abcdef")
        .unwrap_err();
    assert_eq!(error.code, ApiErrorCode::Connection);
    assert_eq!(error.attempts, 2);
    assert!(!error.to_string().contains(KEY));
}

#[test]
fn the_client_is_cheap_to_share_across_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Avara>();
}
