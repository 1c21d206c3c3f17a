//! The 27 operations of the contract: typed parameters and results, path and method.
//!
//! Bindings reach every operation by name through [`super::Avara::call`], which runs the
//! same validation, encoding and decoding as the typed methods.

use serde_json::Value;

use super::encoding::{Method, Operation, RequestSpec, decode, encode, params_from_value};
use super::error::{ApiError, ApiErrorCode};
use crate::models::*;

macro_rules! operations {
    ($($constant:ident = $name:literal, $method:ident $path:literal, body: $body:literal, $params:ty => $result:ty;)*) => {
        $(pub const $constant: Operation = Operation { name: $name, method: Method::$method, path: $path, sends_body: $body };)*

        /// Every operation, in the contract's order.
        pub const ALL: &[Operation] = &[$($constant,)*];

        /// Validates wire-form parameters for the operation `name` and builds its request.
        pub fn encode_named(name: &str, params: Value) -> Result<RequestSpec, ApiError> {
            match name {
                $($name => encode(&$constant, &params_from_value::<$params>(params)?),)*
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

fn unknown(name: &str) -> ApiError {
    let known: Vec<&str> = ALL.iter().map(|operation| operation.name).collect();
    ApiError::new(ApiErrorCode::InvalidParams, format!("unknown operation {name:?}; known: {}", known.join(", ")))
}

fn canonical<T: serde::Serialize>(result: &T) -> Result<Value, ApiError> {
    serde_json::to_value(result).map_err(|error| ApiError::new(ApiErrorCode::InvalidResponse, error.to_string()))
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

/// What a response of the operation `name` means: its canonical result for a 2xx
/// status, or the error of its status class (with the parsed error body).
pub fn interpret_named(name: &str, status: u16, body: &[u8]) -> Result<Value, ApiError> {
    if (200..300).contains(&status) {
        return decode_named(name, body);
    }
    Err(ApiError::from_status(status, body, None, 1))
}
