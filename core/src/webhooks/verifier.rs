//! The verifier: secrets, freshness window, size limit and scheme selection.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::arguments::secret_label;
use super::error::{ErrorCode, WebhookError};
use super::events::WebhookEvent;
use super::headers::{HeaderName, WebhookHeaders};
use super::secret::Secret;
use super::{guide_scheme, standard_scheme};

/// Deliveries may be this far in the past or the future (inclusive).
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);
/// Bodies above this many bytes are rejected before any hashing.
pub const DEFAULT_MAX_PAYLOAD_BYTES: usize = 1024 * 1024;

/// Which signature scheme authenticated a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// `X-Avara-Signature` / `X-Avara-Timestamp`, as in the integration guide.
    Guide,
    /// `webhook-id` / `webhook-timestamp` / `webhook-signature`, as the official SDKs verify.
    Standard,
    /// Both header sets were present and both verified.
    Both,
}

impl Scheme {
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Guide => "guide",
            Scheme::Standard => "standard",
            Scheme::Both => "both",
        }
    }
}

/// What a successful verification established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub scheme: Scheme,
    /// Position of the matching secret in the configured list (0 for a single secret),
    /// so an old secret can be retired once nothing matches it any more.
    pub secret_index: usize,
    /// When the sender signed the delivery, in Unix milliseconds.
    pub timestamp_ms: u64,
    /// The `webhook-id` header of Standard Webhooks deliveries.
    pub webhook_id: Option<String>,
}

#[derive(Debug, Clone, Copy)]
enum Clock {
    System,
    Fixed(u64),
}

/// Verifies webhook deliveries against one or more secrets.
///
/// Checks run in a fixed order: body size, header presence, header grammar, HMAC, then
/// freshness, so `timestamp_too_old`/`timestamp_too_new` only ever describe authentic
/// deliveries (clock skew or a replay).
#[derive(Debug)]
pub struct Webhook {
    secrets: Vec<Secret>,
    past_tolerance: Option<Duration>,
    future_tolerance: Option<Duration>,
    max_payload_bytes: usize,
    clock: Clock,
}

impl Webhook {
    /// A verifier for one secret, used verbatim (UTF-8 bytes, no trimming or decoding).
    pub fn new(secret: &str) -> Result<Self, WebhookError> {
        Ok(Self::from_secrets(vec![Secret::parse(
            secret,
            &secret_label(None),
        )?]))
    }

    /// A verifier that accepts any of several secrets, for rotation; order is kept and
    /// [`Verified::secret_index`] tells which one matched.
    pub fn with_secrets<S: AsRef<str>>(
        secrets: impl IntoIterator<Item = S>,
    ) -> Result<Self, WebhookError> {
        let parsed = secrets
            .into_iter()
            .enumerate()
            .map(|(index, secret)| Secret::parse(secret.as_ref(), &secret_label(Some(index))))
            .collect::<Result<Vec<_>, _>>()?;
        if parsed.is_empty() {
            return Err(WebhookError::new(
                ErrorCode::InvalidSecret,
                "the list of webhook secrets is empty; give at least one",
            ));
        }
        Ok(Self::from_secrets(parsed))
    }

    fn from_secrets(secrets: Vec<Secret>) -> Self {
        Self {
            secrets,
            past_tolerance: Some(DEFAULT_TOLERANCE),
            future_tolerance: Some(DEFAULT_TOLERANCE),
            max_payload_bytes: DEFAULT_MAX_PAYLOAD_BYTES,
            clock: Clock::System,
        }
    }

    /// Sets how far in the past and in the future a delivery may be signed.
    pub fn with_tolerance(self, tolerance: Duration) -> Self {
        self.with_past_tolerance(tolerance)
            .with_future_tolerance(tolerance)
    }

    pub fn with_past_tolerance(mut self, tolerance: Duration) -> Self {
        self.past_tolerance = Some(tolerance);
        self
    }

    pub fn with_future_tolerance(mut self, tolerance: Duration) -> Self {
        self.future_tolerance = Some(tolerance);
        self
    }

    /// Turns the freshness check off, e.g. to re-verify stored deliveries. Replays are
    /// then only stopped by deduplicating on the event `id`.
    pub fn without_timestamp_check(mut self) -> Self {
        self.past_tolerance = None;
        self.future_tolerance = None;
        self
    }

    pub fn with_max_payload_bytes(mut self, limit: usize) -> Self {
        self.max_payload_bytes = limit;
        self
    }

