//! Receiver responses as uniffi remote records (the compiler checks each mirror against
//! the core struct), the core's common-case constructors, and serialization through the
//! core's `to_json`, which also enforces the contract's rules.

use avara::models::ExpressCustomerId;
use avara::webhooks::responses::{
    self as core, ClinicalContextEnrichmentRequestedResponse, ClinicalDocument,
    ClinicalDocumentUrl, EphemeralAccessRequestedResponse, HeightUnit, ManifestSeries, ManifestSop,
    MediaUrl, ModalityWorklistRequestedResponse, PatientHeight,
    PatientStudyEnrichmentRequestedResponse, PatientWeight, PriorReport, ReportDeliveredResponse,
    ScheduledProcedureStep, SecondaryCaptureAccessRequestedResponse, SeriesNumber, Severity, Sex,
    StudyAccessRequestedResponse, StudyManifest, WeightUnit, WorklistItem,
};

use crate::error::AvaraError;
use crate::types::JsonValue;

#[uniffi::remote(Record)]
pub struct StudyAccessRequestedResponse {
    pub authorized: bool,
    pub urls: Vec<String>,
    pub error: Option<String>,
    pub manifest: Option<StudyManifest>,
    pub media_urls: Option<Vec<MediaUrl>>,
}

#[uniffi::remote(Record)]
pub struct StudyManifest {
    pub series: Vec<ManifestSeries>,
    pub study_instance_uid: String,
}

#[uniffi::remote(Record)]
pub struct ManifestSeries {
    pub modality: String,
    pub series_description: String,
    pub series_instance_uid: String,
    pub series_number: SeriesNumber,
    pub sops: Vec<ManifestSop>,
}

#[uniffi::remote(Enum)]
pub enum SeriesNumber {
    Text(String),
    Number(i64),
}

#[uniffi::remote(Record)]
pub struct ManifestSop {
    pub sop_class_uid: String,
    pub sop_instance_uid: String,
    pub bits_allocated: Option<f64>,
    pub bits_stored: Option<f64>,
    pub columns: Option<f64>,
    pub high_bit: Option<f64>,
    pub instance_number: Option<f64>,
    pub is_double_float_pixel_data: Option<bool>,
    pub is_float_pixel_data: Option<bool>,
    pub number_of_frames: Option<f64>,
    pub photometric_interpretation: Option<String>,
    pub pixel_representation: Option<f64>,
    pub rescale_intercept: Option<f64>,
    pub rescale_slope: Option<f64>,
    pub rows: Option<f64>,
    pub samples_per_pixel: Option<f64>,
}

#[uniffi::remote(Record)]
pub struct MediaUrl {
    pub mime_type: String,
    pub url: String,
    pub file_name: Option<String>,
}

#[uniffi::remote(Record)]
pub struct EphemeralAccessRequestedResponse {
    pub authorized: bool,
    pub urls: Vec<String>,
    pub error: Option<String>,
    pub manifests: Option<Vec<StudyManifest>>,
    pub media_urls: Option<Vec<MediaUrl>>,
}

#[uniffi::remote(Record)]
pub struct SecondaryCaptureAccessRequestedResponse {
    pub authorized: bool,
    pub upload_urls: Vec<String>,
    pub content_creator_name: Option<String>,
    pub error: Option<String>,
}

#[uniffi::remote(Record)]
pub struct ReportDeliveredResponse {
    pub success: bool,
}

#[uniffi::remote(Record)]
pub struct ModalityWorklistRequestedResponse {
    pub authorized: bool,
    pub items: Vec<WorklistItem>,
    pub error: Option<String>,
}

#[uniffi::remote(Record)]
pub struct WorklistItem {
    pub accession_number: String,
    pub modality: String,
    pub patient_birth_date: String,
    pub patient_id: String,
    pub patient_name: String,
    pub patient_sex: String,
    pub patient_size: String,
    pub patient_weight: String,
    pub protocol_name: String,
    pub requested_procedure_description: String,
    pub scheduled_procedure_step_sequence: Vec<ScheduledProcedureStep>,
    pub study_description: String,
    pub study_instance_uid: String,
}

#[uniffi::remote(Record)]
pub struct ScheduledProcedureStep {
    pub modality: String,
    pub scheduled_procedure_step_description: String,
    pub scheduled_procedure_step_id: String,
    pub scheduled_procedure_step_start_date: String,
    pub scheduled_procedure_step_start_time: String,
}

