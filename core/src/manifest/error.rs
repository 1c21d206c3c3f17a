//! The one way building a manifest fails: a bad argument, named by its wire name.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    /// The argument at fault, as the other SDKs name it: `studyInstanceUid`.
    pub field: &'static str,
    pub message: String,
}

impl ManifestError {
    /// The same code the API client gives a bad parameter: nothing was done.
    pub const CODE: &'static str = "invalid_params";

    pub(crate) fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }

    pub fn code(&self) -> &'static str {
        Self::CODE
    }
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for ManifestError {}
