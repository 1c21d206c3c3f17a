//! `Webhook::verify` and `Webhook::unwrap` on arbitrary headers and bodies, in every
//! scheme (guide, Standard Webhooks, both).
//!
//! Most inputs ask the target to sign the body with a configured secret, so runs get
//! past the signature check into the JSON and event parsing behind it. Checked:
//! - a delivery the verifier accepts really is signed: an independent HMAC over the
//!   exact header bytes and body matches the reported secret (and no earlier one), the
//!   scheme follows from the headers present, and the timestamp is inside the window;
//! - a delivery signed correctly, fresh, within the size limit and without conflicting
//!   headers is accepted, with the expected scheme and secret index;
//! - every error has a code from `ErrorCode::ALL` and a message that holds no secret
//!   (of the built-in ones: a fuzzer soon makes a custom secret of message text);
//!   verification fails only with verification codes (or `invalid_secret`), parsing only
//!   with `invalid_payload`/`schema_error`;
//! - `unwrap` fails exactly as `verify` does, then parses as `unsafe_unwrap` does; the
//!   fast path of small known events agrees with the general one; a known event
//!   serializes back to a body that parses to the same event.
//!
//! Input layout (see `seeds.py`): `flags: u8`, `now_ms: u64` (0: a fixed instant),
//! `skew: i8` (the signed timestamp is `now + skew × 5 s`), `webhook-id: chunk`, secret
//! count `u8` then each secret as a chunk (none: a built-in set), header count `u8` then
//! each header as name chunk and value chunk, and the rest is the body.
//!
//! `flags`: bits 0–1 sign with nothing / the guide's scheme / Standard Webhooks / both;
//! bits 2–3 the built-in secret set; bit 4 turns the freshness check off; bit 5 sets a
//! 256-byte size limit.

#![no_main]

use avara::webhooks::{
    DEFAULT_MAX_PAYLOAD_BYTES, ErrorCode, Scheme, Verified, Webhook, WebhookError, WebhookEvent,
    WebhookHeaders, parse_strict_json, unsafe_unwrap,
};
use avara_fuzz_support::hmac_oracle::{guide_signature, standard_keys, standard_signature};
use avara_fuzz_support::input::Input;
use libfuzzer_sys::fuzz_target;

const DEFAULT_NOW_MS: u64 = 1_767_225_600_000;
const TOLERANCE_MS: i128 = 300_000;
const SKEW_STEP_MS: i128 = 5_000;
const SMALL_LIMIT: usize = 256;
/// Bodies up to this size may take the core's fast path for known events.
const FAST_PATH_MAX_BYTES: usize = 8 * 1024;

const GUIDE_SECRET: &str = "fuzz_guide_secret_0123456789abcdefghij";
const STANDARD_SECRET: &str = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
const OLD_STANDARD_SECRET: &str = "whsec_ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q=";

const GUIDE_NAMES: [&str; 2] = ["X-Avara-Signature", "X-Avara-Timestamp"];
const STANDARD_NAMES: [&str; 3] = ["webhook-id", "webhook-timestamp", "webhook-signature"];

#[derive(Clone, Copy, PartialEq)]
enum Signing {
    Nothing,
    Guide,
    Standard,
    Both,
}

impl Signing {
    fn guide(self) -> bool {
        matches!(self, Signing::Guide | Signing::Both)
    }

    fn standard(self) -> bool {
        matches!(self, Signing::Standard | Signing::Both)
    }
}

/// The built-in secret sets; deliveries are signed with the last secret of a set.
fn built_in_secrets(set: u8) -> Vec<String> {
    let set: &[&str] = match set {
        0 => &[STANDARD_SECRET],
        1 => &[OLD_STANDARD_SECRET, STANDARD_SECRET],
        2 => &[GUIDE_SECRET],
        _ => &[GUIDE_SECRET, STANDARD_SECRET],
    };
    set.iter().map(|secret| (*secret).to_owned()).collect()
}

