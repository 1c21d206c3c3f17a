//! Viewer studies: parameters and results.

use serde::{Deserialize, Serialize};

use super::enums::{Severity, StudyViewerStatus};
use super::nullable::{Patch, explicit_null};
use super::page_size::page_size;
use super::validate::{self as check, Metadata, ParamError, Validate};

/// A study in the Viewer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ViewerStudy {
    pub study_id: String,
    pub study_instance_uid: String,
    pub study_description: String,
    pub severity: Severity,
    pub study_viewer_status: StudyViewerStatus,
    pub is_cancelled: bool,
    #[serde(default)]
    pub cancelled_at: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<UserReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_api_key: Option<ApiKeyReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_user: Option<UserReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub express_customer: Option<ExpressCustomerReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserReference {
    pub email: String,
    pub user_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix2: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ApiKeyReference {
    pub api_key_id: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_clinical_context_enrichment_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_viewer_enabled: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExpressCustomerReference {
    pub express_customer_id: String,
    pub express_customer_name: String,
}

/// `{ success, message? }`, the answer of actions such as cancel or revoke.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SuccessResponse {
    pub success: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// A URL to open (reroute URLs, ephemeral session landing URLs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UrlResponse {
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StudyCreateParams {
    pub severity: Severity,
    pub study_description: String,
    pub study_instance_uid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub express_customer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
}

impl StudyCreateParams {
    pub fn new(
        severity: Severity,
        study_description: impl Into<String>,
        study_instance_uid: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            study_description: study_description.into(),
            study_instance_uid: study_instance_uid.into(),
            assigned_to: None,
            express_customer_id: None,
            metadata: None,
        }
    }
}

impl Validate for StudyCreateParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::known("severity", &self.severity)?;
        check::required_text("studyDescription", &self.study_description)?;
        check::dicom_uid("studyInstanceUid", &self.study_instance_uid)?;
        check::optional_id("assignedTo", self.assigned_to.as_ref(), "usr_", "a user ID")?;
        check::optional_id(
            "expressCustomerId",
            self.express_customer_id.as_ref(),
            "cus_",
            "an Express customer ID",
        )?;
        check::metadata("metadata", self.metadata.as_ref())
    }
}

/// Names one study in the path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StudyRetrieveParams {
    pub study_id: String,
}

impl Validate for StudyRetrieveParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::study_id("studyId", &self.study_id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StudyRetrieveByUidParams {
    pub study_instance_uid: String,
}

impl Validate for StudyRetrieveByUidParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::dicom_uid("studyInstanceUid", &self.study_instance_uid)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StudyUpdateParams {
    /// The study to change (sent in the path).
    pub study_id: String,
    /// The new assignee.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "explicit_null"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("x-clearable" = true, "x-null" = "`null` unassigns the study."))
    )]
    pub assigned_to: Patch<String>,
    /// `null` (`Some(None)` in Rust) clears the metadata; absent leaves it as it is.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "explicit_null"
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-clearable" = true)))]
    pub metadata: Patch<Metadata>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_viewer_status: Option<StudyViewerStatus>,
}

impl Validate for StudyUpdateParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::study_id("studyId", &self.study_id)?;
        check::optional_id(
            "assignedTo",
            self.assigned_to.as_ref().and_then(Option::as_ref),
            "usr_",
            "a user ID",
        )?;
        check::metadata("metadata", self.metadata.as_ref().and_then(Option::as_ref))?;
        check::optional_known("severity", self.severity.as_ref())?;
        check::optional_known("studyViewerStatus", self.study_viewer_status.as_ref())?;
        if let Some(description) = &self.study_description {
            check::required_text("studyDescription", description)?;
        }
        Ok(())
    }
}

/// Says which study an action is for: `studyId`, `studyInstanceUid`, or both.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StudyLookupParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_instance_uid: Option<String>,
}

impl StudyLookupParams {
    pub fn by_id(study_id: impl Into<String>) -> Self {
        Self {
            study_id: Some(study_id.into()),
            study_instance_uid: None,
        }
    }

    pub fn by_uid(study_instance_uid: impl Into<String>) -> Self {
        Self {
            study_id: None,
            study_instance_uid: Some(study_instance_uid.into()),
        }
    }
}

impl Validate for StudyLookupParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::study_lookup(self.study_id.as_ref(), self.study_instance_uid.as_ref())
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StudyListParams {
    /// Only the studies assigned to this user.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "explicit_null"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("x-clearable" = true, "x-null" = "`null` lists only the studies assigned to nobody."))
    )]
    pub assigned_to: Patch<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Only the studies of this Express customer.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "explicit_null"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("x-clearable" = true, "x-null" = "`null` lists only the studies of no Express customer."))
    )]
    pub express_customer_id: Patch<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_cancelled: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "page_size"
    )]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_viewer_status: Option<StudyViewerStatus>,
}

impl Validate for StudyListParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::optional_id(
            "assignedTo",
            self.assigned_to.as_ref().and_then(Option::as_ref),
            "usr_",
            "a user ID",
        )?;
        check::optional_id(
            "expressCustomerId",
            self.express_customer_id.as_ref().and_then(Option::as_ref),
            "cus_",
            "an Express customer ID",
        )?;
        check::limit("limit", self.limit)?;
        check::optional_known("severity", self.severity.as_ref())?;
        check::optional_known("studyViewerStatus", self.study_viewer_status.as_ref())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StudyListPage {
    pub studies: Vec<ViewerStudy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    pub has_more: bool,
}
