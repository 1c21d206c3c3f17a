//! Events on their way to JavaScript.

use avara::webhooks::WebhookEvent;
use napi::bindgen_prelude::Either;
use serde_json::Value;

/// The event as JSON text, which `lib/webhook.js` hands to `JSON.parse`, when it holds
/// only fields its type defines (strings and booleans): V8 builds those objects several
/// times faster than napi calls can. An event carrying JSON of the sender's choosing
/// (an unknown event's `raw`, ephemeral `options`) crosses as the object napi builds,
/// whose rules for `__proto__` keys and integers above 2^63 differ from `JSON.parse`.
pub fn for_js(event: WebhookEvent) -> Either<String, Value> {
    let fixed_shape = match &event {
        WebhookEvent::EphemeralAccessRequested(ephemeral) => ephemeral.data.options.is_none(),
        WebhookEvent::StudyAccessRequested(_)
        | WebhookEvent::SecondaryCaptureAccessRequested(_)
        | WebhookEvent::ReportDelivered(_)
        | WebhookEvent::ModalityWorklistRequested(_)
        | WebhookEvent::PatientStudyEnrichmentRequested(_)
        | WebhookEvent::ClinicalContextEnrichmentRequested(_) => true,
        _ => false,
    };
    match fixed_shape
        .then(|| serde_json::to_string(&event).ok())
        .flatten()
    {
        Some(json) => Either::A(json),
        None => Either::B(event.to_value()),
    }
}
