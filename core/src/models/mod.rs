//! Values shared by the API client and the webhook events.

mod dicom;
mod ids;
#[cfg(feature = "schema")]
mod schema;

pub use dicom::{DicomUid, validate_dicom_uid};
pub use ids::{
    ExpressCustomerId, IdError, InvitationId, ReportId, StudyId, Uuid, UserId, WebhookEventId,
};
