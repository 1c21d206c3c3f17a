//! One input's SOP header: the attributes the manifest needs, read up to Pixel Data.

use dicom_core::Tag;

use super::decoder::Encoding;
use super::skip::Skip;
use super::source::{DataSet, Inflater, locate, resolve_encoding};
use super::values::{self, Parsed};
use super::walk::{MAX_HEADER_BYTES, Stop, Walker};

/// An attribute the manifest reads, by tag and DICOM keyword (reasons name the keyword).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Attribute {
    pub tag: Tag,
    pub keyword: &'static str,
}

macro_rules! attributes {
    ($($name:ident = ($group:literal, $element:literal, $keyword:literal),)*) => {
        $(pub(super) const $name: Attribute = Attribute { tag: Tag($group, $element), keyword: $keyword };)*
        /// Every attribute the walk keeps, in tag order.
        const WANTED: &[Attribute] = &[$($name),*];
    };
}

attributes! {
    SPECIFIC_CHARACTER_SET = (0x0008, 0x0005, "SpecificCharacterSet"),
    SOP_CLASS_UID = (0x0008, 0x0016, "SOPClassUID"),
    SOP_INSTANCE_UID = (0x0008, 0x0018, "SOPInstanceUID"),
    MODALITY = (0x0008, 0x0060, "Modality"),
    SERIES_DESCRIPTION = (0x0008, 0x103E, "SeriesDescription"),
    STUDY_INSTANCE_UID = (0x0020, 0x000D, "StudyInstanceUID"),
    SERIES_INSTANCE_UID = (0x0020, 0x000E, "SeriesInstanceUID"),
    SERIES_NUMBER = (0x0020, 0x0011, "SeriesNumber"),
    INSTANCE_NUMBER = (0x0020, 0x0013, "InstanceNumber"),
    SAMPLES_PER_PIXEL = (0x0028, 0x0002, "SamplesPerPixel"),
    PHOTOMETRIC_INTERPRETATION = (0x0028, 0x0004, "PhotometricInterpretation"),
    NUMBER_OF_FRAMES = (0x0028, 0x0008, "NumberOfFrames"),
    ROWS = (0x0028, 0x0010, "Rows"),
    COLUMNS = (0x0028, 0x0011, "Columns"),
    BITS_ALLOCATED = (0x0028, 0x0100, "BitsAllocated"),
    BITS_STORED = (0x0028, 0x0101, "BitsStored"),
    HIGH_BIT = (0x0028, 0x0102, "HighBit"),
    PIXEL_REPRESENTATION = (0x0028, 0x0103, "PixelRepresentation"),
    RESCALE_INTERCEPT = (0x0028, 0x1052, "RescaleIntercept"),
    RESCALE_SLOPE = (0x0028, 0x1053, "RescaleSlope"),
}

const FLOAT_PIXEL_DATA: Tag = Tag(0x7FE0, 0x0008);
const DOUBLE_FLOAT_PIXEL_DATA: Tag = Tag(0x7FE0, 0x0009);
const PIXEL_DATA: Tag = Tag(0x7FE0, 0x0010);
/// The multi-frame functional groups: every attribute the manifest needs precedes them,
/// and an enhanced object's per-frame group can be larger than the rest of its header.
const SHARED_FUNCTIONAL_GROUPS: Tag = Tag(0x5200, 0x9229);
const PER_FRAME_FUNCTIONAL_GROUPS: Tag = Tag(0x5200, 0x9230);

/// Where the header ends: the walk stops before any of these top-level elements.
fn ends_header(tag: Tag) -> bool {
    matches!(
        tag,
        PIXEL_DATA
            | FLOAT_PIXEL_DATA
            | DOUBLE_FLOAT_PIXEL_DATA
            | SHARED_FUNCTIONAL_GROUPS
            | PER_FRAME_FUNCTIONAL_GROUPS
    )
}

/// Which pixel data element ended the header, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PixelData {
    Integer,
    Float,
    DoubleFloat,
}

/// What one input's header says, as far as it could be read.
///
/// Built by [`read_sop_header`]; [`ManifestBuilder::add_header`](super::ManifestBuilder::add_header)
/// turns it into a manifest entry or a skip. Reading needs no builder, so many inputs
/// can be read on several threads and added afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct SopHeader {
    pub(super) study_instance_uid: Option<String>,
    pub(super) series_instance_uid: Option<String>,
    pub(super) sop_class_uid: Option<String>,
    pub(super) sop_instance_uid: Option<String>,
    pub(super) modality: Option<String>,
    pub(super) series_description: Option<String>,
    pub(super) photometric_interpretation: Option<String>,
    /// An unusable series number keeps its text, which the manifest carries instead.
    pub(super) series_number: Parsed<f64>,
    pub(super) instance_number: Parsed<f64>,
    pub(super) rows: Parsed<f64>,
    pub(super) columns: Parsed<f64>,
    pub(super) bits_allocated: Parsed<f64>,
    pub(super) bits_stored: Parsed<f64>,
    pub(super) high_bit: Parsed<f64>,
    pub(super) pixel_representation: Parsed<f64>,
    pub(super) samples_per_pixel: Parsed<f64>,
    pub(super) number_of_frames: Parsed<f64>,
    pub(super) rescale_intercept: Parsed<f64>,
    pub(super) rescale_slope: Parsed<f64>,
    pub(super) pixel_data: Option<PixelData>,
    /// Whether the walk reached an element that ends the header (Pixel Data or the
    /// functional groups), rather than the end of the bytes.
    pub(super) reached_header_end: bool,
    /// Why reading stopped before the end of the header; the fields hold what came before.
    pub(super) problem: Option<Skip>,
}

