//! What the Viewer makes of the `manifest` in a receiver's answer to `study.access_requested`.
//!
//! The contract lets the Viewer tolerate a partly broken manifest: a bad SOP is skipped
//! on its own, a series left without a passing SOP is discarded, and the manifest as a
//! whole is used only when it names the requested study and a series survives; the
//! plain URLs load in every case. [`check_manifest`] applies those rules to the raw JSON
//! rather than to a typed [`StudyManifest`], because raw JSON is what the Viewer sees: a
//! value of the wrong JSON type (a numeric `photometricInterpretation`, rows as `"512"`)
//! costs one SOP there, whereas typing the whole answer first would reject all of it.
//!
//! A field given with the wrong type or an impossible value costs its SOP even when the
//! field is optional: the SDK types cannot carry it, and guessing what the Viewer would
//! make of it helps nobody. `null` counts as absent, as it does when answers are typed.

use std::cmp::Ordering;

use serde::Serialize;
use serde_json::{Map, Value};

use super::responses::{ManifestSeries, ManifestSop, SeriesNumber, StudyManifest};

/// The Viewer's reading of one manifest.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ManifestReport {
    /// What the Viewer loads progressively: the passing series in the manifest's order,
    /// each holding only its passing SOPs in slice order (`instanceNumber`, absent
    /// counting as 0, then `sopInstanceUID` compared as text). `None` when the whole
    /// manifest is ignored and only the plain URLs load.
    pub loaded: Option<StudyManifest>,
    /// Why the whole manifest is ignored; `None` exactly when `loaded` is set.
    pub ignored_because: Option<String>,
    /// The study UID the manifest names when it is not the requested study's: the
    /// receiver described the wrong study, which is worse than a malformed part.
    pub other_study_uid: Option<String>,
    /// Every series and SOP left out, in the manifest's order (a series before its SOPs).
    pub skipped: Vec<SkippedPart>,
}

/// A series or SOP the Viewer leaves out of progressive loading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkippedPart {
    /// The part: `series[1]` or `series[0].sops[3]`.
    pub path: String,
    /// The `seriesInstanceUID` or `sopInstanceUID` it gives, when it gives one as text.
    pub uid: Option<String>,
    /// The field at fault: `series[0].sops[3].rows`.
    pub field: String,
    /// The field followed by what is wrong: `series[0].sops[3].rows must be a positive integer up to 65535, got "512"`.
    pub reason: String,
}

/// How the contract treats a SOP class in the sidecar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SopClassKind {
    /// Structured reports (SR), presentation states (PR) and key object selections (KO):
    /// listed without geometry.
    ReportOrPresentationState,
    /// Classes built on the multi-frame functional groups (Enhanced CT/MR/PET/XA, their
    /// legacy-converted forms, tomosynthesis, segmentations, ...). They load from the
    /// plain URLs only: the sidecar targets legacy single-frame images.
    EnhancedMultiFrame,
    /// Everything else counts as an image and needs rows, columns, bitsAllocated,
    /// photometricInterpretation and samplesPerPixel.
    Image,
}

const STORAGE_ROOT: &str = "1.2.840.10008.5.1.4.1.1.";

/// Under [`STORAGE_ROOT`]: the SR family (which holds Key Object Selection, `88.59`) and
/// the presentation states.
const REPORT_OR_STATE_BRANCHES: [&str; 2] = ["88.", "11."];

