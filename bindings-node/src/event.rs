//! Events on their way to JavaScript.

use avara::webhooks::WebhookEvent;

/// The event as JSON text, which `lib/webhook.js` hands to `JSON.parse`: V8 builds the
/// objects several times faster than napi calls can, and reads JSON of the sender's
/// choosing (an unknown event's `raw`, ephemeral `options`) by JavaScript's own rules,
/// where a `__proto__` key stays an own property instead of replacing the prototype.
pub fn for_js(event: WebhookEvent) -> String {
    event.to_value().to_string()
}
