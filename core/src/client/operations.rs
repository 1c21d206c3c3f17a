//! The 27 operations of the contract: typed parameters and results, path and method.
//!
//! Bindings reach every operation by name through [`super::Avara::call`], which runs the
//! same validation, encoding and decoding as the typed methods.

use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::Value;

use super::encoding::{Method, Operation, RequestSpec, decode, encode, params_from_value};
use super::error::{ApiError, ApiErrorCode};
use super::pages::{Paging, next_cursor};
use crate::models::*;

macro_rules! operations {
    ($($constant:ident = $name:literal, $method:ident $path:literal, body: $body:literal, $params:ty => $result:ty;)*) => {
        $(pub const $constant: Operation = Operation { name: $name, method: Method::$method, path: $path, sends_body: $body };)*

        /// Every operation, in the contract's order.
        pub const ALL: &[Operation] = &[$($constant,)*];

        /// Validates wire-form parameters for the operation `name` and builds its request.
        pub fn encode_named(name: &str, mut params: Value) -> Result<RequestSpec, ApiError> {
            apply_aliases(name, &mut params);
            match name {
                $($name => encode(&$constant, &params_from_value::<$params>(params)?),)*
                _ => Err(unknown(name)),
            }
        }

        /// The operation table with the JSON Schemas of every parameter and result type,
        /// from which `codegen` writes each language's resources and models.
        #[cfg(feature = "schema")]
        pub fn catalog() -> Value {
            let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
            let operations = vec![$(serde_json::json!({
                "name": $name,
                "method": Method::$method.as_str(),
                "path": $path,
                "sendsBody": $body,
                "params": generator.subschema_for::<$params>(),
                "result": generator.subschema_for::<$result>(),
                "aliases": aliases_of($name).map(|(alias, field)| serde_json::json!({"alias": alias, "field": field})).collect::<Vec<_>>(),
            }),)*];
            serde_json::json!({ "operations": operations, "$defs": generator.take_definitions(true) })
        }

        /// Reads a success body of the operation `name` into its canonical JSON text, and
        /// for a page of a list that has more, the parameters of the next page (`params`
        /// with the next cursor). Cheaper than [`decode_named`] for callers that want text.
        pub fn decode_named_text(name: &str, params: &Value, body: &[u8]) -> Result<TextAnswer, ApiError> {
            match name {
                $($name => text_answer(&decode::<$result>(body)?, params),)*
                _ => Err(unknown(name)),
            }
        }

        /// Reads a success body of the operation `name` and returns it in canonical form.
        pub fn decode_named(name: &str, body: &[u8]) -> Result<Value, ApiError> {
            match name {
                $($name => canonical(&decode::<$result>(body)?),)*
                _ => Err(unknown(name)),
            }
        }
    };
}

/// Names the official samples use for a field under another name: `(operation, alias,
/// field)`. The guide's JavaScript sample sends `studyUid`; it is accepted as
/// `studyInstanceUid` with a warning on standard error, once per process.
pub const ALIASES: &[(&str, &str, &str)] =
    &[("viewer.studies.create", "studyUid", "studyInstanceUid")];

static ALIAS_WARNED: [AtomicBool; ALIASES.len()] =
    [const { AtomicBool::new(false) }; ALIASES.len()];

#[cfg(feature = "schema")]
fn aliases_of(operation: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    ALIASES
        .iter()
        .filter(move |(name, _, _)| *name == operation)
        .map(|(_, alias, field)| (*alias, *field))
}

/// Renames an alias to its field unless the field itself is given too (then the alias is
/// left for the usual unknown-field handling).
fn apply_aliases(operation: &str, params: &mut Value) {
    let Value::Object(fields) = params else {
        return;
    };
    for (index, (name, alias, field)) in ALIASES.iter().enumerate() {
        if *name != operation || fields.contains_key(*field) {
            continue;
        }
        let Some(value) = fields.remove(*alias) else {
            continue;
        };
        fields.insert((*field).to_owned(), value);
        if !ALIAS_WARNED[index].swap(true, Ordering::Relaxed) {
            eprintln!(
                "avara: warning: {operation}: `{alias}` is not a field of the API; it was sent as `{field}`. Rename it to `{field}`."
            );
        }
    }
}

fn unknown(name: &str) -> ApiError {
    let known: Vec<&str> = ALL.iter().map(|operation| operation.name).collect();
    ApiError::new(
        ApiErrorCode::InvalidParams,
        format!("unknown operation {name:?}; known: {}", known.join(", ")),
    )
}

