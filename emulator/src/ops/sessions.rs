//! Landing-page links: ephemeral sessions here, reroute URLs through the studies.

use avara::models::{EphemeralSessionCreateParams, UrlResponse};
use serde_json::Value;

use super::{Ctx, parse, to_json};
use crate::errors::ApiFailure;
use crate::store::{ViewLink, ViewTarget};

/// Stores a link to `target` for the calling key and returns its URL.
pub(super) fn mint_link(ctx: &mut Ctx<'_>, target: ViewTarget, ttl_ms: u64) -> UrlResponse {
    let token = ctx.ids.view_token();
    let url = format!("{}/view/{token}", ctx.base_url);
    let link = ViewLink {
        target,
        key: ctx.key,
        expires_at_ms: ctx.now_ms.saturating_add(ttl_ms),
    };
    ctx.state.add_view(token, link, ctx.now_ms);
    UrlResponse { url }
}

pub(super) fn create_ephemeral(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: EphemeralSessionCreateParams = parse(input)?;
    if ctx.caller().webhook_url.is_none() {
        return Err(ApiFailure::unprocessable(
            "ephemeral sessions need a study data webhook endpoint on the API key (configure webhookUrl)",
        ));
    }
    let target = ViewTarget::Ephemeral {
        retrieval_id: params.retrieval_id,
        options: params.options,
        hanging_protocol: params.hanging_protocol,
    };
    let ttl = ctx.ephemeral_ttl_ms;
    Ok(to_json(&mint_link(ctx, target, ttl)))
}