#[uniffi::remote(Record)]
pub struct PatientStudyEnrichmentRequestedResponse {
    pub date_of_birth: Option<String>,
    pub express_customer_id: Option<ExpressCustomerId>,
    pub external_patient_id: Option<String>,
    pub facility_name: Option<String>,
    pub height: Option<PatientHeight>,
    pub mrn: Option<String>,
    pub patient_name: Option<String>,
    pub procedure: Option<String>,
    pub referring_physician_name: Option<String>,
    pub severity: Option<Severity>,
    pub sex: Option<Sex>,
    pub study_date: Option<String>,
    pub study_description: Option<String>,
    pub study_time: Option<String>,
    pub weight: Option<PatientWeight>,
}

#[uniffi::remote(Record)]
pub struct PatientHeight {
    pub unit: HeightUnit,
    pub value: f64,
}

#[uniffi::remote(Record)]
pub struct PatientWeight {
    pub unit: WeightUnit,
    pub value: f64,
}

#[uniffi::remote(Enum)]
pub enum HeightUnit {
    In,
    Cm,
}

#[uniffi::remote(Enum)]
pub enum WeightUnit {
    Lbs,
    Kg,
}

#[uniffi::remote(Enum)]
pub enum Severity {
    Normal,
    High,
    Stat,
}

#[uniffi::remote(Enum)]
pub enum Sex {
    Male,
    Female,
    Other,
}

#[uniffi::remote(Record)]
pub struct ClinicalContextEnrichmentRequestedResponse {
    pub clinical_indication: Option<String>,
    pub documents: Option<Vec<ClinicalDocument>>,
    pub document_urls: Option<Vec<ClinicalDocumentUrl>>,
    pub prior_reports: Option<Vec<PriorReport>>,
    pub technologist_notes: Option<Vec<String>>,
    pub technologist_technique: Option<String>,
}

#[uniffi::remote(Record)]
pub struct ClinicalDocument {
    pub content: Vec<String>,
    pub file_name: String,
}

#[uniffi::remote(Record)]
pub struct ClinicalDocumentUrl {
    pub url: String,
    pub file_name: Option<String>,
}

#[uniffi::remote(Record)]
pub struct PriorReport {
    pub report_text: String,
    pub external_study_id: Option<String>,
    pub modality: Option<String>,
    pub study_date: Option<String>,
    pub study_description: Option<String>,
}

/// The arguments of a constructor, where Java's types let `null` through (for the list,
/// or inside it) and the contract does not. The core's own constructor table then judges
/// the same arguments with their `null`s, so the error reads as it does in every package.
fn present<T: serde::Serialize>(
    event_type: &str,
    constructor: &str,
    argument: Option<Vec<Option<T>>>,
) -> Result<Vec<T>, AvaraError> {
    match argument {
        Some(items) if items.iter().all(Option::is_some) => {
            Ok(items.into_iter().flatten().collect())
        }
        refused => Err(judged(
            event_type,
            constructor,
            serde_json::to_value(refused),
        )),
    }
}

fn present_text(
    event_type: &str,
    constructor: &str,
    argument: Option<String>,
) -> Result<String, AvaraError> {
    argument.ok_or_else(|| judged(event_type, constructor, Ok(serde_json::Value::Null)))
}

fn judged(
    event_type: &str,
    constructor: &str,
    argument: serde_json::Result<serde_json::Value>,
) -> AvaraError {
    match argument.map(|argument| core::construct(event_type, constructor, vec![argument])) {
        Ok(Err(error)) => error.into(),
        _ => AvaraError::schema(format!("{constructor}: an argument is null")),
    }
}

#[uniffi::export]
pub fn study_access_requested_authorized(
    urls: Option<Vec<Option<String>>>,
) -> Result<StudyAccessRequestedResponse, AvaraError> {
    let urls = present("study.access_requested", "authorized", urls)?;
    Ok(StudyAccessRequestedResponse::authorized(urls))
}

#[uniffi::export]
pub fn study_access_requested_denied(
    reason: Option<String>,
) -> Result<StudyAccessRequestedResponse, AvaraError> {
    let reason = present_text("study.access_requested", "denied", reason)?;
    Ok(StudyAccessRequestedResponse::denied(reason))
}

#[uniffi::export]
pub fn ephemeral_access_requested_authorized(
    urls: Option<Vec<Option<String>>>,
) -> Result<EphemeralAccessRequestedResponse, AvaraError> {
    let urls = present("ephemeral.access_requested", "authorized", urls)?;
    Ok(EphemeralAccessRequestedResponse::authorized(urls))
}

