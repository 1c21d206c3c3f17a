//! The API's error answers: `{"error": {"code", "message", "field"?}}` with the status
//! that the official SDKs map to the same error class.

use avara::models::ParamError;
use serde_json::{Value, json};

use crate::http::Response;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ApiFailure {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
    pub field: Option<String>,
}

impl ApiFailure {
    fn new(status: u16, code: &'static str, message: impl Into<String>) -> ApiFailure {
        ApiFailure {
            status,
            code,
            message: message.into(),
            field: None,
        }
    }

    pub(crate) fn on(mut self, field: impl Into<String>) -> ApiFailure {
        self.field = Some(field.into());
        self
    }

    pub(crate) fn invalid_params(
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> ApiFailure {
        ApiFailure::new(400, "invalid_params", message).on(field)
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(400, "bad_request", message)
    }

    pub(crate) fn authentication(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(401, "authentication", message)
    }

    pub(crate) fn permission_denied(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(403, "permission_denied", message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(404, "not_found", message)
    }

    pub(crate) fn method_not_allowed(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(405, "method_not_allowed", message)
    }

    /// The request is valid but clashes with what exists (a duplicate UID or email, an
    /// invitation no longer pending). Answered with `x-should-retry: false`: the SDKs
    /// retry 409 by default, and repeating cannot help.
    pub(crate) fn conflict(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(409, "conflict", message)
    }

    /// The request names something in its body that cannot be used (an unknown user,
    /// a deactivated Express customer) or contradicts itself.
    pub(crate) fn unprocessable(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(422, "unprocessable_entity", message)
    }

    pub(crate) fn idempotency_mismatch() -> ApiFailure {
        ApiFailure::new(
            422,
            "idempotency_mismatch",
            "this Idempotency-Key was first used with a different method, path or body; use a new key for a new request",
        )
        .on("Idempotency-Key")
    }

    pub(crate) fn body(&self) -> Value {
        let mut error = json!({ "code": self.code, "message": self.message });
        if let Some(field) = &self.field {
            error["field"] = Value::from(field.as_str());
        }
        json!({ "error": error })
    }

    pub(crate) fn into_response(self) -> Response {
        let response = Response::json(self.status, &self.body());
        if self.status == 409 {
            response.header("x-should-retry", "false")
        } else {
            response
        }
    }
}

impl From<ParamError> for ApiFailure {
    fn from(error: ParamError) -> ApiFailure {
        ApiFailure::invalid_params(error.field, error.message)
    }
}