    /// Judges freshness against this instant (Unix ms) instead of the system clock.
    pub fn with_fixed_clock(mut self, now_ms: u64) -> Self {
        self.clock = Clock::Fixed(now_ms);
        self
    }

    /// Verifies a delivery against the configured clock.
    pub fn verify(
        &self,
        payload: &[u8],
        headers: &WebhookHeaders,
    ) -> Result<Verified, WebhookError> {
        self.verify_at(payload, headers, self.now_ms())
    }

    /// Verifies a delivery as if the time were `now_ms` (Unix milliseconds).
    pub fn verify_at(
        &self,
        payload: &[u8],
        headers: &WebhookHeaders,
        now_ms: u64,
    ) -> Result<Verified, WebhookError> {
        check_size(payload, self.max_payload_bytes)?;
        let guide_present = headers.is_present(HeaderName::AvaraSignature)
            || headers.is_present(HeaderName::AvaraTimestamp);
        let standard_present = headers.is_present(HeaderName::WebhookSignature)
            || headers.is_present(HeaderName::WebhookTimestamp)
            || headers.is_present(HeaderName::WebhookId);
        let verified = if standard_present && !guide_present {
            let standard = standard_scheme::verify(&self.secrets, payload, headers)?;
            Verified {
                scheme: Scheme::Standard,
                secret_index: standard.secret_index,
                timestamp_ms: standard.timestamp_ms,
                webhook_id: Some(standard.webhook_id),
            }
        } else {
            let guide = guide_scheme::verify(&self.secrets, payload, headers)?;
            let mut verified = Verified {
                scheme: Scheme::Guide,
                secret_index: guide.secret_index,
                timestamp_ms: guide.timestamp_ms,
                webhook_id: None,
            };
            if standard_present {
                let standard = standard_scheme::verify(&self.secrets, payload, headers)?;
                self.check_freshness(standard.timestamp_ms, now_ms, "webhook-timestamp")?;
                verified.scheme = Scheme::Both;
                verified.webhook_id = Some(standard.webhook_id);
            }
            verified
        };
        let header = match verified.scheme {
            Scheme::Standard => "webhook-timestamp",
            Scheme::Guide | Scheme::Both => "X-Avara-Timestamp",
        };
        self.check_freshness(verified.timestamp_ms, now_ms, header)?;
        Ok(verified)
    }

    /// Verifies a delivery, then parses its body into a typed event.
    pub fn unwrap(
        &self,
        payload: &[u8],
        headers: &WebhookHeaders,
    ) -> Result<WebhookEvent, WebhookError> {
        self.unwrap_at(payload, headers, self.now_ms())
    }

    pub fn unwrap_at(
        &self,
        payload: &[u8],
        headers: &WebhookHeaders,
        now_ms: u64,
    ) -> Result<WebhookEvent, WebhookError> {
        self.verify_at(payload, headers, now_ms)?;
        WebhookEvent::from_json(payload)
    }

    fn now_ms(&self) -> u64 {
        match self.clock {
            Clock::Fixed(now_ms) => now_ms,
            Clock::System => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |since| {
                    u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
                }),
        }
    }

    fn check_freshness(
        &self,
        signed_ms: u64,
        now_ms: u64,
        header: &str,
    ) -> Result<(), WebhookError> {
        let age_ms = i128::from(now_ms) - i128::from(signed_ms);
        let limit_ms =
            |tolerance: Duration| i128::try_from(tolerance.as_millis()).unwrap_or(i128::MAX);
        if let Some(past) = self.past_tolerance
            && age_ms > limit_ms(past)
        {
            return Err(WebhookError::new(
                ErrorCode::TimestampTooOld,
                format!(
                    "{header} is {age_ms} ms in the past, beyond the {} ms tolerance; \
                     a replay or a slow clock",
                    past.as_millis()
                ),
            ));
        }
        if let Some(future) = self.future_tolerance
            && -age_ms > limit_ms(future)
        {
            return Err(WebhookError::new(
                ErrorCode::TimestampTooNew,
                format!(
                    "{header} is {} ms in the future, beyond the {} ms tolerance; \
                     check the clocks of sender and receiver",
                    -age_ms,
                    future.as_millis()
                ),
            ));
        }
        Ok(())
    }
}

pub(crate) fn check_size(payload: &[u8], limit: usize) -> Result<(), WebhookError> {
    if payload.len() > limit {
        return Err(WebhookError::new(
            ErrorCode::PayloadTooLarge,
            format!(
                "the body is {} bytes, above the {limit}-byte limit",
                payload.len()
            ),
        ));
    }
    Ok(())
}
