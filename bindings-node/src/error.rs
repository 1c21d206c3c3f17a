//! How failures reach JavaScript: every thrown error carries a stable `code`.
//!
//! Webhook failures carry the core's code (`signature_mismatch`, ...), which
//! `lib/errors.js` turns into a `WebhookVerificationError`. Other arguments fail with
//! Node's own codes for argument errors (ARCHITECTURE.md, "Wrong-typed or unusable
//! input"): napi's conversion failures keep napi's status (`InvalidArg`), which becomes a
//! `TypeError` with `ERR_INVALID_ARG_TYPE`; a number out of range is `ERR_OUT_OF_RANGE`
//! (a `RangeError`), other unusable values `ERR_INVALID_ARG_VALUE` (a `TypeError`).

use avara::webhooks::{ErrorCode, WebhookError};
use napi::Status;
use napi_derive::napi;

/// The `code` property of an error thrown to JavaScript.
#[derive(Debug, Clone, Copy)]
pub enum Code {
    Core(ErrorCode),
    Napi(Status),
    OutOfRange,
    InvalidValue,
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        match self {
            Code::Core(code) => code.as_str(),
            Code::Napi(status) => status.as_ref(),
            Code::OutOfRange => "ERR_OUT_OF_RANGE",
            Code::InvalidValue => "ERR_INVALID_ARG_VALUE",
        }
    }
}

/// The result type of every export; napi-derive recognises it by the name `Result`.
pub type Result<T> = napi::Result<T, Code>;

pub fn webhook_error(error: WebhookError) -> napi::Error<Code> {
    napi::Error::new(Code::Core(error.code()), error.message())
}

pub fn invalid_argument(message: impl Into<String>) -> napi::Error<Code> {
    napi::Error::new(Code::Napi(Status::InvalidArg), message.into())
}

pub fn out_of_range(message: impl Into<String>) -> napi::Error<Code> {
    napi::Error::new(Code::OutOfRange, message.into())
}

pub fn invalid_value(message: impl Into<String>) -> napi::Error<Code> {
    napi::Error::new(Code::InvalidValue, message.into())
}

/// Lets `?` work on both the core's and napi's results inside an export.
pub trait OrThrow<T> {
    fn or_throw(self) -> Result<T>;
}

impl<T> OrThrow<T> for std::result::Result<T, WebhookError> {
    fn or_throw(self) -> Result<T> {
        self.map_err(webhook_error)
    }
}

impl<T> OrThrow<T> for napi::Result<T> {
    fn or_throw(self) -> Result<T> {
        self.map_err(|error| napi::Error::new(Code::Napi(error.status), error.reason))
    }
}

/// The core's error codes, so `index.js` can tell webhook failures from argument errors.
#[napi]
pub fn error_codes() -> Vec<&'static str> {
    ErrorCode::ALL.iter().map(|code| code.as_str()).collect()
}