impl SopHeader {
    pub fn study_instance_uid(&self) -> Option<&str> {
        self.study_instance_uid.as_deref()
    }

    pub fn sop_instance_uid(&self) -> Option<&str> {
        self.sop_instance_uid.as_deref()
    }

    /// Why the header could not be read to its end, if it could not.
    pub fn problem(&self) -> Option<&Skip> {
        self.problem.as_ref()
    }
}

/// Reads the header of one DICOM object from its bytes: the whole file or any prefix
/// that reaches Pixel Data. Never fails: a header that cannot be read completely
/// records why in [`SopHeader::problem`].
pub fn read_sop_header(bytes: &[u8]) -> SopHeader {
    match locate(bytes) {
        Err(problem) => Raw::default().finish(Encoding::EXPLICIT_LITTLE, Some(problem)),
        Ok(DataSet::Plain {
            bytes,
            start,
            declared,
        }) => {
            let encoding = resolve_encoding(declared, &bytes[start..]);
            let mut raw = Raw::default();
            let outcome =
                Walker::new(bytes, start)
                    .top_level(encoding, ends_header, |tag, value| raw.keep(tag, value));
            raw.stop = outcome.as_ref().ok().copied();
            raw.finish(encoding, outcome.err())
        }
        Ok(DataSet::Deflated(inflater)) => read_deflated(inflater),
    }
}

/// Inflates 64 KiB, then four times more each time the walk runs out, up to the limit.
fn read_deflated(mut inflater: Inflater<'_>) -> SopHeader {
    let mut size = 64 << 10;
    loop {
        inflater.fill(size);
        let bytes = inflater.inflated.as_slice();
        let encoding = resolve_encoding(Some(inflater.declared), bytes);
        let mut raw = Raw::default();
        let outcome = Walker::new(bytes, 0)
            .top_level(encoding, ends_header, |tag, value| raw.keep(tag, value));
        let ran_out = matches!(outcome, Ok(Stop::EndOfBytes))
            || matches!(&outcome, Err(problem) if problem.code == super::SkipCode::TruncatedHeader);
        if ran_out
            && inflater.state == super::source::InflateState::More
            && size <= MAX_HEADER_BYTES
        {
            size *= 4;
            continue;
        }
        let (stop, problem) = match outcome {
            Ok(Stop::EndOfBytes) => (Some(Stop::EndOfBytes), inflater.end_problem()),
            Ok(stop) => (Some(stop), None),
            Err(problem) if ran_out => (None, inflater.end_problem().or(Some(problem))),
            Err(problem) => (None, Some(problem)),
        };
        raw.stop = stop.filter(|_| problem.is_none());
        return raw.finish(encoding, problem);
    }
}

fn wanted_index(tag: Tag) -> Option<usize> {
    WANTED
        .binary_search_by(|attribute| attribute.tag.cmp(&tag))
        .ok()
}

/// The raw values a walk kept, borrowed from the input.
#[derive(Default)]
struct Raw<'a> {
    values: [Option<&'a [u8]>; WANTED.len()],
    stop: Option<Stop>,
}

impl<'a> Raw<'a> {
    fn keep(&mut self, tag: Tag, value: &'a [u8]) {
        if let Some(index) = wanted_index(tag) {
            self.values[index] = Some(value);
        }
    }

    fn get(&self, attribute: Attribute) -> Option<&'a [u8]> {
        wanted_index(attribute.tag).and_then(|index| self.values[index])
    }

    fn finish(&self, encoding: Encoding, problem: Option<Skip>) -> SopHeader {
        let charset = self
            .get(SPECIFIC_CHARACTER_SET)
            .and_then(values::character_set);
        let text = |attribute| values::text(self.get(attribute));
        let integer = |attribute| values::integer_string(self.get(attribute));
        let decimal = |attribute| values::decimal_string(self.get(attribute));
        let unsigned = |attribute| values::unsigned_short(self.get(attribute), encoding);
        let pixel_data = match self.stop {
            Some(Stop::At(PIXEL_DATA)) => Some(PixelData::Integer),
            Some(Stop::At(FLOAT_PIXEL_DATA)) => Some(PixelData::Float),
            Some(Stop::At(DOUBLE_FLOAT_PIXEL_DATA)) => Some(PixelData::DoubleFloat),
            _ => None,
        };
        SopHeader {
            study_instance_uid: text(STUDY_INSTANCE_UID),
            series_instance_uid: text(SERIES_INSTANCE_UID),
            sop_class_uid: text(SOP_CLASS_UID),
            sop_instance_uid: text(SOP_INSTANCE_UID),
            modality: text(MODALITY),
            series_description: self
                .get(SERIES_DESCRIPTION)
                .map(|raw| values::text_first_value(raw, charset.as_ref()))
                .filter(|description| !description.is_empty()),
            photometric_interpretation: text(PHOTOMETRIC_INTERPRETATION),
            series_number: integer(SERIES_NUMBER),
            instance_number: integer(INSTANCE_NUMBER),
            rows: unsigned(ROWS),
            columns: unsigned(COLUMNS),
            bits_allocated: unsigned(BITS_ALLOCATED),
            bits_stored: unsigned(BITS_STORED),
            high_bit: unsigned(HIGH_BIT),
            pixel_representation: unsigned(PIXEL_REPRESENTATION),
            samples_per_pixel: unsigned(SAMPLES_PER_PIXEL),
            number_of_frames: integer(NUMBER_OF_FRAMES),
            rescale_intercept: decimal(RESCALE_INTERCEPT),
            rescale_slope: decimal(RESCALE_SLOPE),
            pixel_data,
            reached_header_end: matches!(self.stop, Some(Stop::At(_))),
            problem,
        }
    }
}
