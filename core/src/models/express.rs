//! Express customers, for integrators who serve the Viewer to their own customers.

use serde::{Deserialize, Serialize};

use super::nullable::{Patch, explicit_null};
use super::page_size::page_size;
use super::validate::{self as check, Metadata, ParamError, Validate};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExpressCustomer {
    pub express_customer_id: String,
    pub express_customer_name: String,
    pub is_active: bool,
    pub user_count: u64,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_api_key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExpressCreateParams {
    pub express_customer_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
}

impl Validate for ExpressCreateParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::required_text("expressCustomerName", &self.express_customer_name)?;
        check::metadata("metadata", self.metadata.as_ref())
    }
}

/// Names one Express customer in the path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExpressCustomerIdParams {
    pub express_customer_id: String,
}

impl Validate for ExpressCustomerIdParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::express_customer_id("expressCustomerId", &self.express_customer_id)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExpressUpdateParams {
    /// The customer to change (sent in the path).
    pub express_customer_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub express_customer_name: Option<String>,
    /// `null` (`Some(None)` in Rust) clears the metadata; absent leaves it as it is.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "explicit_null"
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-clearable" = true)))]
    pub metadata: Patch<Metadata>,
}

impl Validate for ExpressUpdateParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::express_customer_id("expressCustomerId", &self.express_customer_id)?;
        if let Some(name) = &self.express_customer_name {
            check::required_text("expressCustomerName", name)?;
        }
        check::metadata("metadata", self.metadata.as_ref().and_then(Option::as_ref))
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExpressListParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "page_size"
    )]
    pub limit: Option<u32>,
}

impl Validate for ExpressListParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::limit("limit", self.limit)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExpressCustomerListPage {
    pub express_customers: Vec<ExpressCustomer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    pub has_more: bool,
}

/// Adds a user to, or removes one from, an Express customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExpressUserParams {
    /// Sent in the path.
    pub express_customer_id: String,
    pub user_id: String,
}

impl Validate for ExpressUserParams {
    fn validate(&self) -> Result<(), ParamError> {
        check::express_customer_id("expressCustomerId", &self.express_customer_id)?;
        check::user_id("userId", &self.user_id)
    }
}
