//! Viewer users and their invitations.

use serde::{Deserialize, Serialize};

use super::enums::{
    AssignableUserLevel, ClinicRole, InvitationExpiredFilter, InvitationStatus, InvitedSource,
    UserLevel,
};
use super::nullable::{Patch, explicit_null};
use super::page_size::page_size;
use super::validate::{self as check, ParamError, Validate};

/// A member of the clinic in the Viewer (also the result of an invitation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ViewerUser {
    pub user_id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub level: UserLevel,
    pub clinic_role: ClinicRole,
    pub can_manage_studies: bool,
    pub has_dashboard_access: bool,
    pub invited_source: InvitedSource,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub last_login_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix2: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserInviteParams {
    pub can_manage_studies: bool,
    pub clinic_role: ClinicRole,
    pub email: String,
    pub first_name: String,
    pub has_dashboard_access: bool,
    pub last_name: String,
    pub level: AssignableUserLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix2: Option<String>,
}

impl Validate for UserInviteParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::known("clinicRole", &self.clinic_role)?;
        check::email("email", &self.email)?;
        check::required_text("firstName", &self.first_name)?;
        check::required_text("lastName", &self.last_name)?;
        check::known("level", &self.level)?;
        check::phone_number("phoneNumber", self.phone_number.as_ref())
    }
}

/// Fields a user or invitation update may change; `null` (`Some(None)` in Rust) clears the
/// clearable ones, and an absent field is left as it is.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PersonUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_manage_studies: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "explicit_null"
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-clearable" = true)))]
    pub clinic_role: Patch<ClinicRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_dashboard_access: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<AssignableUserLevel>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "explicit_null"
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-clearable" = true)))]
    pub middle_name: Patch<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "explicit_null"
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-clearable" = true)))]
    pub phone_number: Patch<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "explicit_null"
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-clearable" = true)))]
    pub suffix1: Patch<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "explicit_null"
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-clearable" = true)))]
    pub suffix2: Patch<String>,
}

impl Validate for PersonUpdate {
    fn validate(&self) -> Result<(), ParamError> {
        check::optional_known(
            "clinicRole",
            self.clinic_role.as_ref().and_then(Option::as_ref),
        )?;
        check::optional_known("level", self.level.as_ref())?;
        for (field, value) in [
            ("firstName", &self.first_name),
            ("lastName", &self.last_name),
        ] {
            if let Some(value) = value {
                check::required_text(field, value)?;
            }
        }
        check::phone_number(
            "phoneNumber",
            self.phone_number.as_ref().and_then(Option::as_ref),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserUpdateParams {
    /// The user to change (sent in the path).
    pub user_id: String,
    #[serde(flatten)]
    pub changes: PersonUpdate,
}

impl Validate for UserUpdateParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::user_id("userId", &self.user_id)?;
        self.changes.validate()
    }
}

/// Names one user: in the path (retrieve) or the body (reactivate, revoke access).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserIdParams {
    pub user_id: String,
}

impl Validate for UserIdParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::user_id("userId", &self.user_id)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserListParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited_source: Option<InvitedSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<UserLevel>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "page_size"
    )]
    pub limit: Option<u32>,
}

impl Validate for UserListParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::optional_known("invitedSource", self.invited_source.as_ref())?;
        check::optional_known("level", self.level.as_ref())?;
        check::limit("limit", self.limit)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UserListPage {
    pub users: Vec<ViewerUser>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    pub has_more: bool,
}

/// An invitation to join the clinic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ViewerInvitation {
    pub invitation_id: String,
    pub user_id: String,
    pub clinic_id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub level: UserLevel,
    pub clinic_role: ClinicRole,
    pub can_manage_studies: bool,
    pub has_dashboard_access: bool,
    pub invited_source: InvitedSource,
    pub status: InvitationStatus,
    /// The inviting user; null for invitations sent through the API.
    #[serde(default)]
    pub inviter_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited_by_api_key_id: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default)]
    pub expiry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix2: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InvitationIdParams {
    pub invitation_id: String,
}

impl Validate for InvitationIdParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::invitation_id("invitationId", &self.invitation_id)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InvitationUpdateParams {
    /// The invitation to change (sent in the path).
    pub invitation_id: String,
    #[serde(flatten)]
    pub changes: PersonUpdate,
}

impl Validate for InvitationUpdateParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::invitation_id("invitationId", &self.invitation_id)?;
        self.changes.validate()
    }
}

/// Says which invitation to revoke: by invitation ID, by user ID (their pending
/// invitation), or both (then they must belong together).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InvitationRevokeParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

impl Validate for InvitationRevokeParams {
    fn validate(&self) -> Result<(), ParamError> {
        if self.invitation_id.is_none() && self.user_id.is_none() {
            return Err(ParamError::new(
                "invitationId",
                "give invitationId or userId (or both) to say which invitation",
            ));
        }
        check::optional_id(
            "invitationId",
            self.invitation_id.as_ref(),
            "inv_",
            "an invitation ID",
        )?;
        check::optional_id("userId", self.user_id.as_ref(), "usr_", "a user ID")
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InvitationListParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Only the invitations created on or before this day (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
    pub end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired: Option<InvitationExpiredFilter>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "page_size"
    )]
    pub limit: Option<u32>,
    /// Only the invitations created on or after this day (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<InvitationStatus>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

impl Validate for InvitationListParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::date("endDate", self.end_date.as_ref())?;
        check::optional_known("expired", self.expired.as_ref())?;
        check::limit("limit", self.limit)?;
        check::date("startDate", self.start_date.as_ref())?;
        for status in self.status.iter().flatten() {
            check::known("status", status)?;
        }
        check::optional_id("userId", self.user_id.as_ref(), "usr_", "a user ID")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InvitationListPage {
    pub invitations: Vec<ViewerInvitation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    pub has_more: bool,
}
