//! The DICOM manifest builder: the optional sidecar of a `study.access_requested`
//! answer, built from the study's objects.
//!
//! Give [`build_manifest`] (or a [`ManifestBuilder`]) each object's URL with its bytes:
//! the whole file or any prefix that reaches Pixel Data, such as a ranged read of its
//! first kilobytes. [`read_sop_header_from`] reads a file or stream only as far as its
//! header goes; [`ManifestBuilder::add_header`] takes headers read on other threads. Each header is read with dicom-rs's decoders up to Pixel Data, in
//! any transfer syntax a header can be written in (implicit and explicit VR little
//! endian, explicit VR big endian, deflated, or no File Meta group at all), and every
//! input is bounded in bytes and work ([`MAX_HEADER_BYTES`], [`MAX_HEADER_ELEMENTS`],
//! [`MAX_SEQUENCE_DEPTH`]). The result holds:
//!
//! - `urls`: every object of the requested study, in the sidecar's order;
//! - `manifest`: the series with the SOPs the Viewer can load progressively, held to the
//!   Viewer's own rules ([`check_manifest`](crate::webhooks::check_manifest)), so it
//!   loads with nothing skipped;
//! - `skipped`: every other input with a stable [`SkipCode`] and a reason.
//!
//! Series fields: `seriesDescription` falls back to `"Series <SeriesNumber>"`, then to the
//! modality; `seriesNumber` is a number when the integer string parses, else its text
//! (empty when absent). [`StudyAccessRequestedResponse::authorized_with_manifest`](crate::webhooks::responses::StudyAccessRequestedResponse::authorized_with_manifest)
//! turns the result into the answer.

mod builder;
mod decoder;
mod error;
mod header;
mod reader;
mod skip;
mod source;
mod values;
mod walk;

pub use builder::{BuiltManifest, ManifestBuilder, build_manifest};
pub use error::ManifestError;
pub use header::{SopHeader, read_sop_header};
pub use reader::read_sop_header_from;
pub use skip::{Skip, SkipCode, SkippedInput};
pub use walk::{MAX_HEADER_BYTES, MAX_HEADER_ELEMENTS, MAX_SEQUENCE_DEPTH};
