//! The verifier object and the free functions around it. Integers are `i64` at the
//! boundary because Kotlin's unsigned types cannot be called from Java; they are
//! range-checked here before reaching the core.

use std::sync::Arc;
use std::time::Duration;

use avara::webhooks::{
    self as core, SIGNING_SECRET, Scheme, WebhookHeaders, headers_not_raw, secret_label,
    secret_missing, secret_not_unicode,
};

use crate::error::AvaraError;
use crate::events::WebhookEvent;
use crate::text::{utf16, utf16_lossy};

/// Which signature scheme authenticated a delivery.
#[uniffi::remote(Enum)]
pub enum Scheme {
    Guide,
    Standard,
    Both,
}

/// One header line as received; a name given twice is a duplicate header. The name is
/// its UTF-8 bytes.
///
/// Bytes rather than strings: uniffi's Kotlin string encoder throws on an unpaired
/// surrogate, and a hostile header must end as a typed verification error instead.
#[derive(Debug, Clone, uniffi::Record)]
pub struct HeaderLine {
    pub name: Vec<u8>,
    pub value: HeaderLineValue,
}

/// A header value as the framework handed it over; what bytes text stands for is the
/// core's rule (`WebhookHeaders::insert_text`).
#[derive(Debug, Clone, uniffi::Enum)]
pub enum HeaderLineValue {
    /// Java text as its UTF-16 code units (`text::utf16`).
    Text {
        units: Vec<u8>,
    },
    Bytes {
        bytes: Vec<u8>,
    },
}

/// Verifier settings. `None` keeps the core's default.
#[derive(Debug, Clone, uniffi::Record)]
pub struct WebhookOptions {
    pub past_tolerance_ms: Option<i64>,
    pub future_tolerance_ms: Option<i64>,
    /// `false` turns the freshness check off, whatever the tolerances say.
    pub check_timestamp: bool,
    pub max_payload_bytes: Option<i64>,
}

/// What a successful verification established.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Verified {
    pub scheme: Scheme,
    /// Position of the matching secret in the configured list (0 for a single secret).
    pub secret_index: i64,
    /// When the sender signed the delivery, in Unix milliseconds.
    pub timestamp_ms: i64,
    /// The `webhook-id` header of Standard Webhooks deliveries.
    pub webhook_id: Option<String>,
}

impl From<core::Verified> for Verified {
    fn from(verified: core::Verified) -> Self {
        let core::Verified {
            scheme,
            secret_index,
            timestamp_ms,
            webhook_id,
        } = verified;
        Verified {
            scheme,
            secret_index: i64::try_from(secret_index).unwrap_or(i64::MAX),
            timestamp_ms: i64::try_from(timestamp_ms).unwrap_or(i64::MAX),
            webhook_id,
        }
    }
}

fn non_negative(value: i64, what: &str) -> Result<u64, AvaraError> {
    u64::try_from(value).map_err(|_| {
        AvaraError::invalid_argument(format!("{what} must not be negative, got {value}"))
    })
}

fn configured(
    mut webhook: core::Webhook,
    options: WebhookOptions,
) -> Result<core::Webhook, AvaraError> {
    if let Some(ms) = options.past_tolerance_ms {
        webhook = webhook.with_past_tolerance(Duration::from_millis(non_negative(
            ms,
            "the past tolerance",
        )?));
    }
    if let Some(ms) = options.future_tolerance_ms {
        webhook = webhook.with_future_tolerance(Duration::from_millis(non_negative(
            ms,
            "the future tolerance",
        )?));
    }
    if !options.check_timestamp {
        webhook = webhook.without_timestamp_check();
    }
    if let Some(limit) = options.max_payload_bytes {
        let limit = usize::try_from(non_negative(limit, "maxPayloadBytes")?).unwrap_or(usize::MAX);
        webhook = webhook.with_max_payload_bytes(limit);
    }
    Ok(webhook)
}

/// A Java `null` body is a caller mistake the core names, not a crash.
fn raw_body(body: Option<&[u8]>) -> Result<&[u8], AvaraError> {
    body.ok_or_else(|| core::payload_not_raw("null").into())
}

/// A secret as the facade hands it over: Java text as its UTF-16 code units
/// (`text::utf16`), so an unpaired surrogate reaches the core's `invalid_secret` instead
/// of the string encoder's exception, and `null` (or a secret never set) is `None`.
fn secret_text(units: Option<Vec<u8>>, label: &str) -> Result<String, AvaraError> {
    let units = units.ok_or_else(|| secret_missing(label))?;
    utf16(&units).ok_or_else(|| secret_not_unicode(label).into())
}

