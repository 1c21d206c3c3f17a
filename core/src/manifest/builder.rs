//! From `(url, bytes)` pairs to the answer's `urls` and `manifest`, with every input the
//! sidecar leaves out and why.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::error::ManifestError;
use super::header::{
    Attribute, BITS_ALLOCATED, COLUMNS, MODALITY, PHOTOMETRIC_INTERPRETATION, PixelData, ROWS,
    SAMPLES_PER_PIXEL, SERIES_INSTANCE_UID, SOP_CLASS_UID, SOP_INSTANCE_UID, STUDY_INSTANCE_UID,
    SopHeader, read_sop_header,
};
use super::skip::{Skip, SkipCode, SkippedInput};
use super::values::Parsed;
use crate::models::validate_dicom_uid;
use crate::webhooks::responses::{
    ManifestSeries, ManifestSop, SeriesNumber, StudyAccessRequestedResponse, StudyManifest,
};
use crate::webhooks::{SopClassKind, check_manifest, sop_class_kind};

/// What the builder made of a set of inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct BuiltManifest {
    /// Every input of the requested study (sidecar or not, duplicates aside), in the
    /// sidecar's order: series by series number then Series Instance UID, and within a
    /// series by instance number (absent counts as 0), then SOP Instance UID, then URL.
    pub urls: Vec<String>,
    /// The sidecar: the series and SOPs the Viewer can load progressively. It has no
    /// series when no input qualifies.
    pub manifest: StudyManifest,
    /// Every input left out of the sidecar, in the order they were added.
    pub skipped: Vec<SkippedInput>,
}

impl StudyAccessRequestedResponse {
    /// Authorizes with the builder's URLs and, when it has a series, its manifest.
    pub fn authorized_with_manifest(built: BuiltManifest) -> Self {
        let manifest = Some(built.manifest).filter(|manifest| !manifest.series.is_empty());
        Self {
            manifest,
            ..Self::authorized(built.urls)
        }
    }
}

impl From<BuiltManifest> for StudyAccessRequestedResponse {
    fn from(built: BuiltManifest) -> Self {
        Self::authorized_with_manifest(built)
    }
}

/// Collects inputs one at a time; [`finish`](Self::finish) sorts and groups them.
#[derive(Debug, Clone)]
pub struct ManifestBuilder {
    study_instance_uid: String,
    inputs: Vec<(String, SopHeader)>,
}

/// Builds the manifest of `study_instance_uid` from `(url, bytes)` pairs, where `bytes`
/// is each object's whole file or any prefix of it that reaches Pixel Data.
pub fn build_manifest<I, U, B>(
    study_instance_uid: &str,
    items: I,
) -> Result<BuiltManifest, ManifestError>
where
    I: IntoIterator<Item = (U, B)>,
    U: Into<String>,
    B: AsRef<[u8]>,
{
    let mut builder = ManifestBuilder::new(study_instance_uid)?;
    for (url, bytes) in items {
        builder.add(url, bytes.as_ref());
    }
    Ok(builder.finish())
}

impl ManifestBuilder {
    /// Fails only when `study_instance_uid` is not a DICOM UID.
    pub fn new(study_instance_uid: impl Into<String>) -> Result<Self, ManifestError> {
        let study_instance_uid = study_instance_uid.into();
        validate_dicom_uid(&study_instance_uid)
            .map_err(|error| ManifestError::new("studyInstanceUid", error.message))?;
        Ok(Self {
            study_instance_uid,
            inputs: Vec::new(),
        })
    }

    /// Reads the header in `bytes` (the whole object or a prefix reaching Pixel Data).
    /// Never fails: an input that cannot be used ends up in [`BuiltManifest::skipped`].
    pub fn add(&mut self, url: impl Into<String>, bytes: &[u8]) {
        self.add_header(url, read_sop_header(bytes));
    }

    /// Adds a header read with [`read_sop_header`], e.g. on another thread.
    pub fn add_header(&mut self, url: impl Into<String>, header: SopHeader) {
        self.inputs.push((url.into(), header));
    }

    pub fn finish(self) -> BuiltManifest {
        let study = self.study_instance_uid;
        let mut entries: Vec<Entry> = self
            .inputs
            .into_iter()
            .map(|(url, header)| Entry::classify(url, &header, &study))
            .collect();
        drop_duplicates(&mut entries);
        let mut groups = series_groups(&entries);
        let mut manifest = candidate_manifest(&entries, &groups, &study);
        if apply_viewer_rules(&mut entries, &manifest) {
            // A series' attributes come from its first sidecar SOP, which may just have been refused.
            groups = series_groups(&entries);
            manifest = candidate_manifest(&entries, &groups, &study);
        }
        assemble(entries, &groups, manifest)
    }
}