/// Under [`STORAGE_ROOT`], per PS3.4's storage SOP class table.
const ENHANCED_MULTI_FRAME: &[&str] = &[
    "2.1",      // Enhanced CT
    "2.2",      // Legacy Converted Enhanced CT
    "4.1",      // Enhanced MR
    "4.2",      // MR Spectroscopy
    "4.3",      // Enhanced MR Color
    "4.4",      // Legacy Converted Enhanced MR
    "6.2",      // Enhanced US Volume
    "6.3",      // Photoacoustic
    "12.1.1",   // Enhanced XA
    "12.2.1",   // Enhanced XRF
    "13.1.1",   // X-Ray 3D Angiographic
    "13.1.2",   // X-Ray 3D Craniofacial
    "13.1.3",   // Breast Tomosynthesis
    "13.1.4",   // Breast Projection X-Ray, for presentation
    "13.1.5",   // Breast Projection X-Ray, for processing
    "14.1",     // Intravascular OCT, for presentation
    "14.2",     // Intravascular OCT, for processing
    "30",       // Parametric Map
    "66.4",     // Segmentation
    "77.1.5.4", // Ophthalmic Tomography
    "77.1.5.8", // Ophthalmic OCT B-scan Volume Analysis
    "77.1.6",   // VL Whole Slide Microscopy
    "77.1.8",   // Confocal Microscopy
    "77.1.9",   // Confocal Microscopy Tiled Pyramidal
    "128.1",    // Legacy Converted Enhanced PET
    "130",      // Enhanced PET
    "481.23",   // Enhanced RT Image
    "481.24",   // Enhanced Continuous RT Image
    "501.1",    // DICOS CT
];

/// Legacy classes whose IODs hold exactly one frame, so `numberOfFrames` above 1 is
/// impossible (the contract: "above 1 only for multi-frame SOPs").
const SINGLE_FRAME: &[(&str, &str)] = &[
    ("1", "Computed Radiography"),
    ("1.1", "Digital X-Ray, for presentation"),
    ("1.1.1", "Digital X-Ray, for processing"),
    ("1.2", "Digital Mammography, for presentation"),
    ("1.2.1", "Digital Mammography, for processing"),
    ("1.3", "Digital Intra-Oral X-Ray, for presentation"),
    ("1.3.1", "Digital Intra-Oral X-Ray, for processing"),
    ("2", "CT Image"),
    ("4", "MR Image"),
    ("6.1", "Ultrasound Image"),
    ("7", "Secondary Capture Image"),
    ("128", "PET Image"),
];

/// How the sidecar treats `sop_class_uid`; the manifest builder files SOPs by the same rule.
pub fn sop_class_kind(sop_class_uid: &str) -> SopClassKind {
    let Some(branch) = sop_class_uid.strip_prefix(STORAGE_ROOT) else {
        return SopClassKind::Image;
    };
    if REPORT_OR_STATE_BRANCHES
        .iter()
        .any(|prefix| branch.starts_with(prefix))
    {
        SopClassKind::ReportOrPresentationState
    } else if ENHANCED_MULTI_FRAME.contains(&branch) {
        SopClassKind::EnhancedMultiFrame
    } else {
        SopClassKind::Image
    }
}

fn single_frame_class_name(sop_class_uid: &str) -> Option<&'static str> {
    let branch = sop_class_uid.strip_prefix(STORAGE_ROOT)?;
    SINGLE_FRAME
        .iter()
        .find(|(suffix, _)| *suffix == branch)
        .map(|(_, name)| *name)
}

/// The order the Viewer loads a series' SOPs in: `instanceNumber` (absent counts as 0),
/// ties broken by `sopInstanceUID` compared as text.
pub fn slice_order(a: &ManifestSop, b: &ManifestSop) -> Ordering {
    let number = |sop: &ManifestSop| sop.instance_number.unwrap_or(0.0);
    number(a)
        .total_cmp(&number(b))
        .then_with(|| a.sop_instance_uid.cmp(&b.sop_instance_uid))
}

