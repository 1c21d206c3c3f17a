//! Why an input is left out of the manifest, as a stable code and a sentence.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::walk::MAX_HEADER_BYTES;

/// Stable identifier of a skip; bindings expose [`SkipCode::as_str`] as `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SkipCode {
    /// Neither a DICOM file (`DICM` at byte 128) nor a data set starting with group 0008.
    NotDicom,
    /// The bytes end before Pixel Data (or, without Pixel Data, inside an element).
    TruncatedHeader,
    /// The bytes break DICOM's structure (an impossible item tag, a corrupt deflate stream).
    Malformed,
    /// The header runs past [`MAX_HEADER_BYTES`] before Pixel Data.
    TooLarge,
    /// The header holds more than [`MAX_HEADER_ELEMENTS`](super::MAX_HEADER_ELEMENTS) elements
    /// and items, or nests sequences deeper than [`MAX_SEQUENCE_DEPTH`](super::MAX_SEQUENCE_DEPTH).
    TooComplex,
    /// An attribute the manifest needs is absent or empty; the reason names it.
    MissingAttribute,
    /// An attribute is present but unusable, or the Viewer's manifest rules refuse its value.
    InvalidAttribute,
    /// The object belongs to another study than the requested one.
    StudyMismatch,
    /// Another input carries the same SOP Instance UID; only one of them is listed.
    DuplicateSopInstance,
    /// An enhanced multi-frame object: listed in `urls`, never in the sidecar.
    EnhancedMultiframe,
}

impl SkipCode {
    pub const ALL: [SkipCode; 10] = [
        SkipCode::NotDicom,
        SkipCode::TruncatedHeader,
        SkipCode::Malformed,
        SkipCode::TooLarge,
        SkipCode::TooComplex,
        SkipCode::MissingAttribute,
        SkipCode::InvalidAttribute,
        SkipCode::StudyMismatch,
        SkipCode::DuplicateSopInstance,
        SkipCode::EnhancedMultiframe,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SkipCode::NotDicom => "not_dicom",
            SkipCode::TruncatedHeader => "truncated_header",
            SkipCode::Malformed => "malformed",
            SkipCode::TooLarge => "too_large",
            SkipCode::TooComplex => "too_complex",
            SkipCode::MissingAttribute => "missing_attribute",
            SkipCode::InvalidAttribute => "invalid_attribute",
            SkipCode::StudyMismatch => "study_mismatch",
            SkipCode::DuplicateSopInstance => "duplicate_sop_instance",
            SkipCode::EnhancedMultiframe => "enhanced_multiframe",
        }
    }
}

impl fmt::Display for SkipCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code with the sentence that explains it for one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub code: SkipCode,
    pub reason: String,
}

impl Skip {
    pub(crate) fn new(code: SkipCode, reason: impl Into<String>) -> Self {
        Self {
            code,
            reason: reason.into(),
        }
    }

    /// The one reason text the contract's tests look for when bytes stop early.
    pub(crate) fn truncated() -> Self {
        Self::new(
            SkipCode::TruncatedHeader,
            "header extends past the given bytes",
        )
    }

    pub(crate) fn malformed(detail: impl fmt::Display) -> Self {
        Self::new(SkipCode::Malformed, format!("malformed DICOM: {detail}"))
    }

    pub(crate) fn too_large() -> Self {
        Self::new(
            SkipCode::TooLarge,
            format!(
                "the header runs past {} MiB without reaching Pixel Data",
                MAX_HEADER_BYTES >> 20
            ),
        )
    }
}

/// An input left out of the sidecar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SkippedInput {
    pub url: String,
    pub code: SkipCode,
    pub reason: String,
    /// Whether `url` is still among the built `urls`: the object belongs to the requested
    /// study (its Study Instance UID was read) and is no duplicate.
    pub listed: bool,
}