/// What one input contributes.
#[derive(Debug)]
struct Entry {
    url: String,
    sop_instance_uid: String,
    instance_number: f64,
    series: Option<SeriesFields>,
    verdict: Verdict,
}

#[derive(Debug)]
enum Verdict {
    Sidecar(Box<ManifestSop>),
    /// In `urls` but not in the sidecar.
    Listed(Skip),
    /// In neither.
    Unlisted(Skip),
}

/// The series-level attributes as one SOP gives them.
#[derive(Debug, Clone)]
struct SeriesFields {
    uid: String,
    modality: Option<String>,
    description: Option<String>,
    number: SeriesNumber,
}

impl SeriesFields {
    fn read(header: &SopHeader) -> Option<Self> {
        let number = match &header.series_number {
            Parsed::Value(number) => SeriesNumber::Number(*number as i64),
            Parsed::Unusable(text) => SeriesNumber::Text(text.clone()),
            Parsed::Absent => SeriesNumber::Text(String::new()),
        };
        Some(Self {
            uid: header.series_instance_uid.clone()?,
            modality: header.modality.clone(),
            description: header.series_description.clone(),
            number,
        })
    }

    /// The Viewer's list needs a label: the description, else `"Series <number>"`, else the modality.
    fn description(&self, modality: &str) -> String {
        match (&self.description, &self.number) {
            (Some(description), _) => description.clone(),
            (None, SeriesNumber::Number(number)) => format!("Series {number}"),
            (None, SeriesNumber::Text(text)) if !text.is_empty() => format!("Series {text}"),
            (None, SeriesNumber::Text(_)) => modality.to_owned(),
        }
    }

    /// Series order: numbered series by number, then series numbered with other text,
    /// then unnumbered ones; ties by Series Instance UID.
    fn order(&self, other: &Self) -> Ordering {
        fn rank(number: &SeriesNumber) -> (u8, i64, &str) {
            match number {
                SeriesNumber::Number(number) => (0, *number, ""),
                SeriesNumber::Text(text) if !text.is_empty() => (1, 0, text),
                SeriesNumber::Text(_) => (2, 0, ""),
            }
        }
        rank(&self.number)
            .cmp(&rank(&other.number))
            .then_with(|| self.uid.cmp(&other.uid))
    }
}

fn missing(attribute: Attribute) -> Skip {
    Skip::new(
        SkipCode::MissingAttribute,
        format!(
            "{} {} is missing or empty",
            attribute.keyword, attribute.tag
        ),
    )
}

impl Entry {
    fn classify(url: String, header: &SopHeader, study: &str) -> Self {
        let series = SeriesFields::read(header);
        let verdict = match header.study_instance_uid() {
            None => Verdict::Unlisted(
                header
                    .problem()
                    .cloned()
                    .unwrap_or_else(|| missing(STUDY_INSTANCE_UID)),
            ),
            Some(other) if other != study => Verdict::Unlisted(Skip::new(
                SkipCode::StudyMismatch,
                format!("StudyInstanceUID is {other}, not the requested {study}"),
            )),
            Some(_) => sidecar_sop(header, series.as_ref())
                .map_or_else(Verdict::Listed, |sop| Verdict::Sidecar(Box::new(sop))),
        };
        Entry {
            url,
            sop_instance_uid: header.sop_instance_uid().unwrap_or_default().to_owned(),
            instance_number: header.instance_number.value().unwrap_or(0.0),
            series,
            verdict,
        }
    }

    fn is_listed(&self) -> bool {
        !matches!(self.verdict, Verdict::Unlisted(_))
    }

    /// Slice order, as the Viewer's (`slice_order`), with the URL last.
    fn order(&self, other: &Self) -> Ordering {
        self.instance_number
            .total_cmp(&other.instance_number)
            .then_with(|| self.sop_instance_uid.cmp(&other.sop_instance_uid))
            .then_with(|| self.url.cmp(&other.url))
    }
}