/// A result as canonical JSON text, and the parameters of the next page when it is a page
/// of a list with more to come.
#[derive(Debug, Clone, PartialEq)]
pub struct TextAnswer {
    pub json: String,
    pub next_params: Option<Value>,
}

fn text_answer<T: serde::Serialize + Paging>(
    result: &T,
    params: &Value,
) -> Result<TextAnswer, ApiError> {
    let json = serde_json::to_string(result)
        .map_err(|error| ApiError::new(ApiErrorCode::InvalidResponse, error.to_string()))?;
    let next_params = result
        .paging()
        .and_then(|(has_more, count, cursor)| {
            next_cursor(has_more, count, cursor.map(str::to_owned))
        })
        .map(|cursor| with_cursor(params, cursor));
    Ok(TextAnswer { json, next_params })
}

/// `params` with `cursor` set: the request for the following page, every filter kept.
fn with_cursor(params: &Value, cursor: String) -> Value {
    let mut following = match params {
        Value::Object(fields) => fields.clone(),
        _ => serde_json::Map::new(),
    };
    following.insert("cursor".to_owned(), Value::String(cursor));
    Value::Object(following)
}

fn canonical<T: serde::Serialize>(result: &T) -> Result<Value, ApiError> {
    serde_json::to_value(result)
        .map_err(|error| ApiError::new(ApiErrorCode::InvalidResponse, error.to_string()))
}

operations! {
    EPHEMERAL_SESSIONS_CREATE = "viewer.ephemeral_sessions.create", Post "/v1/viewer/ephemeral-sessions", body: true, EphemeralSessionCreateParams => UrlResponse;
    STUDIES_CREATE = "viewer.studies.create", Post "/v1/viewer/studies", body: true, StudyCreateParams => ViewerStudy;
    STUDIES_RETRIEVE = "viewer.studies.retrieve", Get "/v1/viewer/studies/{studyId}", body: false, StudyRetrieveParams => ViewerStudy;
    STUDIES_UPDATE = "viewer.studies.update", Patch "/v1/viewer/studies/{studyId}", body: true, StudyUpdateParams => ViewerStudy;
    STUDIES_LIST = "viewer.studies.list", Get "/v1/viewer/studies", body: false, StudyListParams => StudyListPage;
    STUDIES_CANCEL = "viewer.studies.cancel", Post "/v1/viewer/studies/cancel", body: true, StudyLookupParams => SuccessResponse;
    STUDIES_REROUTE_URL = "viewer.studies.reroute_url", Post "/v1/viewer/studies/reroute-url", body: true, StudyLookupParams => UrlResponse;
    STUDIES_RETRIEVE_BY_UID = "viewer.studies.retrieve_by_uid", Get "/v1/viewer/studies/by-uid/{studyInstanceUid}", body: false, StudyRetrieveByUidParams => ViewerStudy;
    STUDIES_UNCANCEL = "viewer.studies.uncancel", Post "/v1/viewer/studies/uncancel", body: true, StudyLookupParams => SuccessResponse;
    USERS_RETRIEVE = "viewer.users.retrieve", Get "/v1/viewer/users/{userId}", body: false, UserIdParams => ViewerUser;
    USERS_UPDATE = "viewer.users.update", Patch "/v1/viewer/users/{userId}", body: true, UserUpdateParams => ViewerUser;
    USERS_LIST = "viewer.users.list", Get "/v1/viewer/users", body: false, UserListParams => UserListPage;
    USERS_INVITE = "viewer.users.invite", Post "/v1/viewer/users", body: true, UserInviteParams => ViewerUser;
    USERS_REACTIVATE = "viewer.users.reactivate", Post "/v1/viewer/users/reactivate", body: true, UserIdParams => SuccessResponse;
    USERS_REVOKE_ACCESS = "viewer.users.revoke_access", Post "/v1/viewer/users/revoke-access", body: true, UserIdParams => SuccessResponse;
    INVITATIONS_RETRIEVE = "viewer.users.invitations.retrieve", Get "/v1/viewer/users/invitations/{invitationId}", body: false, InvitationIdParams => ViewerInvitation;
    INVITATIONS_UPDATE = "viewer.users.invitations.update", Patch "/v1/viewer/users/invitations/{invitationId}", body: true, InvitationUpdateParams => ViewerInvitation;
    INVITATIONS_LIST = "viewer.users.invitations.list", Get "/v1/viewer/users/invitations", body: false, InvitationListParams => InvitationListPage;
    INVITATIONS_REVOKE = "viewer.users.invitations.revoke", Post "/v1/viewer/users/invitations/revoke", body: true, InvitationRevokeParams => SuccessResponse;
    EXPRESS_CREATE = "express.create", Post "/v1/express", body: true, ExpressCreateParams => ExpressCustomer;
    EXPRESS_RETRIEVE = "express.retrieve", Get "/v1/express/{expressCustomerId}", body: false, ExpressCustomerIdParams => ExpressCustomer;
    EXPRESS_UPDATE = "express.update", Patch "/v1/express/{expressCustomerId}", body: true, ExpressUpdateParams => ExpressCustomer;
    EXPRESS_LIST = "express.list", Get "/v1/express", body: false, ExpressListParams => ExpressCustomerListPage;
    EXPRESS_DEACTIVATE = "express.deactivate", Post "/v1/express/{expressCustomerId}/deactivate", body: false, ExpressCustomerIdParams => ExpressCustomer;
    EXPRESS_REACTIVATE = "express.reactivate", Post "/v1/express/{expressCustomerId}/reactivate", body: false, ExpressCustomerIdParams => ExpressCustomer;
    EXPRESS_USERS_ADD = "express.users.add", Post "/v1/express/{expressCustomerId}/users", body: true, ExpressUserParams => SuccessResponse;
    EXPRESS_USERS_REMOVE = "express.users.remove", Delete "/v1/express/{expressCustomerId}/users", body: true, ExpressUserParams => SuccessResponse;
}