/// Applies the contract's manifest rules to `manifest` as it appears in an answer.
///
/// `requested_study_uid` is the study the event asked about; `None` where no single
/// study was asked about (each of an ephemeral session's `manifests`), which skips
/// only the study comparison.
pub fn check_manifest(manifest: &Value, requested_study_uid: Option<&str>) -> ManifestReport {
    let mut report = ManifestReport {
        loaded: None,
        ignored_because: None,
        other_study_uid: None,
        skipped: Vec::new(),
    };
    let Some(fields) = manifest.as_object() else {
        report.ignored_because = Some(format!(
            "the manifest must be an object, got {}",
            shown(manifest)
        ));
        return report;
    };
    let study_uid = non_empty_text(fields, "studyInstanceUID");
    let series: Vec<ManifestSeries> = match fields.get("series") {
        Some(Value::Array(series)) => series
            .iter()
            .enumerate()
            .filter_map(|(i, s)| check_series(s, i, &mut report.skipped))
            .collect(),
        _ => {
            report.ignored_because = Some(format!(
                "series must be an array, {}",
                got_or_missing(fields, "series")
            ));
            return report;
        }
    };
    report.ignored_because = match (study_uid, requested_study_uid) {
        (Err(problem), _) => Some(format!("studyInstanceUID {problem}")),
        (Ok(named), Some(requested)) if named != requested => {
            report.other_study_uid = Some(named.to_owned());
            Some(format!(
                "studyInstanceUID is {named:?} but the requested study is {requested:?}"
            ))
        }
        _ if series.is_empty() => {
            Some("no series passes validation (at least one must)".to_owned())
        }
        (Ok(named), _) => {
            report.loaded = Some(StudyManifest {
                series,
                study_instance_uid: named.to_owned(),
            });
            None
        }
    };
    report
}

/// The series at `series[index]` with its passing SOPs, or `None` after recording why
/// it is discarded.
fn check_series(
    series: &Value,
    index: usize,
    skipped: &mut Vec<SkippedPart>,
) -> Option<ManifestSeries> {
    let path = format!("series[{index}]");
    let Some(fields) = series.as_object() else {
        skipped.push(SkippedPart::new(
            &path,
            None,
            &path,
            format!("must be an object, got {}", shown(series)),
        ));
        return None;
    };
    let uid = fields
        .get("seriesInstanceUID")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let series_entry = skipped.len();
    let sops = match fields.get("sops") {
        Some(Value::Array(sops)) => {
            let mut passing: Vec<ManifestSop> = sops
                .iter()
                .enumerate()
                .filter_map(|(i, sop)| check_sop(sop, &path, i, skipped))
                .collect();
            passing.sort_by(slice_order);
            Ok(passing)
        }
        _ => Err((
            "sops",
            format!("must be an array, {}", got_or_missing(fields, "sops")),
        )),
    };
    let checked = series_fields(fields).and_then(|(modality, description, series_uid, number)| {
        let sops = sops?;
        if sops.is_empty() {
            return Err((
                "sops",
                "holds no SOP that passes validation (at least one must)".to_owned(),
            ));
        }
        Ok(ManifestSeries {
            modality: modality.to_owned(),
            series_description: description.to_owned(),
            series_instance_uid: series_uid.to_owned(),
            series_number: number,
            sops,
        })
    });
    checked
        .map_err(|(field, problem)| {
            let part = SkippedPart::new(&path, uid, &format!("{path}.{field}"), problem);
            skipped.insert(series_entry, part);
        })
        .ok()
}

