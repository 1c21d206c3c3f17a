//! The 27 operations. Each handler reads its parameters with the client's own types
//! and checks, then works on the store under the state lock.

mod express;
mod invitations;
mod people;
mod sessions;
mod studies;
mod users;

use avara::client::operations::{self as op};
use avara::client::{Operation, params_from_value};
use avara::models::Validate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::errors::ApiFailure;
use crate::ids::Ids;
use crate::keys::{ApiKey, authorize};
use crate::store::State;

/// What a handler may use besides its parameters.
pub(crate) struct Ctx<'a> {
    pub state: &'a mut State,
    pub keys: &'a [ApiKey],
    /// Index of the calling key in `keys`.
    pub key: usize,
    pub ids: &'a Ids,
    pub now_ms: u64,
    pub clinic_id: &'a str,
    /// `http://127.0.0.1:<port>`, for landing-page links.
    pub base_url: &'a str,
    pub reroute_ttl_ms: u64,
    pub ephemeral_ttl_ms: u64,
}

impl Ctx<'_> {
    pub(crate) fn caller(&self) -> &ApiKey {
        &self.keys[self.key]
    }
}

type Handler = fn(&mut Ctx<'_>, Value) -> Result<String, ApiFailure>;

const HANDLERS: [(Operation, Handler); 27] = [
    (op::EPHEMERAL_SESSIONS_CREATE, sessions::create_ephemeral),
    (op::STUDIES_CREATE, studies::create),
    (op::STUDIES_RETRIEVE, studies::retrieve),
    (op::STUDIES_UPDATE, studies::update),
    (op::STUDIES_LIST, studies::list),
    (op::STUDIES_CANCEL, studies::cancel),
    (op::STUDIES_REROUTE_URL, studies::reroute_url),
    (op::STUDIES_RETRIEVE_BY_UID, studies::retrieve_by_uid),
    (op::STUDIES_UNCANCEL, studies::uncancel),
    (op::USERS_RETRIEVE, users::retrieve),
    (op::USERS_UPDATE, users::update),
    (op::USERS_LIST, users::list),
    (op::USERS_INVITE, users::invite),
    (op::USERS_REACTIVATE, users::reactivate),
    (op::USERS_REVOKE_ACCESS, users::revoke_access),
    (op::INVITATIONS_RETRIEVE, invitations::retrieve),
    (op::INVITATIONS_UPDATE, invitations::update),
    (op::INVITATIONS_LIST, invitations::list),
    (op::INVITATIONS_REVOKE, invitations::revoke),
    (op::EXPRESS_CREATE, express::create),
    (op::EXPRESS_RETRIEVE, express::retrieve),
    (op::EXPRESS_UPDATE, express::update),
    (op::EXPRESS_LIST, express::list),
    (op::EXPRESS_DEACTIVATE, express::deactivate),
    (op::EXPRESS_REACTIVATE, express::reactivate),
    (op::EXPRESS_USERS_ADD, express::add_user),
    (op::EXPRESS_USERS_REMOVE, express::remove_user),
];

/// Runs `operation` for the calling key with wire-form parameters (body or query,
/// with the path parameters merged in).
pub(crate) fn run(
    ctx: &mut Ctx<'_>,
    operation: &Operation,
    input: Value,
) -> Result<String, ApiFailure> {
    authorize(ctx.caller(), operation)?;
    let (_, handler) = HANDLERS
        .iter()
        .find(|(known, _)| known == operation)
        .ok_or_else(|| ApiFailure::not_found(format!("{} is not served", operation.name)))?;
    handler(ctx, input)
}

/// The client's deserialization and validation, answered as `invalid_params` naming
/// the field.
pub(crate) fn parse<P: DeserializeOwned + Validate>(input: Value) -> Result<P, ApiFailure> {
    let params: P = match serde_json::from_value(input.clone()) {
        Ok(params) => params,
        Err(error) => {
            // The core names the field (nested paths included); serde's own words
            // describe the problem without the client-side advice.
            let field = params_from_value::<P>(input)
                .err()
                .and_then(|failure| failure.field)
                .unwrap_or_default();
            return Err(ApiFailure::invalid_params(field, error.to_string()));
        }
    };
    params.validate()?;
    Ok(params)
}

/// The result as JSON text, keys in the contract's field order.
pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    // The result types are plain data with string keys; serializing them cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_has_a_handler() {
        for operation in op::ALL {
            assert!(
                HANDLERS.iter().any(|(known, _)| known == operation),
                "{}",
                operation.name
            );
        }
    }

    #[test]
    fn parse_names_the_field_and_the_problem() {
        let missing = parse::<avara::models::StudyCreateParams>(
            serde_json::json!({"severity": "normal", "studyDescription": "CT"}),
        )
        .unwrap_err();
        assert_eq!(
            (missing.status, missing.field.as_deref()),
            (400, Some("studyInstanceUid"))
        );
        assert!(
            missing.message.contains("missing field"),
            "{}",
            missing.message
        );
        let invalid = parse::<avara::models::StudyCreateParams>(
            serde_json::json!({"severity": "normal", "studyDescription": "CT", "studyInstanceUid": "1.02"}),
        )
        .unwrap_err();
        assert_eq!(invalid.field.as_deref(), Some("studyInstanceUid"));
        let nested = parse::<avara::models::StudyCreateParams>(
            serde_json::json!({"severity": "normal", "studyDescription": "CT", "studyInstanceUid": "1.2", "metadata": {"a": 5}}),
        )
        .unwrap_err();
        assert_eq!(nested.field.as_deref(), Some("metadata.a"));
    }
}