/// A missing header map means no headers: the core then reports the missing signature.
/// A name that is not UTF-8 cannot be one the core reads, so decoding it lossily only
/// keeps it from matching; text with an unpaired surrogate is received text, not a
/// choice of the caller, and its stand-in matches no signature, timestamp or signed id.
fn header_map(lines: Option<Vec<HeaderLine>>) -> WebhookHeaders {
    let mut headers = WebhookHeaders::new();
    for HeaderLine { name, value } in lines.into_iter().flatten() {
        let name = String::from_utf8_lossy(&name);
        match value {
            HeaderLineValue::Text { units } => headers.insert_text(&name, &utf16_lossy(&units)),
            HeaderLineValue::Bytes { bytes } => headers.insert(&name, bytes),
        }
    }
    headers
}

/// Verifies deliveries against one or more secrets; safe to share between threads.
///
/// Not named `Webhook`: Java code imports this package and `com.avara.webhooks` with
/// wildcards, and the facade's `Webhook` must stay unambiguous.
#[derive(Debug, uniffi::Object)]
pub struct Verifier {
    inner: core::Webhook,
}

#[uniffi::export]
impl Verifier {
    /// A verifier for one secret (UTF-16 code units, see `secret_text`), used verbatim.
    #[uniffi::constructor]
    pub fn new(secret: Option<Vec<u8>>, options: WebhookOptions) -> Result<Arc<Self>, AvaraError> {
        let secret = secret_text(secret, &secret_label(None))?;
        Ok(Arc::new(Verifier {
            inner: configured(core::Webhook::new(&secret)?, options)?,
        }))
    }

    /// A verifier accepting any of several secrets, for rotation.
    #[uniffi::constructor]
    pub fn with_secrets(
        secrets: Option<Vec<Option<Vec<u8>>>>,
        options: WebhookOptions,
    ) -> Result<Arc<Self>, AvaraError> {
        let secrets = secrets
            .ok_or_else(|| secret_missing(&secret_label(None)))?
            .into_iter()
            .enumerate()
            .map(|(index, secret)| secret_text(secret, &secret_label(Some(index))))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Arc::new(Verifier {
            inner: configured(core::Webhook::with_secrets(secrets)?, options)?,
        }))
    }

    /// Verifies against the system clock.
    pub fn verify(
        &self,
        body: Option<Vec<u8>>,
        headers: Option<Vec<HeaderLine>>,
    ) -> Result<Verified, AvaraError> {
        self.verified(body.as_deref(), headers, None)
    }

    /// Verifies as if the time were `now_ms` (Unix milliseconds).
    pub fn verify_at(
        &self,
        body: Option<Vec<u8>>,
        headers: Option<Vec<HeaderLine>>,
        now_ms: i64,
    ) -> Result<Verified, AvaraError> {
        self.verified(body.as_deref(), headers, Some(now_ms))
    }

    /// Verifies against the system clock, then parses the body.
    pub fn unwrap(
        &self,
        body: Option<Vec<u8>>,
        headers: Option<Vec<HeaderLine>>,
    ) -> Result<WebhookEvent, AvaraError> {
        self.unwrapped(body.as_deref(), headers, None)
    }

    /// Verifies as if the time were `now_ms`, then parses the body.
    pub fn unwrap_at(
        &self,
        body: Option<Vec<u8>>,
        headers: Option<Vec<HeaderLine>>,
        now_ms: i64,
    ) -> Result<WebhookEvent, AvaraError> {
        self.unwrapped(body.as_deref(), headers, Some(now_ms))
    }

    /// Lends this verifier to the facade's direct calls (`direct.rs`) until
    /// `avara_jvm_direct_release` gets the handle back.
    pub fn direct_handle(self: Arc<Self>) -> i64 {
        Arc::into_raw(self) as i64
    }
}

impl Verifier {
    /// `verify` and `verify_at` (`now_ms: None` reads the system clock), on a borrowed body
    /// so the direct calls share them without copying it.
    pub(crate) fn verified(
        &self,
        body: Option<&[u8]>,
        headers: Option<Vec<HeaderLine>>,
        now_ms: Option<i64>,
    ) -> Result<Verified, AvaraError> {
        let now_ms = now_ms.map(|ms| non_negative(ms, "the clock")).transpose()?;
        let (body, headers) = (raw_body(body)?, header_map(headers));
        Ok(match now_ms {
            Some(now_ms) => self.inner.verify_at(body, &headers, now_ms)?,
            None => self.inner.verify(body, &headers)?,
        }
        .into())
    }

