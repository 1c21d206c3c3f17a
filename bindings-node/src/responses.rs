//! The receiver's answers, built and checked by the core and handed over as plain objects.

use avara::webhooks::responses::{self, CONSTRUCTORS};
use avara::webhooks::{ErrorCode, WebhookError, WebhookEvent};
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use serde_json::Value;

use crate::describe::describe;
use crate::error::{OrThrow, Result, webhook_error};

/// One common-case constructor of the core, e.g. `StudyAccessRequestedResponse.denied(reason)`.
#[napi(object)]
pub struct ResponseConstructor {
    pub event_type: String,
    /// The response type's name, under which `index.js` exports the constructors.
    pub response_name: String,
    pub name: String,
    pub params: Vec<String>,
}

/// The core's constructor table, so the JavaScript objects are built from it, not retyped.
#[napi]
pub fn response_constructors() -> Vec<ResponseConstructor> {
    CONSTRUCTORS
        .iter()
        .filter_map(|(event_type, name, params)| {
            let kind = WebhookEvent::KINDS
                .iter()
                .find(|kind| kind.event_type == *event_type)?;
            Some(ResponseConstructor {
                event_type: (*event_type).to_owned(),
                response_name: kind.response_name.to_owned(),
                name: (*name).to_owned(),
                params: params.iter().map(|param| (*param).to_owned()).collect(),
            })
        })
        .collect()
}

#[napi(ts_args_type = "eventType: string, name: string, args: unknown[]")]
pub fn construct_response(
    event_type: String,
    name: String,
    args: Vec<Unknown<'_>>,
) -> Result<Value> {
    let args = args
        .into_iter()
        .enumerate()
        .map(|(index, arg)| json(arg, &format!("args[{index}]")))
        .collect::<Result<Vec<_>>>()?;
    responses::construct(&event_type, &name, args).or_throw()
}

/// The canonical form of a response body for `eventType`; throws `schema_error`.
#[napi(ts_args_type = "eventType: string, body: unknown")]
pub fn normalize_response(event_type: String, body: Unknown<'_>) -> Result<Value> {
    responses::normalize_response_value(&event_type, json(body, "body")?).or_throw()
}

/// A value with no JSON form (`undefined`, a function, a cycle) breaks the contract like
/// any other wrong value in a response: `schema_error`, as in every package.
fn json(value: Unknown<'_>, path: &str) -> Result<Value> {
    // SAFETY: napi's conversion into `serde_json::Value` checks every type itself (and
    // bounds depth and size), so it accepts any value.
    unsafe { value.cast::<Value>() }.or_else(|_| {
        Err(webhook_error(WebhookError::new(
            ErrorCode::SchemaError,
            format!("{path}: {} has no JSON form", describe(value)?),
        )))
    })
}
