//! Identifiers, DICOM UIDs, and the parameters and results of every API operation.

mod dicom;
mod enums;
mod ephemeral;
mod express;
mod ids;
mod nullable;
mod page_size;
#[cfg(feature = "schema")]
mod schema;
mod studies;
mod users;
pub mod validate;

pub use dicom::{DicomUid, validate_dicom_uid};
pub use enums::*;
pub use ephemeral::*;
pub use express::*;
pub use ids::{
    ExpressCustomerId, IdError, InvitationId, ReportId, StudyId, UserId, Uuid, WebhookEventId,
};
pub use nullable::Patch;
pub use studies::*;
pub use users::*;
pub use validate::{Metadata, ParamError, Validate};
