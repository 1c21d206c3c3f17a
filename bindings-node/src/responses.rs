//! The receiver's answers, built and checked by the core and handed over as plain objects.

use avara::webhooks::WebhookEvent;
use avara::webhooks::responses::{self, CONSTRUCTORS};
use napi_derive::napi;
use serde_json::Value;

use crate::error::{OrThrow, Result};

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

#[napi]
pub fn construct_response(event_type: String, name: String, args: Vec<Value>) -> Result<Value> {
    responses::construct(&event_type, &name, args).or_throw()
}

/// The canonical form of a response body for `eventType`; throws `schema_error`.
#[napi]
pub fn normalize_response(event_type: String, body: Value) -> Result<Value> {
    responses::normalize_response_value(&event_type, body).or_throw()
}
