//! Ephemeral sessions: a 30-second landing URL for a Viewer session without a study.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::enums::ViewerLayout;
use super::validate::{self as check, ParamError, Validate};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct EphemeralSessionCreateParams {
    /// Your own handle for the session; sent back in `ephemeral.access_requested`.
    pub retrieval_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hanging_protocol: Option<HangingProtocol>,
    /// Echoed untouched in `ephemeral.access_requested`; at most 3072 bytes as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Map<String, Value>>,
}

/// Single-monitor layout applied when the session opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct HangingProtocol {
    pub layout: ViewerLayout,
    /// One entry per viewport; `None` leaves that viewport empty.
    pub viewport_assignments: Vec<Option<String>>,
}

impl Validate for EphemeralSessionCreateParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::required_text("retrievalId", &self.retrieval_id)?;
        if let Some(protocol) = &self.hanging_protocol {
            check::known("hangingProtocol.layout", &protocol.layout)?;
        }
        check::options("options", self.options.as_ref())
    }
}
