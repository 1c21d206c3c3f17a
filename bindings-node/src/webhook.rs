//! The verifier class; `index.js` exposes it as `Webhook`.

use std::time::Duration;

use avara::webhooks::{self, secret_label};
use napi::ValueType;
use napi::bindgen_prelude::{Array, Either, JsObjectValue, JsValue, Null, Unknown};
use napi_derive::napi;

use crate::body;
use crate::describe::describe;
use crate::error::{OrThrow, Result, invalid_argument, out_of_range};
use crate::event;
use crate::headers::{self, Lines};
use crate::secret;

/// Verifier settings; absent keys keep the core's defaults (5 minutes, 1 MiB).
#[napi(object)]
pub struct WebhookOptions {
    /// Both sides of the freshness window; `null` turns the check off.
    pub tolerance_ms: Option<Either<f64, Null>>,
    /// Overrides the past side of the window (applied after `toleranceMs`).
    pub past_tolerance_ms: Option<f64>,
    /// Overrides the future side of the window (applied after `toleranceMs`).
    pub future_tolerance_ms: Option<f64>,
    /// A fixed clock (Unix ms) instead of the system's, for tests and replays.
    pub now_ms: Option<f64>,
    pub max_payload_bytes: Option<f64>,
}

#[napi(string_enum = "lowercase")]
pub enum Scheme {
    Guide,
    Standard,
    Both,
}

impl From<webhooks::Scheme> for Scheme {
    fn from(scheme: webhooks::Scheme) -> Self {
        match scheme {
            webhooks::Scheme::Guide => Scheme::Guide,
            webhooks::Scheme::Standard => Scheme::Standard,
            webhooks::Scheme::Both => Scheme::Both,
        }
    }
}

/// What a successful verification established (`Verified` in every package).
#[napi(object)]
pub struct Verified {
    pub scheme: Scheme,
    pub secret_index: u32,
    pub timestamp_ms: f64,
    pub webhook_id: Option<String>,
}

#[napi]
pub struct NativeWebhook {
    inner: webhooks::Webhook,
}

#[napi]
impl NativeWebhook {
    /// `secrets` is one secret or a list of them (rotation).
    #[napi(
        constructor,
        ts_args_type = "secrets: string | string[], options?: WebhookOptions | undefined | null"
    )]
    pub fn new(secrets: Unknown<'_>, options: Option<Unknown<'_>>) -> Result<Self> {
        let verifier = if secrets.is_array().or_throw()? {
            // SAFETY: checked to be an array just above.
            webhooks::Webhook::with_secrets(secret_list(
                unsafe { secrets.cast::<Array<'_>>() }.or_throw()?,
            )?)
        } else {
            webhooks::Webhook::new(&secret::text(
                secrets,
                &secret_label(None),
                "a string or an array of strings",
            )?)
        }
        .or_throw()?;
        let inner = match options {
            Some(options) => configure(verifier, read_options(options)?)?,
            None => verifier,
        };
        Ok(NativeWebhook { inner })
    }

    /// `lines` comes from `headerLines` in `lib/headers.js`, which runs the caller's
    /// JavaScript (getters, proxies) before this call: none can run while the body is
    /// borrowed, so none can detach its buffer.
    #[napi(
        ts_args_type = "body: Buffer | Uint8Array | string, lines: string | Array<[string, string | Uint8Array]>"
    )]
    pub fn verify(&self, body: Unknown<'_>, lines: Lines) -> Result<Verified> {
        let headers = headers::read(&lines);
        let body = body::read(body)?;
        let verified = self.inner.verify(&body, &headers).or_throw()?;
        Ok(Verified {
            scheme: verified.scheme.into(),
            secret_index: u32::try_from(verified.secret_index).unwrap_or(u32::MAX),
            // Millisecond timestamps stay far below 2^53, so the conversion is exact.
            timestamp_ms: verified.timestamp_ms as f64,
            webhook_id: verified.webhook_id,
        })
    }

    /// Verifies, then parses the body into the event (see `event::for_js`).
    #[napi(
        ts_args_type = "body: Buffer | Uint8Array | string, lines: string | Array<[string, string | Uint8Array]>"
    )]
    pub fn unwrap(&self, body: Unknown<'_>, lines: Lines) -> Result<String> {
        let headers = headers::read(&lines);
        let body = body::read(body)?;
        Ok(event::for_js(
            self.inner.unwrap(&body, &headers).or_throw()?,
        ))
    }
}

fn secret_list(list: Array<'_>) -> Result<Vec<String>> {
    (0..list.len())
        .map(|index| {
            let item = list.get_element::<Unknown<'_>>(index).or_throw()?;
            secret::text(item, &secret_label(Some(index as usize)), "a string")
        })
        .collect()
}

/// napi would read the fields of any value (all absent on a number); only objects count.
fn read_options(options: Unknown<'_>) -> Result<WebhookOptions> {
    match options.get_type().or_throw()? {
        // SAFETY: checked to be an object just above.
        ValueType::Object => unsafe { options.cast::<WebhookOptions>() }.or_throw(),
        _ => Err(invalid_argument(format!(
            "options must be an object, got {}",
            describe(options)?
        ))),
    }
}

fn configure(
    mut verifier: webhooks::Webhook,
    options: WebhookOptions,
) -> Result<webhooks::Webhook> {
    verifier = match options.tolerance_ms {
        None => verifier,
        Some(Either::A(tolerance)) => {
            verifier.with_tolerance(millis("options.toleranceMs", tolerance)?)
        }
        Some(Either::B(Null)) => verifier.without_timestamp_check(),
    };
    if let Some(past) = options.past_tolerance_ms {
        verifier = verifier.with_past_tolerance(millis("options.pastToleranceMs", past)?);
    }
    if let Some(future) = options.future_tolerance_ms {
        verifier = verifier.with_future_tolerance(millis("options.futureToleranceMs", future)?);
    }
    if let Some(now) = options.now_ms {
        verifier = verifier.with_fixed_clock(whole_number("options.nowMs", now)?);
    }
    if let Some(limit) = options.max_payload_bytes {
        let limit = usize::try_from(whole_number("options.maxPayloadBytes", limit)?)
            .map_err(|_| out_of_range("options.maxPayloadBytes is too large"))?;
        verifier = verifier.with_max_payload_bytes(limit);
    }
    Ok(verifier)
}

fn millis(name: &str, value: f64) -> Result<Duration> {
    whole_number(name, value).map(Duration::from_millis)
}

/// JavaScript numbers are doubles; only whole, non-negative, exactly representable
/// ones convert to the core's integers without guessing. Any other number is out of
/// range, as Node's own functions say of a fraction or a negative count.
pub fn whole_number(name: &str, value: f64) -> Result<u64> {
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= MAX_SAFE_INTEGER {
        Ok(value as u64)
    } else {
        Err(out_of_range(format!(
            "{name} must be a whole number from 0 to Number.MAX_SAFE_INTEGER, got {value}"
        )))
    }
}