struct Delivery {
    secrets: Vec<String>,
    built_in: bool,
    signing: Signing,
    freshness: bool,
    limit: usize,
    now_ms: u64,
    signed_ms: u64,
    webhook_id: Vec<u8>,
    /// Header lines from the input, before the signed ones are added.
    given_headers: Vec<(String, Vec<u8>)>,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

fn read(data: &[u8]) -> Delivery {
    let mut input = Input::new(data);
    let flags = input.byte();
    let now_ms = match input.u64() {
        0 => DEFAULT_NOW_MS,
        given => given,
    };
    let skew = i128::from(input.byte() as i8) * SKEW_STEP_MS;
    let signed_ms = u64::try_from((i128::from(now_ms) + skew).max(0)).unwrap_or(u64::MAX);
    let webhook_id = input.chunk().to_vec();
    let custom: Vec<String> = (0..input.byte()).map(|_| input.text()).collect();
    let given_headers: Vec<(String, Vec<u8>)> = (0..input.byte())
        .map(|_| (input.text(), input.chunk().to_vec()))
        .collect();
    let body = input.rest().to_vec();
    let signing = match flags & 0b11 {
        0 => Signing::Nothing,
        1 => Signing::Guide,
        2 => Signing::Standard,
        _ => Signing::Both,
    };
    let built_in = custom.is_empty();
    let secrets = if built_in {
        built_in_secrets((flags >> 2) & 0b11)
    } else {
        custom
    };
    let mut delivery = Delivery {
        secrets,
        built_in,
        signing,
        freshness: flags & 0b1_0000 == 0,
        limit: if flags & 0b10_0000 == 0 {
            DEFAULT_MAX_PAYLOAD_BYTES
        } else {
            SMALL_LIMIT
        },
        now_ms,
        signed_ms,
        webhook_id,
        headers: given_headers.clone(),
        given_headers,
        body,
    };
    sign(&mut delivery);
    delivery
}

/// Adds the headers of the requested schemes, signed with the last secret.
fn sign(delivery: &mut Delivery) {
    let Some(secret) = delivery.secrets.last() else {
        return;
    };
    if delivery.signing.guide() {
        let timestamp = delivery.signed_ms.to_string();
        let signature = guide_signature(secret.as_bytes(), timestamp.as_bytes(), &delivery.body);
        delivery
            .headers
            .push((GUIDE_NAMES[0].into(), signature.into_bytes()));
        delivery
            .headers
            .push((GUIDE_NAMES[1].into(), timestamp.into_bytes()));
    }
    if delivery.signing.standard() {
        // A set without a Standard Webhooks secret is signed with one it does not hold.
        let key = standard_keys(secret)
            .into_iter()
            .next()
            .unwrap_or_else(|| standard_keys(STANDARD_SECRET).remove(0));
        let timestamp = (delivery.signed_ms / 1000).to_string();
        let signature = standard_signature(
            &key,
            &delivery.webhook_id,
            timestamp.as_bytes(),
            &delivery.body,
        );
        delivery
            .headers
            .push((STANDARD_NAMES[0].into(), delivery.webhook_id.clone()));
        delivery
            .headers
            .push((STANDARD_NAMES[1].into(), timestamp.into_bytes()));
        delivery
            .headers
            .push((STANDARD_NAMES[2].into(), signature.into_bytes()));
    }
}

impl Delivery {
    fn lines(&self, name: &str) -> Vec<&[u8]> {
        self.headers
            .iter()
            .filter(|(given, _)| given.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_slice())
            .collect()
    }

    /// The value of a header that appears exactly once (a verifier never picks one of many).
    fn single(&self, name: &str) -> &[u8] {
        let lines = self.lines(name);
        assert_eq!(
            lines.len(),
            1,
            "{name} was accepted with {} lines",
            lines.len()
        );
        lines[0]
    }

    /// Whether the request itself (headers or body) holds `text`.
    fn carries(&self, text: &[u8]) -> bool {
        let holds = |data: &[u8]| data.windows(text.len()).any(|window| window == text);
        holds(&self.body)
            || self
                .headers
                .iter()
                .any(|(name, value)| holds(name.as_bytes()) || holds(value))
    }

    fn present(&self, names: &[&str]) -> bool {
        names.iter().any(|name| !self.lines(name).is_empty())
    }

    fn within_window(&self, signed_ms: u64) -> bool {
        (i128::from(self.now_ms) - i128::from(signed_ms)).abs() <= TOLERANCE_MS
    }

    fn headers(&self) -> WebhookHeaders {
        self.headers
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_slice()))
            .collect()
    }

    /// The webhook verifier for this delivery, or why the secrets were refused.
    fn verifier(&self) -> Result<Webhook, WebhookError> {
        let webhook = Webhook::with_secrets(&self.secrets)?.with_max_payload_bytes(self.limit);
        Ok(if self.freshness {
            webhook
        } else {
            webhook.without_timestamp_check()
        })
    }
}

