//! What an emulator starts with: API keys, faults, webhook signing and timings. The
//! same types read the JSON file given with `--config` (camelCase keys, every field
//! optional, unknown fields refused so a typo is not silently ignored).

use std::fmt;

use avara::webhooks::{Scheme, Webhook, sign_standard};
use serde::{Deserialize, Deserializer};

/// Which studies a key sees and manages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum StudyScope {
    /// The guide's "Self": only studies created with this key; others answer 404.
    #[serde(rename = "self")]
    Own,
    /// Every study of the clinic.
    #[serde(rename = "all")]
    All,
}

/// How far a key may go in one area (users and invitations, or Express customers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    None,
    Read,
    Write,
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::None => "none",
            Access::Read => "read",
            Access::Write => "write",
        }
    }
}

impl StudyScope {
    pub fn as_str(self) -> &'static str {
        match self {
            StudyScope::Own => "self",
            StudyScope::All => "all",
        }
    }
}

/// One API key as the dashboard's API Config creates it.
#[derive(Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ApiKeyConfig {
    /// The bearer token; generated (`sk_test_` + 32 hex digits) when absent.
    pub key: Option<String>,
    pub description: String,
    pub study_scope: StudyScope,
    pub user_access: Access,
    pub express_access: Access,
    /// The study data webhook endpoint that landing pages deliver to.
    pub webhook_url: Option<String>,
    /// The "JWT secret"; generated (`whsec_` + base64 of 32 random bytes) when absent.
    pub webhook_secret: Option<String>,
}

impl Default for ApiKeyConfig {
    /// Everything allowed: scope `all`, users `write`, Express `write`, no endpoint.
    fn default() -> Self {
        ApiKeyConfig {
            key: None,
            description: "Emulator key".into(),
            study_scope: StudyScope::All,
            user_access: Access::Write,
            express_access: Access::Write,
            webhook_url: None,
            webhook_secret: None,
        }
    }
}

impl fmt::Debug for ApiKeyConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKeyConfig")
            .field("key", &self.key.as_ref().map(|_| "[REDACTED]"))
            .field("description", &self.description)
            .field("study_scope", &self.study_scope)
            .field("user_access", &self.user_access)
            .field("express_access", &self.express_access)
            .field("webhook_url", &self.webhook_url)
            .field(
                "webhook_secret",
                &self.webhook_secret.as_ref().map(|_| "[REDACTED]"),
            )
            .finish()
    }
}

/// Failures injected into API routes (never into landing pages or `/health`).
///
/// Each API request draws from a generator seeded with [`EmulatorConfig::seed`]: a
/// 429 with `rate_limit_rate`, an error status with `error_rate`, a dropped connection
/// with `drop_rate` (the three are exclusive, so their sum is at most 1). Errors and
/// drops strike after the operation was applied with probability `after_apply_ratio`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Faults {
    pub error_rate: f64,
    /// Statuses for injected errors, picked uniformly.
    pub error_statuses: Vec<u16>,
    /// Added to every API response.
    pub latency_ms: u64,
    pub rate_limit_rate: f64,
    /// Sent as `retry-after-ms` with each injected 429 and 503 (and rounded up to
    /// seconds in `Retry-After`).
    pub retry_after_ms: u64,
    pub drop_rate: f64,
    pub after_apply_ratio: f64,
}

impl Default for Faults {
    /// No faults; injected errors, once enabled, are 500 or 503, half of them after
    /// the operation was applied; 429s ask for a 10 ms pause.
    fn default() -> Self {
        Faults {
            error_rate: 0.0,
            error_statuses: vec![500, 503],
            latency_ms: 0,
            rate_limit_rate: 0.0,
            retry_after_ms: 10,
            drop_rate: 0.0,
            after_apply_ratio: 0.5,
        }
    }
}