type FieldProblem = (&'static str, String);

fn series_fields(
    fields: &Map<String, Value>,
) -> Result<(&str, &str, &str, SeriesNumber), FieldProblem> {
    let text = |name: &'static str| non_empty_text(fields, name).map_err(|problem| (name, problem));
    let modality = text("modality")?;
    let description = text("seriesDescription")?;
    let series_uid = text("seriesInstanceUID")?;
    let number = match fields.get("seriesNumber") {
        Some(Value::String(text)) => SeriesNumber::Text(text.clone()),
        Some(Value::Number(number)) => match whole_i64(number.as_f64()) {
            Some(whole) => SeriesNumber::Number(whole),
            None => {
                return Err((
                    "seriesNumber",
                    format!("must be text or a whole number, got {number}"),
                ));
            }
        },
        _ => {
            return Err((
                "seriesNumber",
                format!(
                    "must be text or a whole number, {}",
                    got_or_missing(fields, "seriesNumber")
                ),
            ));
        }
    };
    Ok((modality, description, series_uid, number))
}

/// The SOP at `{series_path}.sops[index]`, or `None` after recording why it is skipped.
fn check_sop(
    sop: &Value,
    series_path: &str,
    index: usize,
    skipped: &mut Vec<SkippedPart>,
) -> Option<ManifestSop> {
    let path = format!("{series_path}.sops[{index}]");
    let Some(fields) = sop.as_object() else {
        skipped.push(SkippedPart::new(
            &path,
            None,
            &path,
            format!("must be an object, got {}", shown(sop)),
        ));
        return None;
    };
    sop_fields(fields)
        .map_err(|(field, problem)| {
            let uid = fields
                .get("sopInstanceUID")
                .and_then(Value::as_str)
                .map(str::to_owned);
            skipped.push(SkippedPart::new(
                &path,
                uid,
                &format!("{path}.{field}"),
                problem,
            ));
        })
        .ok()
}

/// A numeric field's rule: its name, whether image SOPs need it, and the test a present
/// value must pass, described as the sentence a failure reads.
struct NumberRule {
    name: &'static str,
    image_needs_it: bool,
    accepts: fn(f64) -> bool,
    must_be: &'static str,
}

const NUMBER_RULES: [NumberRule; 11] = [
    NumberRule {
        name: "rows",
        image_needs_it: true,
        accepts: |n| is_whole(n) && (1.0..=65_535.0).contains(&n),
        must_be: "a positive integer up to 65535",
    },
    NumberRule {
        name: "columns",
        image_needs_it: true,
        accepts: |n| is_whole(n) && (1.0..=65_535.0).contains(&n),
        must_be: "a positive integer up to 65535",
    },
    NumberRule {
        name: "bitsAllocated",
        image_needs_it: true,
        accepts: |n| [8.0, 16.0, 32.0].contains(&n),
        must_be: "8, 16 or 32",
    },
    NumberRule {
        name: "samplesPerPixel",
        image_needs_it: true,
        accepts: |n| n == 1.0 || n == 3.0,
        must_be: "1 (grayscale) or 3 (colour)",
    },
    NumberRule {
        name: "bitsStored",
        image_needs_it: false,
        accepts: |n| is_whole(n) && (1.0..=32.0).contains(&n),
        must_be: "a whole number from 1 to 32",
    },
    NumberRule {
        name: "highBit",
        image_needs_it: false,
        accepts: |n| is_whole(n) && (0.0..=31.0).contains(&n),
        must_be: "a whole number from 0 to 31",
    },
    NumberRule {
        name: "instanceNumber",
        image_needs_it: false,
        accepts: is_whole,
        must_be: "a whole number",
    },
    NumberRule {
        name: "numberOfFrames",
        image_needs_it: false,
        accepts: |n| is_whole(n) && n >= 1.0,
        must_be: "a positive integer",
    },
    NumberRule {
        name: "pixelRepresentation",
        image_needs_it: false,
        accepts: |n| n == 0.0 || n == 1.0,
        must_be: "0 (unsigned) or 1 (signed)",
    },
    NumberRule {
        name: "rescaleIntercept",
        image_needs_it: false,
        accepts: |_| true,
        must_be: "a number",
    },
    NumberRule {
        name: "rescaleSlope",
        image_needs_it: false,
        accepts: |_| true,
        must_be: "a number",
    },
];

fn sop_fields(fields: &Map<String, Value>) -> Result<ManifestSop, FieldProblem> {
    let text = |name: &'static str| non_empty_text(fields, name).map_err(|problem| (name, problem));
    let sop_class_uid = text("sopClassUID")?;
    let sop_instance_uid = text("sopInstanceUID")?;
    let kind = sop_class_kind(sop_class_uid);
    if kind == SopClassKind::EnhancedMultiFrame {
        return Err((
            "sopClassUID",
            format!(
                "{sop_class_uid} is an enhanced multi-frame class, which the sidecar does not carry (it loads from the plain URLs)"
            ),
        ));
    }
    let is_image = kind == SopClassKind::Image;
    let mut numbers = [None; NUMBER_RULES.len()];
    for (slot, rule) in numbers.iter_mut().zip(&NUMBER_RULES) {
        *slot = match present(fields, rule.name) {
            Some(Value::Number(number)) => match number.as_f64().filter(|n| (rule.accepts)(*n)) {
                Some(accepted) => Some(accepted),
                None => return Err((rule.name, format!("must be {}, got {number}", rule.must_be))),
            },
            Some(other) => {
                return Err((
                    rule.name,
                    format!("must be {}, got {}", rule.must_be, shown(other)),
                ));
            }
            None if is_image && rule.image_needs_it => {
                return Err((
                    rule.name,
                    format!(
                        "must be {} (an image SOP needs it), {}",
                        rule.must_be,
                        got_or_missing(fields, rule.name)
                    ),
                ));
            }
            None => None,
        };
    }
    let [
        rows,
        columns,
        bits_allocated,
        samples_per_pixel,
        bits_stored,
        high_bit,
        instance_number,
        number_of_frames,
        pixel_representation,
        rescale_intercept,
        rescale_slope,
    ] = numbers;
    let photometric_interpretation = match present(fields, "photometricInterpretation") {
        Some(_) => Some(text("photometricInterpretation")?.to_owned()),
        None if is_image => {
            return Err((
                "photometricInterpretation",
                format!(
                    "must be non-empty text (an image SOP needs it), {}",
                    got_or_missing(fields, "photometricInterpretation")
                ),
            ));
        }
        None => None,
    };
    if let (Some(frames), Some(class)) = (
        number_of_frames.filter(|n| *n > 1.0),
        single_frame_class_name(sop_class_uid),
    ) {
        return Err((
            "numberOfFrames",
            format!("is {frames} but {class} objects hold a single frame"),
        ));
    }
    Ok(ManifestSop {
        sop_class_uid: sop_class_uid.to_owned(),
        sop_instance_uid: sop_instance_uid.to_owned(),
        bits_allocated,
        bits_stored,
        columns,
        high_bit,
        instance_number,
        is_double_float_pixel_data: flag(fields, "isDoubleFloatPixelData")?,
        is_float_pixel_data: flag(fields, "isFloatPixelData")?,
        number_of_frames,
        photometric_interpretation,
        pixel_representation,
        rescale_intercept,
        rescale_slope,
        rows,
        samples_per_pixel,
    })
}

impl SkippedPart {
    fn new(path: &str, uid: Option<String>, field: &str, problem: String) -> Self {
        SkippedPart {
            path: path.to_owned(),
            uid,
            field: field.to_owned(),
            reason: format!("{field} {problem}"),
        }
    }
}

/// The field unless it is absent or `null`.
fn present<'a>(fields: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    fields.get(name).filter(|value| !value.is_null())
}

