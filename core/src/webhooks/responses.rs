//! What a receiver answers to each event, serialized to exactly the contract's JSON.
//!
//! Build one with a constructor for the common case ([`StudyAccessRequestedResponse::authorized`],
//! [`StudyAccessRequestedResponse::denied`], ...) or field by field, then call `to_json`,
//! which checks the contract's rules and names the field that breaks one.

use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::error::WebhookError;
use super::events::{schema_error, typed};
use super::json::parse_strict_json;
use super::manifest_rules;
use crate::models::ExpressCustomerId;

/// Writes whole numbers without a fraction (`512`, not `512.0`), as the other SDKs do.
fn whole_numbers_plain<S: Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(number) if number.fract() == 0.0 && number.abs() < 9_007_199_254_740_992.0 => {
            serializer.serialize_i64(*number as i64)
        }
        Some(number) => serializer.serialize_f64(*number),
        None => serializer.serialize_none(),
    }
}

/// Answer to `study.access_requested`.
///
/// `urls` is always written (empty when access is denied): the contract requires it and
/// receivers written from the integration guide tolerate it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StudyAccessRequestedResponse {
    pub authorized: bool,
    /// Presigned URLs covering every DICOM image of the study.
    #[serde(default)]
    pub urls: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest: Option<StudyManifest>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_urls: Option<Vec<MediaUrl>>,
}

impl StudyAccessRequestedResponse {
    pub fn authorized(urls: Vec<String>) -> Self {
        Self {
            authorized: true,
            urls,
            error: None,
            manifest: None,
            media_urls: None,
        }
    }

    pub fn denied(reason: impl Into<String>) -> Self {
        Self {
            authorized: false,
            urls: Vec::new(),
            error: Some(reason.into()),
            manifest: None,
            media_urls: None,
        }
    }
}

/// Optional sidecar that lets the Viewer load a study progressively.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StudyManifest {
    pub series: Vec<ManifestSeries>,
    /// Must equal the requested study's UID.
    #[serde(rename = "studyInstanceUID")]
    pub study_instance_uid: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ManifestSeries {
    pub modality: String,
    pub series_description: String,
    #[serde(rename = "seriesInstanceUID")]
    pub series_instance_uid: String,
    pub series_number: SeriesNumber,
    pub sops: Vec<ManifestSop>,
}

/// A series number, given as text (`"1"`) or as a number (`1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum SeriesNumber {
    Text(String),
    Number(i64),
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ManifestSop {
    #[serde(rename = "sopClassUID")]
    pub sop_class_uid: String,
    #[serde(rename = "sopInstanceUID")]
    pub sop_instance_uid: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub bits_allocated: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub bits_stored: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub columns: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub high_bit: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub instance_number: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_double_float_pixel_data: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_float_pixel_data: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub number_of_frames: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photometric_interpretation: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub pixel_representation: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub rescale_intercept: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub rescale_slope: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub rows: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_numbers_plain"
    )]
    pub samples_per_pixel: Option<f64>,
}

/// A presigned link to a non-DICOM attachment (PDF, image, video).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MediaUrl {
    pub mime_type: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
}

/// Answer to `ephemeral.access_requested`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct EphemeralAccessRequestedResponse {
    pub authorized: bool,
    #[serde(default)]
    pub urls: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// One sidecar per study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifests: Option<Vec<StudyManifest>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_urls: Option<Vec<MediaUrl>>,
}

impl EphemeralAccessRequestedResponse {
    pub fn authorized(urls: Vec<String>) -> Self {
        Self {
            authorized: true,
            urls,
            error: None,
            manifests: None,
            media_urls: None,
        }
    }

    pub fn denied(reason: impl Into<String>) -> Self {
        Self {
            authorized: false,
            urls: Vec::new(),
            error: Some(reason.into()),
            manifests: None,
            media_urls: None,
        }
    }
}