    /// `unwrap` and `unwrap_at`, as `verified` is for the verification.
    pub(crate) fn unwrapped(
        &self,
        body: Option<&[u8]>,
        headers: Option<Vec<HeaderLine>>,
        now_ms: Option<i64>,
    ) -> Result<WebhookEvent, AvaraError> {
        let now_ms = now_ms.map(|ms| non_negative(ms, "the clock")).transpose()?;
        let (body, headers) = (raw_body(body)?, header_map(headers));
        Ok(match now_ms {
            Some(now_ms) => self.inner.unwrap_at(body, &headers, now_ms)?,
            None => self.inner.unwrap(body, &headers)?,
        }
        .into())
    }
}

/// Parses a body without checking any signature; only for bodies verified elsewhere.
#[uniffi::export]
pub fn unsafe_unwrap(body: Option<Vec<u8>>) -> Result<WebhookEvent, AvaraError> {
    Ok(core::unsafe_unwrap(raw_body(body.as_deref())?)?.into())
}

/// The guide's `X-Avara-Signature` for a timestamp text and body, keyed with bytes.
/// Text crosses as UTF-16 code units (`text::utf16`); `null` is `None`.
#[uniffi::export]
pub fn sign(
    secret: Option<Vec<u8>>,
    timestamp: Option<Vec<u8>>,
    body: Option<Vec<u8>>,
) -> Result<String, AvaraError> {
    let secret = secret.ok_or_else(|| secret_missing(SIGNING_SECRET))?;
    signed(&secret, timestamp, body)
}

/// `sign` keyed with the UTF-8 bytes of a text secret.
#[uniffi::export]
pub fn sign_with_text(
    secret: Option<Vec<u8>>,
    timestamp: Option<Vec<u8>>,
    body: Option<Vec<u8>>,
) -> Result<String, AvaraError> {
    let secret = secret_text(secret, SIGNING_SECRET)?;
    signed(secret.as_bytes(), timestamp, body)
}

fn signed(
    secret: &[u8],
    timestamp: Option<Vec<u8>>,
    body: Option<Vec<u8>>,
) -> Result<String, AvaraError> {
    let timestamp = argument_text(timestamp, "timestamp")?;
    Ok(core::sign(secret, &timestamp, raw_body(body.as_deref())?))
}

/// A text argument other than the secret or the body (UTF-16 code units, `None` for
/// `null`): an argument error names it when it is missing or has no UTF-8 form.
fn argument_text(units: Option<Vec<u8>>, name: &str) -> Result<String, AvaraError> {
    let units =
        units.ok_or_else(|| AvaraError::invalid_argument(format!("{name} must not be null")))?;
    utf16(&units).ok_or_else(|| {
        AvaraError::invalid_argument(format!(
            "{name} holds an unpaired UTF-16 surrogate, which has no UTF-8 form"
        ))
    })
}

/// One header of a signed delivery.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SignedHeader {
    pub name: String,
    pub value: String,
}

/// The Standard Webhooks headers for a delivery, in the spec's order: HMAC-SHA256 over
/// `id.timestamp.body`, keyed with the decoded key of a `whsec_<base64>` (or bare
/// base64) secret. Text crosses as UTF-16 code units (`text::utf16`); `null` is `None`.
#[uniffi::export]
pub fn sign_standard(
    secret: Option<Vec<u8>>,
    webhook_id: Option<Vec<u8>>,
    timestamp_seconds: i64,
    body: Option<Vec<u8>>,
) -> Result<Vec<SignedHeader>, AvaraError> {
    let secret = secret_text(secret, SIGNING_SECRET)?;
    let webhook_id = argument_text(webhook_id, "webhookId")?;
    let seconds = non_negative(timestamp_seconds, "timestampSeconds")?;
    let headers = core::sign_standard(&secret, &webhook_id, seconds, raw_body(body.as_deref())?)?;
    Ok(headers
        .pairs()
        .into_iter()
        .map(|(name, value)| SignedHeader {
            name: name.to_owned(),
            value: value.to_owned(),
        })
        .collect())
}

/// The names the core reads, so the facade hands over only their lines.
#[uniffi::export]
pub fn header_names() -> Vec<String> {
    WebhookHeaders::names().map(str::to_owned).collect()
}

/// Raises the core's error for headers that are not the request's header lines; the
/// facade finds them and says what it found (`problem`), by type only.
#[uniffi::export]
pub fn reject_headers(problem: String) -> Result<(), AvaraError> {
    Err(headers_not_raw(&problem).into())
}