/// What a verifier must answer for a delivery it has to accept, when that is certain.
fn must_accept(delivery: &Delivery) -> Option<Verified> {
    let conflicting = delivery.given_headers.iter().any(|(name, _)| {
        GUIDE_NAMES
            .iter()
            .chain(&STANDARD_NAMES)
            .any(|known| known.eq_ignore_ascii_case(name))
    });
    let plain_timestamp = (1_000_000_000_000..10_000_000_000_000).contains(&delivery.signed_ms);
    // Standard Webhooks timestamps are whole seconds, up to 999 ms earlier.
    let fresh = !delivery.freshness
        || (i128::from(delivery.now_ms) - i128::from(delivery.signed_ms)).abs()
            <= TOLERANCE_MS - 1000;
    let plain_id = (1..=256).contains(&delivery.webhook_id.len())
        && delivery.webhook_id.iter().all(u8::is_ascii_graphic);
    if delivery.signing == Signing::Nothing
        || conflicting
        || delivery.body.len() > delivery.limit
        || !plain_timestamp
        || !fresh
    {
        return None;
    }
    let last = delivery.secrets.len() - 1;
    // The first secret equal to the signing one matches first.
    let guide_index = delivery
        .secrets
        .iter()
        .position(|secret| *secret == delivery.secrets[last])?;
    // How a custom secret maps to a Standard Webhooks key is the core's rule to set.
    let standard_signable = delivery.built_in && !standard_keys(&delivery.secrets[last]).is_empty();
    if delivery.signing.standard() && (!standard_signable || !plain_id) {
        return None;
    }
    let webhook_id =
        (delivery.signing.standard()).then(|| String::from_utf8_lossy(&delivery.webhook_id).into());
    Some(match delivery.signing {
        Signing::Guide => Verified {
            scheme: Scheme::Guide,
            secret_index: guide_index,
            timestamp_ms: delivery.signed_ms,
            webhook_id,
        },
        Signing::Standard => Verified {
            scheme: Scheme::Standard,
            secret_index: last,
            timestamp_ms: delivery.signed_ms / 1000 * 1000,
            webhook_id,
        },
        _ => Verified {
            scheme: Scheme::Both,
            secret_index: guide_index,
            timestamp_ms: delivery.signed_ms,
            webhook_id,
        },
    })
}

fn check_guide_signature(delivery: &Delivery, verified: &Verified) {
    let signature = delivery.single(GUIDE_NAMES[0]);
    let timestamp = delivery.single(GUIDE_NAMES[1]);
    assert_eq!(
        timestamp,
        verified.timestamp_ms.to_string().as_bytes(),
        "the reported timestamp is not the X-Avara-Timestamp header"
    );
    let matches = |secret: &String| {
        guide_signature(secret.as_bytes(), timestamp, &delivery.body).as_bytes() == signature
    };
    assert_eq!(
        delivery.secrets.iter().position(matches),
        Some(verified.secret_index),
        "X-Avara-Signature was accepted but the first matching secret is elsewhere"
    );
    if delivery.freshness {
        assert!(
            delivery.within_window(verified.timestamp_ms),
            "stale delivery accepted"
        );
    }
}

/// Which secrets signed one of the `webhook-signature` entries, and the signing instant
/// in milliseconds.
fn check_standard_signature(delivery: &Delivery, verified: &Verified) -> (Vec<bool>, u64) {
    let id = delivery.single(STANDARD_NAMES[0]);
    let timestamp = delivery.single(STANDARD_NAMES[1]);
    let entries = delivery.single(STANDARD_NAMES[2]);
    assert_eq!(
        verified.webhook_id.as_deref().map(str::as_bytes),
        Some(id),
        "the reported webhook id is not the webhook-id header"
    );
    let seconds: u64 = std::str::from_utf8(timestamp)
        .ok()
        .and_then(|text| text.parse().ok())
        .filter(|seconds: &u64| seconds.to_string().as_bytes() == timestamp)
        .expect("webhook-timestamp accepted but not plain decimal seconds");
    let entries: Vec<&[u8]> = entries.split(|byte| *byte == b' ').collect();
    let signed_by = delivery
        .secrets
        .iter()
        .map(|secret| {
            standard_keys(secret).iter().any(|key| {
                let expected = standard_signature(key, id, timestamp, &delivery.body);
                entries.contains(&expected.as_bytes())
            })
        })
        .collect();
    let signed_ms = seconds
        .checked_mul(1000)
        .expect("timestamp overflow accepted");
    if delivery.freshness {
        assert!(delivery.within_window(signed_ms), "stale delivery accepted");
    }
    (signed_by, signed_ms)
}

/// A delivery the verifier accepted really carries a valid signature.
fn check_accepted(delivery: &Delivery, verified: &Verified) {
    assert!(
        delivery.body.len() <= delivery.limit,
        "oversized body accepted"
    );
    let scheme = match (
        delivery.present(&GUIDE_NAMES),
        delivery.present(&STANDARD_NAMES),
    ) {
        (true, false) => Scheme::Guide,
        (false, true) => Scheme::Standard,
        (true, true) => Scheme::Both,
        (false, false) => panic!("accepted without any signature header"),
    };
    assert_eq!(
        verified.scheme, scheme,
        "scheme does not follow the headers"
    );
    match scheme {
        Scheme::Guide => {
            check_guide_signature(delivery, verified);
            assert_eq!(verified.webhook_id, None);
        }
        Scheme::Standard => {
            let (signed_by, signed_ms) = check_standard_signature(delivery, verified);
            assert_eq!(
                signed_by.iter().position(|signed| *signed),
                Some(verified.secret_index),
                "webhook-signature accepted but the first matching secret is elsewhere"
            );
            assert_eq!(verified.timestamp_ms, signed_ms);
        }
        Scheme::Both => {
            check_guide_signature(delivery, verified);
            let (signed_by, _) = check_standard_signature(delivery, verified);
            assert!(
                signed_by.contains(&true),
                "webhook-signature accepted without a matching secret"
            );
        }
    }
}