#[uniffi::export]
pub fn ephemeral_access_requested_denied(
    reason: Option<String>,
) -> Result<EphemeralAccessRequestedResponse, AvaraError> {
    let reason = present_text("ephemeral.access_requested", "denied", reason)?;
    Ok(EphemeralAccessRequestedResponse::denied(reason))
}

#[uniffi::export]
pub fn secondary_capture_access_requested_authorized(
    upload_urls: Option<Vec<Option<String>>>,
) -> Result<SecondaryCaptureAccessRequestedResponse, AvaraError> {
    let upload_urls = present(
        "secondary_capture.access_requested",
        "authorized",
        upload_urls,
    )?;
    Ok(SecondaryCaptureAccessRequestedResponse::authorized(
        upload_urls,
    ))
}

#[uniffi::export]
pub fn secondary_capture_access_requested_denied(
    reason: Option<String>,
) -> Result<SecondaryCaptureAccessRequestedResponse, AvaraError> {
    let reason = present_text("secondary_capture.access_requested", "denied", reason)?;
    Ok(SecondaryCaptureAccessRequestedResponse::denied(reason))
}

#[uniffi::export]
pub fn report_delivered_acknowledged() -> ReportDeliveredResponse {
    ReportDeliveredResponse::acknowledged()
}

#[uniffi::export]
pub fn modality_worklist_requested_authorized(
    items: Option<Vec<Option<WorklistItem>>>,
) -> Result<ModalityWorklistRequestedResponse, AvaraError> {
    let items = present("modality_worklist.requested", "authorized", items)?;
    Ok(ModalityWorklistRequestedResponse::authorized(items))
}

#[uniffi::export]
pub fn modality_worklist_requested_denied(
    reason: Option<String>,
) -> Result<ModalityWorklistRequestedResponse, AvaraError> {
    let reason = present_text("modality_worklist.requested", "denied", reason)?;
    Ok(ModalityWorklistRequestedResponse::denied(reason))
}

#[uniffi::export]
pub fn patient_study_enrichment_requested_empty() -> PatientStudyEnrichmentRequestedResponse {
    PatientStudyEnrichmentRequestedResponse::empty()
}

#[uniffi::export]
pub fn clinical_context_enrichment_requested_empty() -> ClinicalContextEnrichmentRequestedResponse {
    ClinicalContextEnrichmentRequestedResponse::empty()
}

macro_rules! to_json {
    ($($function:ident($response:ident),)*) => {$(
        /// The exact JSON body to answer with, after the contract's checks. Java may
        /// pass `null`, which is no response at all.
        #[uniffi::export]
        pub fn $function(response: Option<$response>) -> Result<String, AvaraError> {
            let response =
                response.ok_or_else(|| AvaraError::schema("the response to serialize is null"))?;
            Ok(response.to_json()?)
        }
    )*};
}

to_json! {
    study_access_requested_response_to_json(StudyAccessRequestedResponse),
    ephemeral_access_requested_response_to_json(EphemeralAccessRequestedResponse),
    secondary_capture_access_requested_response_to_json(SecondaryCaptureAccessRequestedResponse),
    report_delivered_response_to_json(ReportDeliveredResponse),
    modality_worklist_requested_response_to_json(ModalityWorklistRequestedResponse),
    patient_study_enrichment_requested_response_to_json(PatientStudyEnrichmentRequestedResponse),
    clinical_context_enrichment_requested_response_to_json(ClinicalContextEnrichmentRequestedResponse),
}

/// Validates a response body (JSON text) for `event_type` and returns its canonical JSON.
/// Java may pass `null` for either.
#[uniffi::export]
pub fn normalize_response(
    event_type: Option<String>,
    body_json: Option<String>,
) -> Result<String, AvaraError> {
    let event_type =
        event_type.ok_or_else(|| AvaraError::invalid_argument("eventType must not be null"))?;
    let body_json = body_json.ok_or_else(|| AvaraError::schema("body: null is no JSON text"))?;
    Ok(core::normalize_response(&event_type, body_json.as_bytes())?)
}

/// Runs the core's constructor `name` of `event_type`'s response with positional JSON
/// arguments and returns the response JSON; how the shared test vectors build responses.
#[uniffi::export]
pub fn construct_response(
    event_type: String,
    name: String,
    args: Vec<JsonValue>,
) -> Result<String, AvaraError> {
    Ok(core::construct(&event_type, &name, args)?.to_string())
}