/// The sidecar entry of a header of the requested study, or why it has none.
fn sidecar_sop(header: &SopHeader, series: Option<&SeriesFields>) -> Result<ManifestSop, Skip> {
    if let Some(problem) = header.problem() {
        return Err(problem.clone());
    }
    let sop_instance_uid = header
        .sop_instance_uid
        .as_deref()
        .ok_or_else(|| missing(SOP_INSTANCE_UID))?;
    let sop_class_uid = header
        .sop_class_uid
        .as_deref()
        .ok_or_else(|| missing(SOP_CLASS_UID))?;
    let kind = sop_class_kind(sop_class_uid);
    if kind == SopClassKind::EnhancedMultiFrame {
        return Err(Skip::new(
            SkipCode::EnhancedMultiframe,
            format!(
                "SOP class {sop_class_uid} is enhanced multi-frame: the Viewer loads it from the URLs, not the sidecar"
            ),
        ));
    }
    let series = series.ok_or_else(|| missing(SERIES_INSTANCE_UID))?;
    if series.modality.is_none() {
        return Err(missing(MODALITY));
    }
    let is_image = kind == SopClassKind::Image;
    // Bytes that stop between two elements read like a whole object, so a prefix cut
    // too short ends up here: the reason says so.
    let missing_image_attribute = |attribute: Attribute| {
        let mut skip = missing(attribute);
        if header.pixel_data.is_none() {
            skip.reason
                .push_str(", and the bytes end before Pixel Data");
        }
        skip
    };
    let image_needs = |attribute: Attribute, read: &Parsed<f64>| -> Result<Option<f64>, Skip> {
        match read {
            Parsed::Value(value) => Ok(Some(*value)),
            Parsed::Absent if is_image => Err(missing_image_attribute(attribute)),
            Parsed::Unusable(raw) if is_image => Err(Skip::new(
                SkipCode::InvalidAttribute,
                format!(
                    "{} {} is not a number: {raw:?}",
                    attribute.keyword, attribute.tag
                ),
            )),
            _ => Ok(None),
        }
    };
    let rows = image_needs(ROWS, &header.rows)?;
    let columns = image_needs(COLUMNS, &header.columns)?;
    let bits_allocated = image_needs(BITS_ALLOCATED, &header.bits_allocated)?;
    let photometric_interpretation = header.photometric_interpretation.clone();
    if is_image && photometric_interpretation.is_none() {
        return Err(missing_image_attribute(PHOTOMETRIC_INTERPRETATION));
    }
    let samples_per_pixel = image_needs(SAMPLES_PER_PIXEL, &header.samples_per_pixel)?;
    Ok(ManifestSop {
        sop_class_uid: sop_class_uid.to_owned(),
        sop_instance_uid: sop_instance_uid.to_owned(),
        bits_allocated,
        bits_stored: header.bits_stored.value(),
        columns,
        high_bit: header.high_bit.value(),
        instance_number: header.instance_number.value(),
        is_double_float_pixel_data: (header.pixel_data == Some(PixelData::DoubleFloat))
            .then_some(true),
        is_float_pixel_data: (header.pixel_data == Some(PixelData::Float)).then_some(true),
        number_of_frames: header.number_of_frames.value(),
        photometric_interpretation,
        pixel_representation: header.pixel_representation.value(),
        rescale_intercept: header.rescale_intercept.value(),
        rescale_slope: header.rescale_slope.value(),
        rows,
        samples_per_pixel,
    })
}

/// One SOP instance is listed once. Of several inputs carrying it, the one the sidecar
/// can use wins, then the first by URL, so the result does not depend on input order.
fn drop_duplicates(entries: &mut [Entry]) {
    let mut keepers: HashMap<&str, usize> = HashMap::new();
    let rank = |entry: &Entry| {
        (
            !matches!(entry.verdict, Verdict::Sidecar(_)),
            entry.url.clone(),
        )
    };
    for (index, entry) in entries.iter().enumerate() {
        if !entry.is_listed() || entry.sop_instance_uid.is_empty() {
            continue;
        }
        keepers
            .entry(&entry.sop_instance_uid)
            .and_modify(|kept| {
                if rank(entry) < rank(&entries[*kept]) {
                    *kept = index;
                }
            })
            .or_insert(index);
    }
    let keepers: HashMap<String, (usize, String)> = keepers
        .into_iter()
        .map(|(uid, index)| (uid.to_owned(), (index, entries[index].url.clone())))
        .collect();
    for (index, entry) in entries.iter_mut().enumerate() {
        let Some((_, kept_url)) = keepers
            .get(&entry.sop_instance_uid)
            .filter(|(kept, _)| *kept != index)
        else {
            continue;
        };
        if entry.is_listed() {
            entry.verdict = Verdict::Unlisted(Skip::new(
                SkipCode::DuplicateSopInstance,
                format!(
                    "SOPInstanceUID {} is also at {kept_url}, which is listed instead",
                    entry.sop_instance_uid
                ),
            ));
        }
    }
}