fn check_error(error: &WebhookError, delivery: &Delivery) {
    assert!(ErrorCode::ALL.contains(&error.code()));
    assert!(
        !error.message().is_empty(),
        "{:?} without a message",
        error.code()
    );
    assert!(
        error.to_string().starts_with(error.code().as_str()),
        "{error}"
    );
    // Only the built-in secrets: the fuzzer soon learns to make a secret of message text.
    // A message may quote the request, so a secret the request holds may show.
    for secret in [GUIDE_SECRET, STANDARD_SECRET, OLD_STANDARD_SECRET] {
        assert!(
            !error.message().contains(secret) || delivery.carries(secret.as_bytes()),
            "a secret leaked: {error}"
        );
    }
}

/// `unwrap` after a successful verification parses as `unsafe_unwrap` does, its fast
/// path agrees with the general one, and a known event round-trips.
fn check_parsed(body: &[u8], unwrapped: &Result<WebhookEvent, WebhookError>) {
    if body.len() <= DEFAULT_MAX_PAYLOAD_BYTES {
        assert_eq!(
            &unsafe_unwrap(body),
            unwrapped,
            "unwrap and unsafe_unwrap disagree"
        );
    }
    if body.len() <= FAST_PATH_MAX_BYTES {
        // Trailing whitespace is still the same JSON, but too long for the fast path.
        let mut general = body.to_vec();
        general.resize(FAST_PATH_MAX_BYTES + 1, b' ');
        // Error messages differ in the position they quote; the code must not.
        assert_eq!(
            WebhookEvent::from_json(&general).map_err(|error| error.code()),
            unwrapped.clone().map_err(|error| error.code()),
            "the fast path and the general path disagree"
        );
    }
    match unwrapped {
        Err(error) => assert!(
            matches!(
                error.code(),
                ErrorCode::InvalidPayload | ErrorCode::SchemaError
            ),
            "parsing failed with {error}"
        ),
        Ok(event) if event.id().is_some() => {
            let again = serde_json::to_vec(event).expect("a known event serializes");
            assert_eq!(
                &WebhookEvent::from_json(&again).expect("a known event reads back"),
                event,
                "a known event does not survive its own serialization"
            );
        }
        Ok(event) => {
            assert!(
                WebhookEvent::KINDS
                    .iter()
                    .all(|kind| kind.event_type != event.event_type()),
                "a known type parsed as unknown"
            );
            let WebhookEvent::Unknown { raw, .. } = event else {
                panic!("an event without id that is not unknown: {event:?}");
            };
            assert_eq!(Ok(raw), parse_strict_json(body).as_ref());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let delivery = read(data);
    let webhook = match delivery.verifier() {
        Ok(webhook) => webhook,
        Err(error) => {
            assert_eq!(error.code(), ErrorCode::InvalidSecret, "{error}");
            check_error(&error, &delivery);
            return;
        }
    };
    let headers = delivery.headers();
    let verified = webhook.verify_at(&delivery.body, &headers, delivery.now_ms);
    let unwrapped = webhook.unwrap_at(&delivery.body, &headers, delivery.now_ms);
    match (&verified, must_accept(&delivery)) {
        (Ok(verified), expected) => {
            check_accepted(&delivery, verified);
            if let Some(expected) = expected {
                assert_eq!(verified, &expected);
            }
            if let Err(error) = &unwrapped {
                check_error(error, &delivery);
            }
            check_parsed(&delivery.body, &unwrapped);
        }
        (Err(error), expected) => {
            assert_eq!(
                expected, None,
                "a correctly signed delivery was refused: {error}"
            );
            check_error(error, &delivery);
            assert!(
                error.code().is_verification_failure() || error.code() == ErrorCode::InvalidSecret,
                "verification failed with {error}"
            );
            if delivery.body.len() > delivery.limit {
                assert_eq!(
                    error.code(),
                    ErrorCode::PayloadTooLarge,
                    "size is checked first"
                );
            }
            assert_eq!(
                unwrapped.as_ref().err(),
                Some(error),
                "unwrap and verify disagree"
            );
        }
    }
});