impl Faults {
    pub(crate) fn validate(&self) -> Result<(), String> {
        for (name, rate) in [
            ("errorRate", self.error_rate),
            ("rateLimitRate", self.rate_limit_rate),
            ("dropRate", self.drop_rate),
            ("afterApplyRatio", self.after_apply_ratio),
        ] {
            if !(0.0..=1.0).contains(&rate) {
                return Err(format!("faults.{name} must be between 0 and 1, got {rate}"));
            }
        }
        let total = self.error_rate + self.rate_limit_rate + self.drop_rate;
        if total > 1.0 + f64::EPSILON {
            return Err(format!(
                "errorRate + rateLimitRate + dropRate must be at most 1, got {total}"
            ));
        }
        if self.error_rate > 0.0 && self.error_statuses.is_empty() {
            return Err("faults.errorStatuses is empty but errorRate is above 0".into());
        }
        if let Some(status) = self
            .error_statuses
            .iter()
            .find(|status| !(400..=599).contains(*status))
        {
            return Err(format!(
                "faults.errorStatuses must be HTTP error statuses (400-599), got {status}"
            ));
        }
        Ok(())
    }
}

/// Everything [`crate::Emulator::start`] needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct EmulatorConfig {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// No keys: one key with [`ApiKeyConfig::default`] settings.
    pub keys: Vec<ApiKeyConfig>,
    pub faults: Faults,
    /// Seeds the fault sequence: the same seed and requests give the same faults.
    pub seed: u64,
    /// How deliveries are signed: the guide's `X-Avara-*` headers, Standard Webhooks
    /// `webhook-*` headers (needs Standard Webhooks keys: `whsec_` and base64, or bare
    /// base64), or both header sets at once.
    #[serde(deserialize_with = "scheme_from_text")]
    pub webhook_scheme: Scheme,
    /// How long a receiver may take to answer a delivery.
    pub webhook_timeout_ms: u64,
    /// Lifetime of reroute URLs.
    pub reroute_ttl_secs: u64,
    /// Lifetime of ephemeral session URLs (30 s in the contract).
    pub ephemeral_ttl_secs: u64,
    /// One line per request on standard error.
    pub log_requests: bool,
    /// How long a connection may take to send a request's headers, counted from when
    /// it opens or from its previous answer (so it is also how long an idle keep-alive
    /// connection stays open), and then again for the body. Neither a flag nor a file
    /// setting: the 60 s default suits every client, and tests shorten it.
    #[serde(skip)]
    pub request_read_timeout_ms: u64,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        EmulatorConfig {
            port: 0,
            keys: Vec::new(),
            faults: Faults::default(),
            seed: 0,
            webhook_scheme: Scheme::Guide,
            webhook_timeout_ms: 10_000,
            reroute_ttl_secs: 600,
            ephemeral_ttl_secs: 30,
            log_requests: false,
            request_read_timeout_ms: 60_000,
        }
    }
}

/// `guide`, `standard` or `both`.
pub(crate) fn parse_scheme(text: &str) -> Result<Scheme, String> {
    match text {
        "guide" => Ok(Scheme::Guide),
        "standard" => Ok(Scheme::Standard),
        "both" => Ok(Scheme::Both),
        other => Err(format!(
            "the webhook scheme must be guide, standard or both, got {other:?}"
        )),
    }
}

fn scheme_from_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Scheme, D::Error> {
    parse_scheme(&String::deserialize(deserializer)?).map_err(serde::de::Error::custom)
}

impl EmulatorConfig {
    /// Reads the `--config` file format.
    pub fn from_json(text: &str) -> Result<EmulatorConfig, String> {
        serde_json::from_str(text).map_err(|error| format!("invalid configuration: {error}"))
    }