/// Listed entries by series, each group in slice order, groups in series order. Entries
/// without a Series Instance UID form a last group of their own.
fn series_groups(entries: &[Entry]) -> Vec<Vec<usize>> {
    let mut by_series: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    for (index, entry) in entries
        .iter()
        .enumerate()
        .filter(|(_, entry)| entry.is_listed())
    {
        by_series
            .entry(entry.series.as_ref().map(|series| series.uid.as_str()))
            .or_default()
            .push(index);
    }
    let mut groups: Vec<(Option<&str>, Vec<usize>)> = by_series.into_iter().collect();
    for (_, members) in &mut groups {
        members.sort_by(|a, b| entries[*a].order(&entries[*b]));
    }
    groups.sort_by(|(uid_a, a), (uid_b, b)| match (uid_a, uid_b) {
        (Some(_), Some(_)) => {
            let fields = |members: &[usize]| {
                representative(entries, members)
                    .series
                    .clone()
                    .expect("a series UID")
            };
            fields(a).order(&fields(b))
        }
        (a, b) => a.is_none().cmp(&b.is_none()),
    });
    groups.into_iter().map(|(_, members)| members).collect()
}

/// The SOP whose series attributes speak for its series: the first in slice order that
/// the sidecar carries, else the first in slice order.
fn representative<'a>(entries: &'a [Entry], members: &[usize]) -> &'a Entry {
    members
        .iter()
        .map(|index| &entries[*index])
        .find(|entry| matches!(entry.verdict, Verdict::Sidecar(_)))
        .unwrap_or(&entries[members[0]])
}

fn candidate_manifest(entries: &[Entry], groups: &[Vec<usize>], study: &str) -> StudyManifest {
    let series = groups
        .iter()
        .filter_map(|members| {
            let sops: Vec<ManifestSop> = members
                .iter()
                .filter_map(|index| match &entries[*index].verdict {
                    Verdict::Sidecar(sop) => Some(ManifestSop::clone(sop)),
                    _ => None,
                })
                .collect();
            if sops.is_empty() {
                return None;
            }
            let fields = representative(entries, members)
                .series
                .as_ref()
                .expect("sidecar SOPs have a series");
            let modality = fields
                .modality
                .clone()
                .expect("sidecar SOPs have a modality");
            Some(ManifestSeries {
                series_description: fields.description(&modality),
                modality,
                series_instance_uid: fields.uid.clone(),
                series_number: fields.number.clone(),
                sops,
            })
        })
        .collect();
    StudyManifest {
        series,
        study_instance_uid: study.to_owned(),
    }
}

/// Holds the sidecar to the Viewer's rules ([`check_manifest`]), the one definition of
/// what it loads: a SOP they refuse (a bit depth the Viewer does not draw, several
/// frames in a single-frame class, ...) stays in `urls` with their reason. Returns
/// whether any SOP was refused.
fn apply_viewer_rules(entries: &mut [Entry], candidate: &StudyManifest) -> bool {
    let value = serde_json::to_value(candidate).expect("a manifest serializes");
    let report = check_manifest(&value, Some(&candidate.study_instance_uid));
    let mut refused_any = false;
    for part in report.skipped {
        let refused = part.uid.as_deref().filter(|_| part.path.contains(".sops["));
        let Some(entry) = entries.iter_mut().find(|entry| {
            matches!(entry.verdict, Verdict::Sidecar(_))
                && Some(entry.sop_instance_uid.as_str()) == refused
        }) else {
            continue;
        };
        let problem = part
            .reason
            .strip_prefix(&format!("{}.", part.path))
            .unwrap_or(&part.reason);
        entry.verdict = Verdict::Listed(Skip::new(
            SkipCode::InvalidAttribute,
            format!("the Viewer would skip it: {problem}"),
        ));
        refused_any = true;
    }
    refused_any
}

fn assemble(entries: Vec<Entry>, groups: &[Vec<usize>], manifest: StudyManifest) -> BuiltManifest {
    let urls = groups
        .iter()
        .flatten()
        .map(|index| entries[*index].url.clone())
        .collect();
    let skipped = entries
        .into_iter()
        .filter_map(|entry| {
            let listed = entry.is_listed();
            match entry.verdict {
                Verdict::Sidecar(_) => None,
                Verdict::Listed(skip) | Verdict::Unlisted(skip) => Some(SkippedInput {
                    url: entry.url,
                    code: skip.code,
                    reason: skip.reason,
                    listed,
                }),
            }
        })
        .collect();
    BuiltManifest {
        urls,
        manifest,
        skipped,
    }
}