/// Answer to `secondary_capture.access_requested`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SecondaryCaptureAccessRequestedResponse {
    pub authorized: bool,
    /// Presigned PUT URLs; the Viewer uploads the same object to each.
    #[serde(default)]
    pub upload_urls: Vec<String>,
    /// Ignored by Avara, which fills it in itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_creator_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl SecondaryCaptureAccessRequestedResponse {
    pub fn authorized(upload_urls: Vec<String>) -> Self {
        Self {
            authorized: true,
            upload_urls,
            content_creator_name: None,
            error: None,
        }
    }

    pub fn denied(reason: impl Into<String>) -> Self {
        Self {
            authorized: false,
            upload_urls: Vec::new(),
            content_creator_name: None,
            error: Some(reason.into()),
        }
    }
}

/// Acknowledgement of `report.delivered`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportDeliveredResponse {
    pub success: bool,
}

impl ReportDeliveredResponse {
    pub fn acknowledged() -> Self {
        Self { success: true }
    }
}

/// Answer to `modality_worklist.requested`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ModalityWorklistRequestedResponse {
    pub authorized: bool,
    /// Entries for the window; empty with `authorized` means nothing is scheduled.
    #[serde(default)]
    pub items: Vec<WorklistItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl ModalityWorklistRequestedResponse {
    pub fn authorized(items: Vec<WorklistItem>) -> Self {
        Self {
            authorized: true,
            items,
            error: None,
        }
    }

    pub fn denied(reason: impl Into<String>) -> Self {
        Self {
            authorized: false,
            items: Vec::new(),
            error: Some(reason.into()),
        }
    }
}

/// One worklist entry; keys are DICOM keywords (PascalCase) on purpose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "PascalCase")]
pub struct WorklistItem {
    /// DICOM SH: at most 16 characters.
    pub accession_number: String,
    pub modality: String,
    /// DICOM DA (YYYYMMDD).
    pub patient_birth_date: String,
    #[serde(rename = "PatientID")]
    pub patient_id: String,
    /// DICOM PN, e.g. `DOE^JANE`.
    pub patient_name: String,
    /// M, F or O.
    pub patient_sex: String,
    /// Height in metres as a numeric string, or empty.
    pub patient_size: String,
    /// Weight in kilograms as a numeric string, or empty.
    pub patient_weight: String,
    pub protocol_name: String,
    pub requested_procedure_description: String,
    pub scheduled_procedure_step_sequence: Vec<ScheduledProcedureStep>,
    pub study_description: String,
    #[serde(rename = "StudyInstanceUID")]
    pub study_instance_uid: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "PascalCase")]
pub struct ScheduledProcedureStep {
    pub modality: String,
    pub scheduled_procedure_step_description: String,
    /// DICOM SH: at most 16 characters.
    #[serde(rename = "ScheduledProcedureStepID")]
    pub scheduled_procedure_step_id: String,
    /// DICOM DA (YYYYMMDD).
    pub scheduled_procedure_step_start_date: String,
    /// DICOM TM (HHMMSS).
    pub scheduled_procedure_step_start_time: String,
}

/// Answer to `patient_study.enrichment_requested`: any subset of fields, even none.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PatientStudyEnrichmentRequestedResponse {
    /// YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub express_customer_id: Option<ExpressCustomerId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_patient_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<PatientHeight>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mrn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referring_physician_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_description: Option<String>,
    /// HH:MM or HH:MM:SS[.fff].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<PatientWeight>,
}

impl PatientStudyEnrichmentRequestedResponse {
    /// Nothing to add: Avara keeps what the DICOM headers say.
    pub fn empty() -> Self {
        Self::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PatientHeight {
    pub unit: HeightUnit,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PatientWeight {
    pub unit: WeightUnit,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum HeightUnit {
    In,
    Cm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum WeightUnit {
    Lbs,
    Kg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Normal,
    High,
    Stat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Male,
    Female,
    Other,
}

/// Answer to `clinical_context.enrichment_requested`: any subset of fields, even none.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ClinicalContextEnrichmentRequestedResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical_indication: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<ClinicalDocument>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_urls: Option<Vec<ClinicalDocumentUrl>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_reports: Option<Vec<PriorReport>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technologist_notes: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technologist_technique: Option<String>,
}

impl ClinicalContextEnrichmentRequestedResponse {
    /// No context to add.
    pub fn empty() -> Self {
        Self::default()
    }
}

/// An inline text document, in chunks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ClinicalDocument {
    pub content: Vec<String>,
    pub file_name: String,
}

/// A document Avara fetches itself; the URL must be `https://`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ClinicalDocumentUrl {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
}

/// An earlier report from outside Avara.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PriorReport {
    pub report_text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_study_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_description: Option<String>,
}

/// The contract's rules that serde's shape alone does not express.
trait ContractRules: Sized + serde::de::DeserializeOwned {
    fn check(&self) -> Result<(), WebhookError>;