fn non_empty_text<'a>(fields: &'a Map<String, Value>, name: &str) -> Result<&'a str, String> {
    match present(fields, name) {
        Some(Value::String(text)) if !text.is_empty() => Ok(text),
        Some(Value::String(_)) => Err("must not be empty".to_owned()),
        Some(other) => Err(format!("must be text, got {}", shown(other))),
        None => Err(format!(
            "must be non-empty text, {}",
            got_or_missing(fields, name)
        )),
    }
}

fn flag(fields: &Map<String, Value>, name: &'static str) -> Result<Option<bool>, FieldProblem> {
    match present(fields, name) {
        Some(Value::Bool(flag)) => Ok(Some(*flag)),
        Some(other) => Err((name, format!("must be true or false, got {}", shown(other)))),
        None => Ok(None),
    }
}

fn is_whole(number: f64) -> bool {
    number.fract() == 0.0
}

/// Whole numbers exactly representable as both f64 and i64.
fn whole_i64(number: Option<f64>) -> Option<i64> {
    number
        .filter(|n| is_whole(*n) && n.abs() < 9_007_199_254_740_992.0)
        .map(|n| n as i64)
}

/// What arrived in place of `name`; for a missing field, a hint when the same name is
/// there in other case: keys are case-sensitive and the contract capitalises `UID`.
fn got_or_missing(fields: &Map<String, Value>, name: &str) -> String {
    if let Some(value) = present(fields, name) {
        return format!("got {}", shown(value));
    }
    match fields
        .keys()
        .find(|key| key.as_str() != name && key.eq_ignore_ascii_case(name))
    {
        Some(near) => format!("but it is missing (there is `{near}`: keys are case-sensitive)"),
        None => "but it is missing".to_owned(),
    }
}

/// A value as JSON, cut short: reasons quote what arrived without repeating a whole object.
fn shown(value: &Value) -> String {
    const LIMIT: usize = 40;
    let text = value.to_string();
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}