    pub(crate) fn validate(&self) -> Result<(), String> {
        self.faults.validate()?;
        for (name, value) in [
            ("webhookTimeoutMs", self.webhook_timeout_ms),
            ("rerouteTtlSecs", self.reroute_ttl_secs),
            ("ephemeralTtlSecs", self.ephemeral_ttl_secs),
            ("request_read_timeout_ms", self.request_read_timeout_ms),
        ] {
            if value == 0 {
                return Err(format!("{name} must be above 0"));
            }
        }
        for (index, key) in self.keys.iter().enumerate() {
            validate_key(key, self.webhook_scheme)
                .map_err(|problem| format!("keys[{index}]: {problem}"))?;
            let duplicate = key.key.is_some()
                && self.keys[..index]
                    .iter()
                    .any(|earlier| earlier.key == key.key);
            if duplicate {
                return Err(format!("keys[{index}]: the same key is configured twice"));
            }
        }
        Ok(())
    }
}

fn validate_key(key: &ApiKeyConfig, scheme: Scheme) -> Result<(), String> {
    if let Some(token) = &key.key {
        let printable = token.bytes().all(|byte| byte.is_ascii_graphic());
        if token.is_empty() || !printable {
            return Err("key must be non-empty printable ASCII without spaces".into());
        }
    }
    if let Some(url) = &key.webhook_url
        && !(url.starts_with("http://") || url.starts_with("https://"))
    {
        return Err(format!(
            "webhookUrl must start with http:// or https://, got {url:?}"
        ));
    }
    let Some(secret) = &key.webhook_secret else {
        return Ok(());
    };
    // The rules receivers' verifiers apply, and for Standard Webhooks those of its key.
    Webhook::new(secret).map_err(|error| format!("webhookSecret: {}", error.message()))?;
    if scheme != Scheme::Guide {
        sign_standard(secret, "", 0, b"").map_err(|error| {
            format!(
                "webhookSecret: Standard Webhooks signing needs a key; {}",
                error.message()
            )
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_file_format_and_refuses_typos() {
        let config = EmulatorConfig::from_json(
            r#"{"port": 4011, "seed": 7, "webhookScheme": "both",
                "keys": [{"description": "PACS A", "studyScope": "self", "userAccess": "read",
                          "expressAccess": "none", "webhookUrl": "http://127.0.0.1:9000/hook"}],
                "faults": {"errorRate": 0.2, "errorStatuses": [502], "dropRate": 0.1}}"#,
        )
        .unwrap();
        assert_eq!(config.port, 4011);
        assert_eq!(config.webhook_scheme, Scheme::Both);
        assert_eq!(config.keys[0].study_scope, StudyScope::Own);
        assert_eq!(config.keys[0].user_access, Access::Read);
        assert_eq!(config.faults.error_statuses, vec![502]);
        assert_eq!(config.faults.retry_after_ms, 10);
        assert!(config.validate().is_ok());
        let typo = EmulatorConfig::from_json(r#"{"keys": [{"scope": "all"}]}"#).unwrap_err();
        assert!(typo.contains("unknown field `scope`"), "{typo}");
    }

    #[test]
    fn refuses_impossible_settings() {
        let mut config = EmulatorConfig::default();
        config.faults.error_rate = 0.7;
        config.faults.drop_rate = 0.5;
        assert!(config.validate().unwrap_err().contains("at most 1"));
        let mut config = EmulatorConfig {
            webhook_scheme: Scheme::Standard,
            ..EmulatorConfig::default()
        };
        config.keys.push(ApiKeyConfig {
            webhook_secret: Some("not_base64_".repeat(4)),
            ..ApiKeyConfig::default()
        });
        assert!(config.validate().unwrap_err().contains("whsec_"));
        let config = EmulatorConfig {
            keys: vec![ApiKeyConfig::default(); 1],
            ..EmulatorConfig::default()
        };
        assert!(config.validate().is_ok());
    }

    #[test]
    fn debug_output_hides_keys_and_secrets() {
        let key = ApiKeyConfig {
            key: Some("sk_test_visible".into()),
            webhook_secret: Some("secret_value_that_must_not_show_up".into()),
            ..ApiKeyConfig::default()
        };
        let shown = format!("{key:?}");
        assert!(
            !shown.contains("sk_test_visible") && !shown.contains("secret_value"),
            "{shown}"
        );
    }
}