    /// Types an answer as Avara reads it; answers carrying manifests override this.
    fn read(value: Value) -> Result<Self, WebhookError> {
        typed(value)
    }
}

/// Takes `field` out of an answer, so the rest can be typed without it.
fn take_field(value: &mut Value, field: &str) -> Option<Value> {
    value
        .as_object_mut()
        .and_then(|fields| fields.remove(field))
        .filter(|taken| !taken.is_null())
}

fn non_empty(path: &str, value: &str) -> Result<(), WebhookError> {
    if value.is_empty() {
        Err(schema_error(path, "must not be empty"))
    } else {
        Ok(())
    }
}

fn at_most_16(path: &str, value: &str) -> Result<(), WebhookError> {
    if value.chars().count() > 16 {
        Err(schema_error(
            path,
            format_args!(
                "is {} characters; DICOM SH allows at most 16",
                value.chars().count()
            ),
        ))
    } else {
        Ok(())
    }
}

fn check_manifest(path: &str, manifest: &StudyManifest) -> Result<(), WebhookError> {
    non_empty(
        &format!("{path}.studyInstanceUID"),
        &manifest.study_instance_uid,
    )?;
    for (s, series) in manifest.series.iter().enumerate() {
        let at = format!("{path}.series[{s}]");
        non_empty(&format!("{at}.modality"), &series.modality)?;
        non_empty(
            &format!("{at}.seriesDescription"),
            &series.series_description,
        )?;
        non_empty(
            &format!("{at}.seriesInstanceUID"),
            &series.series_instance_uid,
        )?;
        for (i, sop) in series.sops.iter().enumerate() {
            non_empty(
                &format!("{at}.sops[{i}].sopInstanceUID"),
                &sop.sop_instance_uid,
            )?;
        }
    }
    Ok(())
}

impl ContractRules for StudyAccessRequestedResponse {
    fn check(&self) -> Result<(), WebhookError> {
        self.manifest
            .as_ref()
            .map_or(Ok(()), |manifest| check_manifest("manifest", manifest))
    }

    /// The Viewer skips a manifest's bad parts and still loads the URLs, so a reader
    /// keeps only what [`manifest_rules::check_manifest`] passes instead of refusing
    /// the answer.
    fn read(mut value: Value) -> Result<Self, WebhookError> {
        let manifest = take_field(&mut value, "manifest");
        let mut answer: Self = typed(value)?;
        answer.manifest =
            manifest.and_then(|manifest| manifest_rules::check_manifest(&manifest, None).loaded);
        Ok(answer)
    }
}

impl ContractRules for EphemeralAccessRequestedResponse {
    fn check(&self) -> Result<(), WebhookError> {
        for (index, manifest) in self.manifests.iter().flatten().enumerate() {
            check_manifest(&format!("manifests[{index}]"), manifest)?;
        }
        Ok(())
    }

