//! The one error type of the API client, with a stable `code` per class of failure.

use std::fmt;

use serde_json::Value;

use crate::models::ParamError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApiErrorCode {
    BadRequest,
    Authentication,
    PermissionDenied,
    NotFound,
    Conflict,
    UnprocessableEntity,
    RateLimited,
    InternalServer,
    ApiStatus,
    Connection,
    Timeout,
    InvalidParams,
    InvalidResponse,
    Configuration,
}

impl ApiErrorCode {
    /// Every code, in declaration order: the list codegen gives each language.
    pub const ALL: [ApiErrorCode; 14] = [
        ApiErrorCode::BadRequest,
        ApiErrorCode::Authentication,
        ApiErrorCode::PermissionDenied,
        ApiErrorCode::NotFound,
        ApiErrorCode::Conflict,
        ApiErrorCode::UnprocessableEntity,
        ApiErrorCode::RateLimited,
        ApiErrorCode::InternalServer,
        ApiErrorCode::ApiStatus,
        ApiErrorCode::Connection,
        ApiErrorCode::Timeout,
        ApiErrorCode::InvalidParams,
        ApiErrorCode::InvalidResponse,
        ApiErrorCode::Configuration,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ApiErrorCode::BadRequest => "bad_request",
            ApiErrorCode::Authentication => "authentication",
            ApiErrorCode::PermissionDenied => "permission_denied",
            ApiErrorCode::NotFound => "not_found",
            ApiErrorCode::Conflict => "conflict",
            ApiErrorCode::UnprocessableEntity => "unprocessable_entity",
            ApiErrorCode::RateLimited => "rate_limited",
            ApiErrorCode::InternalServer => "internal_server",
            ApiErrorCode::ApiStatus => "api_status",
            ApiErrorCode::Connection => "connection",
            ApiErrorCode::Timeout => "timeout",
            ApiErrorCode::InvalidParams => "invalid_params",
            ApiErrorCode::InvalidResponse => "invalid_response",
            ApiErrorCode::Configuration => "configuration",
        }
    }

    /// The class of an HTTP error status.
    pub fn for_status(status: u16) -> ApiErrorCode {
        match status {
            400 => ApiErrorCode::BadRequest,
            401 => ApiErrorCode::Authentication,
            403 => ApiErrorCode::PermissionDenied,
            404 => ApiErrorCode::NotFound,
            409 => ApiErrorCode::Conflict,
            422 => ApiErrorCode::UnprocessableEntity,
            429 => ApiErrorCode::RateLimited,
            500.. => ApiErrorCode::InternalServer,
            _ => ApiErrorCode::ApiStatus,
        }
    }

    fn advice(self) -> &'static str {
        match self {
            ApiErrorCode::BadRequest | ApiErrorCode::UnprocessableEntity => {
                "fix the request as the message says"
            }
            ApiErrorCode::Authentication => {
                "check AVARA_API_KEY: the key is missing, mistyped or revoked"
            }
            ApiErrorCode::PermissionDenied => {
                "the API key's study scope, user access or Express access does not allow this; change it in the dashboard's API Config"
            }
            ApiErrorCode::NotFound => "check the ID, and that the API key's study scope can see it",
            ApiErrorCode::Conflict => "the resource changed meanwhile; fetch it again and retry",
            ApiErrorCode::RateLimited => {
                "too many requests; the client already waited and retried, slow down"
            }
            ApiErrorCode::InternalServer => {
                "the server failed; the client already retried, try again later"
            }
            ApiErrorCode::ApiStatus => "unexpected status",
            ApiErrorCode::Connection => {
                "the server could not be reached; check AVARA_BASE_URL and the network"
            }
            ApiErrorCode::Timeout => {
                "the server did not answer in time; raise the timeout or retry later"
            }
            ApiErrorCode::InvalidParams => "nothing was sent",
            ApiErrorCode::InvalidResponse => {
                "the server's answer does not match the contract; report it with the request id"
            }
            ApiErrorCode::Configuration => "fix the client configuration",
        }
    }
}

impl fmt::Display for ApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An API call failed: before sending (invalid parameters, configuration), on the way
/// (connection, timeout), or with an error status or an answer that breaks the contract.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub code: ApiErrorCode,
    pub message: String,
    /// The parameter at fault, for `invalid_params` (and server errors that name one).
    pub field: Option<String>,
    pub status: Option<u16>,
    /// The parsed error body (or its text), as the server sent it. Boxed because it is the
    /// one large part, and the error travels in every `Result` of the client.
    pub body: Option<Box<Value>>,
    /// The `x-request-id` of the last attempt, to quote to support.
    pub request_id: Option<String>,
    /// How many times the request was sent (0 when it never was).
    pub attempts: u32,
}

impl ApiError {
    pub fn new(code: ApiErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
            status: None,
            body: None,
            request_id: None,
            attempts: 0,
        }
    }

    pub fn code(&self) -> &'static str {
        self.code.as_str()
    }

    /// The error for an HTTP error status; `body` is kept parsed as JSON, or as text.
    pub(crate) fn from_status(
        status: u16,
        body: &[u8],
        request_id: Option<String>,
        attempts: u32,
    ) -> Self {
        let body = serde_json::from_slice(body).ok().or_else(|| {
            (!body.is_empty()).then(|| Value::String(String::from_utf8_lossy(body).into_owned()))
        });
        let code = ApiErrorCode::for_status(status);
        let server = body.as_ref().and_then(|body| {
            body.pointer("/error/message")
                .or_else(|| body.get("message"))
        });
        let detail = match server {
            Some(Value::String(message)) => format!(": {message}"),
            _ => String::new(),
        };
        let field = body
            .as_ref()
            .and_then(|body| body.pointer("/error/field"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let mut error = ApiError::new(code, format!("HTTP {status}{detail} ({})", code.advice()));
        error.status = Some(status);
        error.body = body.map(Box::new);
        error.request_id = request_id;
        error.attempts = attempts;
        error.field = field;
        error
    }
}

impl From<ParamError> for ApiError {
    fn from(error: ParamError) -> Self {
        let mut api = ApiError::new(
            ApiErrorCode::InvalidParams,
            format!(
                "{}: {} ({})",
                error.field,
                error.message,
                ApiErrorCode::InvalidParams.advice()
            ),
        );
        api.field = Some(error.field);
        api
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)?;
        if let Some(request_id) = &self.request_id {
            write!(f, " [request {request_id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::ApiErrorCode;

    /// In declaration order without a gap, so a code declared between others cannot be
    /// left out of `ALL`.
    #[test]
    fn all_lists_the_codes_in_declaration_order() {
        for (index, code) in ApiErrorCode::ALL.into_iter().enumerate() {
            assert_eq!(code as usize, index, "{code}");
        }
    }
}
