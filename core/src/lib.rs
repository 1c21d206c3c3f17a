//! The Avara SDK core: everything the Node, Python and JVM packages do happens here.
//!
//! - [`webhooks`]: signature verification, typed events and the responses a receiver sends.
//! - [`models`]: identifiers and DICOM UIDs with their validation rules.

pub mod models;
pub mod webhooks;