    /// Each of the manifests is read as the study answer's one is.
    fn read(mut value: Value) -> Result<Self, WebhookError> {
        let manifests = take_field(&mut value, "manifests");
        let mut answer: Self = typed(value)?;
        answer.manifests = manifests.and_then(|manifests| match manifests {
            Value::Array(manifests) => Some(
                manifests
                    .iter()
                    .filter_map(|manifest| manifest_rules::check_manifest(manifest, None).loaded)
                    .collect(),
            ),
            _ => None,
        });
        Ok(answer)
    }
}

impl ContractRules for SecondaryCaptureAccessRequestedResponse {
    fn check(&self) -> Result<(), WebhookError> {
        Ok(())
    }
}

impl ContractRules for ReportDeliveredResponse {
    fn check(&self) -> Result<(), WebhookError> {
        Ok(())
    }
}

impl ContractRules for ModalityWorklistRequestedResponse {
    fn check(&self) -> Result<(), WebhookError> {
        for (i, item) in self.items.iter().enumerate() {
            at_most_16(
                &format!("items[{i}].AccessionNumber"),
                &item.accession_number,
            )?;
            for (s, step) in item.scheduled_procedure_step_sequence.iter().enumerate() {
                at_most_16(
                    &format!(
                        "items[{i}].ScheduledProcedureStepSequence[{s}].ScheduledProcedureStepID"
                    ),
                    &step.scheduled_procedure_step_id,
                )?;
            }
        }
        Ok(())
    }
}

impl ContractRules for PatientStudyEnrichmentRequestedResponse {
    fn check(&self) -> Result<(), WebhookError> {
        Ok(())
    }
}

impl ContractRules for ClinicalContextEnrichmentRequestedResponse {
    fn check(&self) -> Result<(), WebhookError> {
        for (index, document) in self.document_urls.iter().flatten().enumerate() {
            if !document.url.starts_with("https://") {
                return Err(schema_error(
                    &format!("documentUrls[{index}].url"),
                    "must start with https://",
                ));
            }
        }
        Ok(())
    }
}

macro_rules! response_json {
    ($($response:ident = $type:literal,)*) => {
        $(impl $response {
            /// The event type this answers.
            pub const EVENT_TYPE: &'static str = $type;

            /// Checks the contract's rules, then serializes to the exact JSON body.
            pub fn to_json(&self) -> Result<String, WebhookError> {
                self.check()?;
                serde_json::to_string(self).map_err(|error| schema_error("(root)", error))
            }

            /// Reads a response body (e.g. a receiver's answer) under the contract's rules,
            /// as Avara does: a manifest keeps only the series and SOPs the Viewer loads
            /// (see [`check_manifest`](super::check_manifest)), and one it ignores is dropped.
            pub fn from_json(body: &[u8]) -> Result<Self, WebhookError> {
                let response = Self::read(parse_strict_json(body)?)?;
                response.check()?;
                Ok(response)
            }
        })*

        /// Validates a JSON value as the answer to `event_type` and returns its canonical
        /// form: contract field order, absent optional fields dropped, unknown fields removed.
        pub fn normalize_response_value(event_type: &str, value: Value) -> Result<Value, WebhookError> {
            let canonical = match event_type {
                $($type => {
                    let response: $response = typed(value)?;
                    response.check()?;
                    serde_json::to_value(response)
                })*
                _ => return Err(schema_error(
                    "type",
                    format_args!("no response is defined for event type {event_type:?}"),
                )),
            };
            canonical.map_err(|error| schema_error("(root)", error))
        }
    };
}

response_json! {
    StudyAccessRequestedResponse = "study.access_requested",
    EphemeralAccessRequestedResponse = "ephemeral.access_requested",
    SecondaryCaptureAccessRequestedResponse = "secondary_capture.access_requested",
    ReportDeliveredResponse = "report.delivered",
    ModalityWorklistRequestedResponse = "modality_worklist.requested",
    PatientStudyEnrichmentRequestedResponse = "patient_study.enrichment_requested",
    ClinicalContextEnrichmentRequestedResponse = "clinical_context.enrichment_requested",
}

/// [`normalize_response_value`] for a raw body, returning the canonical JSON text.
pub fn normalize_response(event_type: &str, body: &[u8]) -> Result<String, WebhookError> {
    let canonical = normalize_response_value(event_type, parse_strict_json(body)?)?;
    Ok(canonical.to_string())
}

/// The common-case constructors, by name, for bindings that build responses as plain
/// values: `authorized(urls)`, `denied(reason)`, `acknowledged()` and `empty()`.
pub const CONSTRUCTORS: &[(&str, &str, &[&str])] = &[
    ("study.access_requested", "authorized", &["urls"]),
    ("study.access_requested", "denied", &["reason"]),
    ("ephemeral.access_requested", "authorized", &["urls"]),
    ("ephemeral.access_requested", "denied", &["reason"]),
    (
        "secondary_capture.access_requested",
        "authorized",
        &["uploadUrls"],
    ),
    ("secondary_capture.access_requested", "denied", &["reason"]),
    ("report.delivered", "acknowledged", &[]),
    ("modality_worklist.requested", "authorized", &["items"]),
    ("modality_worklist.requested", "denied", &["reason"]),
    ("patient_study.enrichment_requested", "empty", &[]),
    ("clinical_context.enrichment_requested", "empty", &[]),
];

/// The constructor in [`CONSTRUCTORS`] whose one argument may also be the manifest
/// builder's result (an object): its URLs and, when it has a series, its manifest.
#[cfg(feature = "manifest")]
pub const TAKES_BUILT_MANIFEST: (&str, &str) = ("study.access_requested", "authorized");

/// Runs the constructor `name` of `event_type`'s response with positional `args` and
/// returns the response as a JSON value.
pub fn construct(event_type: &str, name: &str, args: Vec<Value>) -> Result<Value, WebhookError> {
    let Some((_, _, params)) = CONSTRUCTORS
        .iter()
        .find(|(t, n, _)| *t == event_type && *n == name)
    else {
        return Err(schema_error(
            "constructor",
            format_args!("{event_type:?} responses have no constructor {name:?}"),
        ));
    };
    if args.len() != params.len() {
        return Err(schema_error(
            "constructor",
            format_args!(
                "{name} takes {} argument(s) ({}), got {}",
                params.len(),
                params.join(", "),
                args.len()
            ),
        ));
    }
    // The table above fixed the argument count, so each constructor takes exactly its own.
    let mut args = args.into_iter();
    let mut next = || args.next().unwrap_or(Value::Null);
    let value = match (event_type, name) {
        ("study.access_requested", "authorized") => {
            serde_json::to_value(study_access_authorized(params[0], next())?)
        }
        ("study.access_requested", "denied") => serde_json::to_value(
            StudyAccessRequestedResponse::denied(typed_arg::<String>(params[0], next())?),
        ),
        ("ephemeral.access_requested", "authorized") => serde_json::to_value(
            EphemeralAccessRequestedResponse::authorized(typed_arg(params[0], next())?),
        ),
        ("ephemeral.access_requested", "denied") => serde_json::to_value(
            EphemeralAccessRequestedResponse::denied(typed_arg::<String>(params[0], next())?),
        ),
        ("secondary_capture.access_requested", "authorized") => serde_json::to_value(
            SecondaryCaptureAccessRequestedResponse::authorized(typed_arg(params[0], next())?),
        ),
        ("secondary_capture.access_requested", "denied") => {
            serde_json::to_value(SecondaryCaptureAccessRequestedResponse::denied(
                typed_arg::<String>(params[0], next())?,
            ))
        }
        ("report.delivered", _) => serde_json::to_value(ReportDeliveredResponse::acknowledged()),
        ("modality_worklist.requested", "authorized") => {
            let response =
                ModalityWorklistRequestedResponse::authorized(typed_arg(params[0], next())?);
            response.check()?;
            serde_json::to_value(response)
        }
        ("modality_worklist.requested", _) => {
            serde_json::to_value(ModalityWorklistRequestedResponse::denied(typed_arg::<
                String,
            >(
                params[0],
                next(),
            )?))
        }
        ("patient_study.enrichment_requested", _) => {
            serde_json::to_value(PatientStudyEnrichmentRequestedResponse::empty())
        }
        _ => serde_json::to_value(ClinicalContextEnrichmentRequestedResponse::empty()),
    };
    value.map_err(|error| schema_error("(root)", error))
}

/// `authorized` takes the URL list, or the manifest builder's result (an object): its
/// URLs and, when it has a series, its manifest.
fn study_access_authorized(
    param: &str,
    value: Value,
) -> Result<StudyAccessRequestedResponse, WebhookError> {
    #[cfg(feature = "manifest")]
    if value.is_object() {
        return typed_arg::<crate::manifest::BuiltManifest>(param, value)
            .map(StudyAccessRequestedResponse::from);
    }
    typed_arg(param, value).map(StudyAccessRequestedResponse::authorized)
}

fn typed_arg<T: serde::de::DeserializeOwned>(param: &str, value: Value) -> Result<T, WebhookError> {
    typed::<T>(value).map_err(|error| schema_error(param, error.message()))
}
