//! Webhook security and payloads.
//!
//! [`Webhook`] verifies deliveries signed with the integration guide's scheme
//! (`X-Avara-Signature`, `X-Avara-Timestamp`) or with Standard Webhooks (`webhook-*`
//! headers), picking the scheme from the headers present. [`Webhook::unwrap`] then parses
//! the body into a typed [`WebhookEvent`]; [`responses`] holds what a receiver answers.

mod arguments;
mod error;
mod events;
mod guide_scheme;
mod headers;
mod json;
mod manifest_rules;
pub mod responses;
mod secret;
mod shape;
mod sign;
mod standard_scheme;
mod verifier;

pub use arguments::{
    SIGNING_SECRET, headers_not_raw, payload_not_raw, payload_not_unicode, secret_label,
    secret_missing, secret_not_unicode, secret_wrong_type,
};
pub use error::{ErrorCode, WebhookError};
pub use events::*;
pub use headers::WebhookHeaders;
pub use json::parse_strict_json;
pub use manifest_rules::{
    ManifestReport, SkippedPart, SopClassKind, check_manifest, slice_order, sop_class_kind,
};
pub use secret::{MIN_SECRET_BYTES, MIN_STANDARD_KEY_BYTES};
pub use sign::{StandardHeaders, sign, sign_standard};
pub use verifier::{DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_TOLERANCE, Scheme, Verified, Webhook};

/// Parses a body into a typed event without checking any signature.
///
/// Only for bodies that were verified elsewhere (or tests): anyone can forge an
/// unverified body. The same size limit and JSON rules as [`Webhook::unwrap`] apply.
pub fn unsafe_unwrap(payload: &[u8]) -> Result<WebhookEvent, WebhookError> {
    verifier::check_size(payload, DEFAULT_MAX_PAYLOAD_BYTES)?;
    WebhookEvent::from_json(payload)
}