/// The parameters of the page after `page`, a result of the list operation that was
/// called with `params`: the same filters with the next cursor. `None` when `page` is the
/// last one (see [`super::next_cursor`]) or is not a page of a list.
pub fn next_page_params(params: &Value, page: &Value) -> Option<Value> {
    let has_more = page.get("hasMore")?.as_bool()?;
    let cursor = page
        .get("cursor")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let items = page.as_object()?.values().find_map(Value::as_array)?;
    Some(with_cursor(
        params,
        next_cursor(has_more, items.len(), cursor)?,
    ))
}

/// What a response of the operation `name` means: its canonical result for a 2xx
/// status, or the error of its status class (with the parsed error body).
pub fn interpret_named(name: &str, status: u16, body: &[u8]) -> Result<Value, ApiError> {
    if (200..300).contains(&status) {
        return decode_named(name, body);
    }
    Err(ApiError::from_status(status, body, None, 1))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{decode_named, decode_named_text, encode_named, next_page_params};

    #[test]
    fn the_next_page_keeps_the_filters_and_takes_the_cursor() {
        let params = json!({"severity": "stat", "limit": 2});
        let page = json!({"studies": [{}, {}], "cursor": "c2", "hasMore": true});
        assert_eq!(
            next_page_params(&params, &page),
            Some(json!({"severity": "stat", "limit": 2, "cursor": "c2"}))
        );
        let last = json!({"studies": [{}], "cursor": "c3", "hasMore": false});
        assert_eq!(next_page_params(&params, &last), None);
        assert_eq!(
            next_page_params(&params, &json!({"url": "https://x"})),
            None
        );
    }

    #[test]
    fn text_answers_carry_the_next_page_of_a_list_only() {
        let params = json!({"limit": 1});
        let page = br#"{"users": [{"userId": "usr_1", "email": "a@b.co", "firstName": "A", "lastName": "B",
            "level": "member", "clinicRole": "Scribe", "canManageStudies": false, "hasDashboardAccess": false,
            "invitedSource": "api", "extra": 1}], "cursor": "c2", "hasMore": true}"#;
        let answer = decode_named_text("viewer.users.list", &params, page).unwrap();
        assert_eq!(
            answer.next_params,
            Some(json!({"limit": 1, "cursor": "c2"}))
        );
        let canonical = decode_named("viewer.users.list", page).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&answer.json).unwrap(),
            canonical
        );
        let url = decode_named_text(
            "viewer.studies.reroute_url",
            &json!({}),
            br#"{"url": "https://x"}"#,
        )
        .unwrap();
        assert_eq!(
            (url.json.as_str(), url.next_params),
            (r#"{"url":"https://x"}"#, None)
        );
    }

    #[test]
    fn the_guides_study_uid_is_sent_as_study_instance_uid() {
        let params = json!({"studyUid": "1.2.3", "studyDescription": "CT", "severity": "normal"});
        let spec = encode_named("viewer.studies.create", params).unwrap();
        assert_eq!(
            spec.body,
            Some(
                json!({"severity": "normal", "studyDescription": "CT", "studyInstanceUid": "1.2.3"})
            )
        );
    }
}
