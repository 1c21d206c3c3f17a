//! The manifest builder on headers written here: every encoding, the skip codes, the
//! bounds on hostile inputs, grouping, ordering and duplicates. Real files are in
//! `manifest_vectors.rs`.

#![cfg(feature = "manifest")]

use std::io::{Read, Write};

use avara::manifest::{
    BuiltManifest, MAX_HEADER_BYTES, MAX_HEADER_ELEMENTS, MAX_SEQUENCE_DEPTH, ManifestBuilder,
    SkipCode, build_manifest, read_sop_header, read_sop_header_from,
};
use avara::webhooks::responses::{SeriesNumber, StudyAccessRequestedResponse};
use dicom_encoding::{Codec, TransferSyntaxIndex};
use dicom_transfer_syntax_registry::TransferSyntaxRegistry;

const STUDY: &str = "1.2.826.0.1.3680043.8.498.1";
const SERIES: &str = "1.2.826.0.1.3680043.8.498.2";
const CT: &str = "1.2.840.10008.5.1.4.1.1.2";
const ENHANCED_CT: &str = "1.2.840.10008.5.1.4.1.1.2.1";
const BASIC_TEXT_SR: &str = "1.2.840.10008.5.1.4.1.1.88.11";

const EXPLICIT_LE: &str = "1.2.840.10008.1.2.1";
const IMPLICIT_LE: &str = "1.2.840.10008.1.2";
const EXPLICIT_BE: &str = "1.2.840.10008.1.2.2";
const DEFLATED: &str = "1.2.840.10008.1.2.1.99";

/// Writes data set elements in one encoding; values are padded to even lengths.
struct DataSet {
    big_endian: bool,
    explicit_vr: bool,
    bytes: Vec<u8>,
}

impl DataSet {
    fn new(big_endian: bool, explicit_vr: bool) -> Self {
        Self {
            big_endian,
            explicit_vr,
            bytes: Vec::new(),
        }
    }

    fn explicit_le() -> Self {
        Self::new(false, true)
    }

    fn u16(&mut self, value: u16) {
        let bytes = if self.big_endian {
            value.to_be_bytes()
        } else {
            value.to_le_bytes()
        };
        self.bytes.extend_from_slice(&bytes);
    }

    fn u32(&mut self, value: u32) {
        let bytes = if self.big_endian {
            value.to_be_bytes()
        } else {
            value.to_le_bytes()
        };
        self.bytes.extend_from_slice(&bytes);
    }

    fn header(&mut self, (group, element): (u16, u16), vr: &str, length: u32) {
        self.u16(group);
        self.u16(element);
        if !self.explicit_vr || group == 0xFFFE {
            self.u32(length);
        } else if matches!(
            vr,
            "OB" | "OW" | "OF" | "SQ" | "UN" | "UT" | "UC" | "UR" | "OD" | "OL" | "OV"
        ) {
            self.bytes.extend_from_slice(vr.as_bytes());
            self.bytes.extend_from_slice(&[0, 0]);
            self.u32(length);
        } else {
            self.bytes.extend_from_slice(vr.as_bytes());
            self.u16(u16::try_from(length).expect("a short value"));
        }
    }

    fn raw(mut self, tag: (u16, u16), vr: &str, value: &[u8]) -> Self {
        let mut value = value.to_vec();
        if value.len() % 2 == 1 {
            value.push(if vr == "UI" { 0 } else { b' ' });
        }
        self.header(tag, vr, u32::try_from(value.len()).expect("fits"));
        self.bytes.extend_from_slice(&value);
        self
    }

    fn text(self, tag: (u16, u16), vr: &str, value: &str) -> Self {
        self.raw(tag, vr, value.as_bytes())
    }

    fn us(self, tag: (u16, u16), value: u16) -> Self {
        let bytes = if self.big_endian {
            value.to_be_bytes()
        } else {
            value.to_le_bytes()
        };
        self.raw(tag, "US", &bytes)
    }

    /// The SOP, study and series attributes of a CT slice, up to (not with) pixel data.
    fn ct_slice(self, sop_instance_uid: &str, instance_number: &str) -> Self {
        self.text((0x0008, 0x0016), "UI", CT)
            .text((0x0008, 0x0018), "UI", sop_instance_uid)
            .text((0x0008, 0x0060), "CS", "CT")
            .text((0x0008, 0x103E), "LO", "Axial")
            .text((0x0020, 0x000D), "UI", STUDY)
            .text((0x0020, 0x000E), "UI", SERIES)
            .text((0x0020, 0x0011), "IS", "3")
            .text((0x0020, 0x0013), "IS", instance_number)
            .us((0x0028, 0x0002), 1)
            .text((0x0028, 0x0004), "CS", "MONOCHROME2")
            .us((0x0028, 0x0010), 512)
            .us((0x0028, 0x0011), 512)
            .us((0x0028, 0x0100), 16)
            .us((0x0028, 0x0101), 12)
            .us((0x0028, 0x0102), 11)
            .us((0x0028, 0x0103), 1)
            .text((0x0028, 0x1052), "DS", "-1024")
            .text((0x0028, 0x1053), "DS", "1")
    }

    /// A Pixel Data header of `length` bytes with the first of them.
    fn pixel_data(mut self, length: u32) -> Self {
        self.header((0x7FE0, 0x0010), "OW", length);
        self.bytes.extend_from_slice(&[0; 64]);
        self
    }

    fn undefined(mut self, tag: (u16, u16), vr: &str) -> Self {
        self.header(tag, vr, u32::MAX);
        self
    }

    fn item(mut self) -> Self {
        self.header((0xFFFE, 0xE000), "", u32::MAX);
        self
    }

    fn item_end(mut self) -> Self {
        self.header((0xFFFE, 0xE00D), "", 0);
        self
    }

    fn sequence_end(mut self) -> Self {
        self.header((0xFFFE, 0xE0DD), "", 0);
        self
    }
}

/// A DICOM file: preamble, `DICM`, a File Meta group naming `transfer_syntax`, `data_set`.
fn file(transfer_syntax: &str, data_set: &[u8]) -> Vec<u8> {
    let meta = DataSet::explicit_le()
        .raw((0x0002, 0x0001), "OB", &[0, 1])
        .text((0x0002, 0x0002), "UI", CT)
        .text((0x0002, 0x0010), "UI", transfer_syntax)
        .bytes;
    let mut bytes = vec![0; 128];
    bytes.extend_from_slice(b"DICM");
    bytes.extend_from_slice(&meta);
    bytes.extend_from_slice(data_set);
    bytes
}

fn deflate(data_set: &[u8]) -> Vec<u8> {
    let syntax = TransferSyntaxRegistry
        .get(DEFLATED)
        .expect("deflate is registered");
    let Codec::Dataset(Some(adapter)) = syntax.codec() else {
        panic!("deflate adapts data sets")
    };
    let mut deflated = Vec::new();
    {
        let mut writer = adapter.adapt_writer(Box::new(&mut deflated));
        writer.write_all(data_set).expect("deflates");
    }
    deflated
}

fn ct_file(transfer_syntax: &str, sop_instance_uid: &str, instance_number: &str) -> Vec<u8> {
    let (big_endian, explicit_vr) = match transfer_syntax {
        IMPLICIT_LE => (false, false),
        EXPLICIT_BE => (true, true),
        _ => (false, true),
    };
    let data_set = DataSet::new(big_endian, explicit_vr)
        .ct_slice(sop_instance_uid, instance_number)
        .pixel_data(524_288);
    file(transfer_syntax, &data_set.bytes)
}

fn build(items: Vec<(&str, Vec<u8>)>) -> BuiltManifest {
    build_manifest(STUDY, items).expect("a valid study UID")
}

fn only_skip(built: &BuiltManifest) -> (SkipCode, &str, bool) {
    match built.skipped.as_slice() {
        [skip] => (skip.code, skip.reason.as_str(), skip.listed),
        other => panic!("expected one skip, got {other:?}"),
    }
}

#[test]
fn every_encoding_gives_the_same_sop() {
    let reference = build(vec![("ct", ct_file(EXPLICIT_LE, "1.2.3.1", "7"))]);
    assert!(reference.skipped.is_empty(), "{:?}", reference.skipped);
    let sop = &reference.manifest.series[0].sops[0];
    assert_eq!(
        (sop.rows, sop.bits_stored, sop.rescale_intercept),
        (Some(512.0), Some(12.0), Some(-1024.0))
    );
    assert_eq!(sop.instance_number, Some(7.0));
    let no_meta = |big_endian, explicit_vr| {
        DataSet::new(big_endian, explicit_vr)
            .ct_slice("1.2.3.1", "7")
            .pixel_data(524_288)
            .bytes
    };
    let deflated_data_set = deflate(
        &DataSet::explicit_le()
            .ct_slice("1.2.3.1", "7")
            .pixel_data(524_288)
            .bytes,
    );
    for (label, bytes) in [
        (
            "implicit VR little endian",
            ct_file(IMPLICIT_LE, "1.2.3.1", "7"),
        ),
        (
            "explicit VR big endian",
            ct_file(EXPLICIT_BE, "1.2.3.1", "7"),
        ),
        ("deflated", file(DEFLATED, &deflated_data_set)),
        (
            "no File Meta, explicit VR little endian",
            no_meta(false, true),
        ),
        (
            "no File Meta, implicit VR little endian",
            no_meta(false, false),
        ),
        ("no File Meta, explicit VR big endian", no_meta(true, true)),
        (
            "declared explicit, written implicit",
            file(EXPLICIT_LE, &no_meta(false, false)),
        ),
        (
            "an unknown transfer syntax",
            file("1.2.3.4.5.6", &no_meta(false, true)),
        ),
    ] {
        let built = build(vec![("ct", bytes)]);
        assert_eq!(
            built.manifest, reference.manifest,
            "{label}: {:?}",
            built.skipped
        );
    }
}

#[test]
fn a_prefix_reaching_pixel_data_is_enough() {
    let whole = ct_file(EXPLICIT_LE, "1.2.3.1", "1");
    let reference = build(vec![("ct", whole.clone())]).manifest;
    let pixel_data_at = whole.len() - 12 - 64;
    for cut in [pixel_data_at + 12, pixel_data_at + 20, whole.len()] {
        assert_eq!(
            build(vec![("ct", whole[..cut].to_vec())]).manifest,
            reference,
            "cut at {cut}"
        );
    }
    for cut in [pixel_data_at + 5, pixel_data_at - 3, 300, 133] {
        let built = build(vec![("ct", whole[..cut].to_vec())]);
        let (code, reason, _) = only_skip(&built);
        assert_eq!(
            (code, reason),
            (
                SkipCode::TruncatedHeader,
                "header extends past the given bytes"
            ),
            "cut at {cut}"
        );
    }
    let preamble_only = build(vec![("ct", whole[..40].to_vec())]);
    let (code, reason, _) = only_skip(&preamble_only);
    assert_eq!(
        code,
        SkipCode::NotDicom,
        "40 bytes of a preamble could be anything: {reason}"
    );
    assert!(reason.contains("too few"), "{reason}");
}

#[test]
fn a_truncated_object_of_the_study_stays_listed() {
    let whole = ct_file(EXPLICIT_LE, "1.2.3.1", "1");
    let cut = whole
        .windows(11)
        .position(|window| window == b"MONOCHROME2")
        .expect("present")
        + 3;
    let built = build(vec![("ct", whole[..cut].to_vec())]);
    assert_eq!(
        only_skip(&built),
        (
            SkipCode::TruncatedHeader,
            "header extends past the given bytes",
            true
        )
    );
    assert_eq!(built.urls, ["ct"]);
    let before_the_study = build(vec![("ct", whole[..200].to_vec())]);
    assert!(
        !only_skip(&before_the_study).2,
        "the study is unknown, so the URL is not listed"
    );
    assert!(before_the_study.urls.is_empty());
}

#[test]
fn inputs_that_are_not_dicom_are_skipped() {
    for (label, bytes) in [
        ("empty", Vec::new()),
        (
            "text",
            b"Hello, this is certainly not a DICOM header at all".to_vec(),
        ),
        ("json", br#"{"studyInstanceUID": "1.2.3"}"#.to_vec()),
        (
            "a gzip stream",
            vec![0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3],
        ),
        ("one byte", vec![8]),
    ] {
        let built = build(vec![(label, bytes)]);
        assert_eq!(only_skip(&built).0, SkipCode::NotDicom, "{label}");
        assert!(built.urls.is_empty(), "{label}");
    }
}

#[test]
fn corrupt_structures_are_malformed_never_a_panic() {
    let stray_item = DataSet::explicit_le()
        .ct_slice("1.2.3.1", "1")
        .item()
        .pixel_data(8)
        .bytes;
    assert_eq!(
        only_skip(&build(vec![("stray", file(EXPLICIT_LE, &stray_item))])).0,
        SkipCode::Malformed
    );
    let bad_item = DataSet::explicit_le()
        .ct_slice("1.2.3.1", "1")
        .undefined((0x0009, 0x1010), "SQ")
        .text((0x0009, 0x1011), "LO", "not an item")
        .bytes;
    assert_eq!(
        only_skip(&build(vec![("bad", file(EXPLICIT_LE, &bad_item))])).0,
        SkipCode::Malformed
    );
    let deflated = file(
        DEFLATED,
        b"this is not a deflate stream, just text padded out",
    );
    assert!(matches!(
        only_skip(&build(vec![("deflate", deflated)])).0,
        SkipCode::Malformed | SkipCode::TruncatedHeader
    ));

    // Every byte flipped in turn, and every cut: each input gets an outcome and nothing panics.
    let whole = ct_file(EXPLICIT_LE, "1.2.3.1", "1");
    let pixel_data_at = whole.len() - 12 - 64;
    for index in 0..pixel_data_at + 12 {
        for flip in [0xFF, 0x80, 0x01] {
            let mut bytes = whole.clone();
            bytes[index] ^= flip;
            read_sop_header(&bytes);
        }
        read_sop_header(&whole[..index]);
    }
}

#[test]
fn undefined_length_sequences_are_walked_in_either_vr() {
    // PS3.5 §6.2.2: an undefined-length UN holds implicit VR items, even in explicit VR.
    let implicit_inside = DataSet::new(false, false)
        .text((0x0011, 0x1001), "LO", "private")
        .bytes;
    let mut data_set = DataSet::explicit_le()
        .ct_slice("1.2.3.1", "1")
        .undefined((0x0019, 0x1010), "UN")
        .item();
    data_set.bytes.extend_from_slice(&implicit_inside);
    let data_set = data_set
        .item_end()
        .sequence_end()
        .undefined((0x0029, 0x1010), "SQ")
        .item()
        .text((0x0029, 0x0010), "LO", "explicit inside")
        .undefined((0x0029, 0x1020), "SQ")
        .item()
        .item_end()
        .sequence_end()
        .item_end()
        .sequence_end()
        .pixel_data(8);
    let built = build(vec![("ct", file(EXPLICIT_LE, &data_set.bytes))]);
    assert!(built.skipped.is_empty(), "{:?}", built.skipped);
}

#[test]
fn work_is_bounded_per_input() {
    let mut many = DataSet::explicit_le().ct_slice("1.2.3.1", "1");
    for index in 0..MAX_HEADER_ELEMENTS + 10 {
        many = many.raw((0x0029, 0x1000 + (index % 0xF000) as u16), "OB", &[]);
    }
    let built = build(vec![("many", file(EXPLICIT_LE, &many.pixel_data(8).bytes))]);
    assert_eq!(only_skip(&built).0, SkipCode::TooComplex);
    assert_eq!(built.urls, ["many"], "the study was read before the limit");

    let mut deep = DataSet::explicit_le().ct_slice("1.2.3.1", "1");
    for _ in 0..=MAX_SEQUENCE_DEPTH {
        deep = deep.undefined((0x0029, 0x1010), "SQ").item();
    }
    let built = build(vec![("deep", file(EXPLICIT_LE, &deep.bytes))]);
    assert_eq!(only_skip(&built).0, SkipCode::TooComplex);

    let large = DataSet::explicit_le().ct_slice("1.2.3.1", "1").raw(
        (0x0029, 0x1010),
        "OB",
        &vec![0; MAX_HEADER_BYTES],
    );
    let built = build(vec![(
        "large",
        file(EXPLICIT_LE, &large.pixel_data(8).bytes),
    )]);
    assert_eq!(only_skip(&built).0, SkipCode::TooLarge);

    // A deflate bomb: far more zeros than the limit in a few kilobytes; inflating stops at the limit.
    let bomb = DataSet::explicit_le().ct_slice("1.2.3.1", "1").raw(
        (0x0029, 0x1010),
        "OB",
        &vec![0; 2 * MAX_HEADER_BYTES],
    );
    let deflated = deflate(&bomb.pixel_data(8).bytes);
    assert!(deflated.len() < 1 << 20);
    assert_eq!(
        only_skip(&build(vec![("bomb", file(DEFLATED, &deflated))])).0,
        SkipCode::TooLarge
    );
}

#[test]
fn enhanced_multiframe_objects_are_listed_without_their_functional_groups() {
    let mut enhanced = DataSet::explicit_le().ct_slice("1.2.3.9", "1");
    enhanced.bytes = enhanced
        .bytes
        .replace_first(CT.as_bytes(), ENHANCED_CT.as_bytes());
    // The per-frame groups of a long acquisition: never read, so never too large.
    let enhanced = enhanced
        .raw((0x5200, 0x9230), "SQ", &vec![0; MAX_HEADER_BYTES + 1024])
        .pixel_data(8);
    let built = build(vec![
        ("enhanced", file(EXPLICIT_LE, &enhanced.bytes)),
        ("ct", ct_file(EXPLICIT_LE, "1.2.3.1", "1")),
    ]);
    let (code, reason, listed) = only_skip(&built);
    assert_eq!(
        (code, listed),
        (SkipCode::EnhancedMultiframe, true),
        "{reason}"
    );
    assert_eq!(built.urls.len(), 2);
    assert_eq!(built.manifest.series[0].sops.len(), 1);
}

trait ReplaceFirst {
    fn replace_first(&self, from: &[u8], to: &[u8]) -> Vec<u8>;
}

impl ReplaceFirst for Vec<u8> {
    /// Swaps one UI value for another, fixing its length field (explicit VR little endian).
    fn replace_first(&self, from: &[u8], to: &[u8]) -> Vec<u8> {
        let at = self
            .windows(from.len())
            .position(|window| window == from)
            .expect("present");
        let mut padded = to.to_vec();
        if padded.len() % 2 == 1 {
            padded.push(0);
        }
        let old_length = usize::from(u16::from_le_bytes([self[at - 2], self[at - 1]]));
        let mut out = self[..at - 2].to_vec();
        out.extend_from_slice(&u16::try_from(padded.len()).expect("short").to_le_bytes());
        out.extend_from_slice(&padded);
        out.extend_from_slice(&self[at + old_length..]);
        out
    }
}

#[test]
fn required_attributes_depend_on_the_sop_class() {
    let without_rows = DataSet::explicit_le()
        .text((0x0008, 0x0016), "UI", CT)
        .text((0x0008, 0x0018), "UI", "1.2.3.1")
        .text((0x0008, 0x0060), "CS", "CT")
        .text((0x0020, 0x000D), "UI", STUDY)
        .text((0x0020, 0x000E), "UI", SERIES)
        .pixel_data(8);
    let built = build(vec![("ct", file(EXPLICIT_LE, &without_rows.bytes))]);
    let (code, reason, listed) = only_skip(&built);
    assert_eq!((code, listed), (SkipCode::MissingAttribute, true));
    assert!(reason.starts_with("Rows (0028,0010)"), "{reason}");

    let report = DataSet::explicit_le()
        .text((0x0008, 0x0016), "UI", BASIC_TEXT_SR)
        .text((0x0008, 0x0018), "UI", "1.2.3.2")
        .text((0x0008, 0x0060), "CS", "SR")
        .text((0x0020, 0x000D), "UI", STUDY)
        .text((0x0020, 0x000E), "UI", "1.2.3.20");
    let built = build(vec![("sr", file(EXPLICIT_LE, &report.bytes))]);
    assert!(
        built.skipped.is_empty(),
        "an SR needs no geometry: {:?}",
        built.skipped
    );
    let series = &built.manifest.series[0];
    assert_eq!(
        (series.series_description.as_str(), &series.series_number),
        ("SR", &SeriesNumber::Text(String::new()))
    );

    // A repeated attribute counts with its last value, as in pydicom.
    let twelve_bits = DataSet::explicit_le()
        .ct_slice("1.2.3.3", "1")
        .us((0x0028, 0x0100), 12)
        .pixel_data(8);
    let built = build(vec![("ct", file(EXPLICIT_LE, &twelve_bits.bytes))]);
    let (code, reason, listed) = only_skip(&built);
    assert_eq!(
        (code, listed),
        (SkipCode::InvalidAttribute, true),
        "{reason}"
    );
    assert!(
        reason.contains("bitsAllocated"),
        "the Viewer's reason names the field: {reason}"
    );
}

#[test]
fn text_follows_the_specific_character_set() {
    let described = |charset: &str, description: &[u8]| {
        let data_set = DataSet::explicit_le()
            .text((0x0008, 0x0005), "CS", charset)
            .ct_slice("1.2.3.1", "1")
            .raw((0x0008, 0x103E), "LO", description)
            .pixel_data(8);
        // ct_slice wrote Axial first; the later value is the one read.
        build(vec![("ct", file(EXPLICIT_LE, &data_set.bytes))])
            .manifest
            .series[0]
            .series_description
            .clone()
    };
    assert_eq!(
        described("ISO_IR 192", "Thorax – axial".as_bytes()),
        "Thorax – axial"
    );
    assert_eq!(described("ISO_IR 100", b"Th\xf6rax"), "Thörax");
    assert_eq!(
        described("", b"Th\xf6rax"),
        "Thörax",
        "no character set reads as ISO 8859-1, as pydicom does"
    );
}

#[test]
fn series_and_slices_are_ordered_and_duplicates_listed_once() {
    let slice = |series: &str, number: &str, sop: &str, instance: &str| {
        let data_set = DataSet::explicit_le()
            .ct_slice(sop, instance)
            .text((0x0020, 0x000E), "UI", series)
            .text((0x0020, 0x0011), "IS", number)
            .pixel_data(8);
        file(EXPLICIT_LE, &data_set.bytes)
    };
    let inputs = vec![
        ("s10-b", slice("1.2.10", "10", "1.2.3.10", "2")),
        ("s2-c", slice("1.2.2", "2", "1.2.3.20", "")),
        ("s2-a", slice("1.2.2", "2", "1.2.3.3", "1")),
        ("s2-b", slice("1.2.2", "2", "1.2.3.21", "1")),
        ("text", slice("1.2.7", "A1", "1.2.3.7", "1")),
        ("dup-z", slice("1.2.10", "10", "1.2.3.11", "1")),
        ("dup-a", slice("1.2.10", "10", "1.2.3.11", "1")),
    ];
    let built = build(inputs.clone());
    // No instance number counts as 0; UIDs compare as text, so 1.2.3.21 sorts before 1.2.3.3.
    assert_eq!(
        built.urls,
        ["s2-c", "s2-b", "s2-a", "dup-a", "s10-b", "text"]
    );
    let numbers: Vec<&SeriesNumber> = built
        .manifest
        .series
        .iter()
        .map(|series| &series.series_number)
        .collect();
    assert_eq!(
        numbers,
        [
            &SeriesNumber::Number(2),
            &SeriesNumber::Number(10),
            &SeriesNumber::Text("A1".into())
        ]
    );
    let (code, reason, listed) = only_skip(&built);
    assert_eq!((code, listed), (SkipCode::DuplicateSopInstance, false));
    assert!(reason.contains("dup-a"), "{reason}");

    let mut reversed = inputs;
    reversed.reverse();
    let again = build(reversed);
    assert_eq!(
        (again.urls, again.manifest),
        (built.urls, built.manifest),
        "input order does not matter"
    );
}

#[test]
fn other_studies_stay_out_and_the_requested_uid_is_checked() {
    let other = DataSet::explicit_le()
        .ct_slice("1.2.3.1", "1")
        .text((0x0020, 0x000D), "UI", "1.2.999")
        .pixel_data(8);
    let built = build(vec![("other", file(EXPLICIT_LE, &other.bytes))]);
    assert_eq!(only_skip(&built).0, SkipCode::StudyMismatch);
    assert!(built.urls.is_empty() && built.manifest.series.is_empty());

    let error = ManifestBuilder::new("1.2.03").expect_err("not a UID");
    assert_eq!(
        (error.field, error.code()),
        ("studyInstanceUid", "invalid_params")
    );
    assert!(build_manifest("", [("a", b"")]).is_err());
}

/// Counts the bytes a reader hands out.
struct Counted<'a> {
    bytes: &'a [u8],
    handed_out: usize,
}

impl Read for Counted<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = (&self.bytes[self.handed_out..]).read(buffer)?;
        self.handed_out += read;
        Ok(read)
    }
}

fn read_counting(bytes: &[u8]) -> (avara::manifest::SopHeader, usize) {
    let mut counted = Counted {
        bytes,
        handed_out: 0,
    };
    let header = read_sop_header_from(&mut counted).expect("reading from memory works");
    (header, counted.handed_out)
}

#[test]
fn a_stream_is_read_only_as_far_as_the_header_goes() {
    let mut large_image = ct_file(EXPLICIT_LE, "1.2.3.1", "1");
    large_image.resize(large_image.len() + (8 << 20), 0);
    let (header, read) = read_counting(&large_image);
    assert_eq!(header, read_sop_header(&large_image));
    assert!(read <= 64 << 10, "read {read} bytes of an 8 MiB image");

    let mut long_header = DataSet::explicit_le().ct_slice("1.2.3.1", "1").raw(
        (0x0029, 0x1010),
        "OB",
        &vec![7; 300_000],
    );
    long_header = long_header.pixel_data(8 << 20);
    let mut bytes = file(EXPLICIT_LE, &long_header.bytes);
    bytes.resize(bytes.len() + (8 << 20), 0);
    let (header, read) = read_counting(&bytes);
    assert_eq!(
        (header.problem(), read),
        (None, 1 << 20),
        "64 KiB, then 256 KiB, then 1 MiB"
    );

    // Without Pixel Data, only the end of the stream ends the header.
    let report = DataSet::explicit_le().ct_slice("1.2.3.2", "1").raw(
        (0x0029, 0x1010),
        "OB",
        &vec![7; 100_000],
    );
    let bytes = file(EXPLICIT_LE, &report.bytes);
    let (header, read) = read_counting(&bytes);
    assert_eq!((header, read), (read_sop_header(&bytes), bytes.len()));

    let huge = DataSet::explicit_le().ct_slice("1.2.3.3", "1").raw(
        (0x0029, 0x1010),
        "OB",
        &vec![0; 2 * MAX_HEADER_BYTES],
    );
    let bytes = file(EXPLICIT_LE, &huge.pixel_data(8).bytes);
    let (header, read) = read_counting(&bytes);
    assert_eq!(
        header.problem().map(|problem| problem.code),
        Some(SkipCode::TooLarge)
    );
    assert!(read <= MAX_HEADER_BYTES + (64 << 10), "read {read} bytes");
}

#[test]
fn headers_read_elsewhere_can_be_added() {
    let bytes = ct_file(EXPLICIT_LE, "1.2.3.1", "1");
    let header = std::thread::spawn(move || read_sop_header(&bytes))
        .join()
        .expect("read on another thread");
    assert_eq!(header.study_instance_uid(), Some(STUDY));
    let mut builder = ManifestBuilder::new(STUDY).expect("valid");
    builder.add_header("ct", header);
    assert_eq!(builder.finish().manifest.series.len(), 1);
}

#[test]
fn the_answer_takes_the_built_manifest() {
    let built = build(vec![
        ("ct", ct_file(EXPLICIT_LE, "1.2.3.1", "1")),
        ("junk", b"junk".to_vec()),
    ]);
    let answer = StudyAccessRequestedResponse::authorized_with_manifest(built.clone());
    assert_eq!(answer.urls, ["ct"]);
    assert_eq!(answer.manifest.as_ref(), Some(&built.manifest));
    let json: serde_json::Value =
        serde_json::from_str(&answer.to_json().expect("valid")).expect("JSON");
    assert_eq!(json["manifest"]["series"][0]["sops"][0]["rows"], 512);

    let nothing = build(vec![("junk", b"junk".to_vec())]);
    let answer: StudyAccessRequestedResponse = nothing.into();
    assert!(answer.authorized && answer.manifest.is_none() && answer.urls.is_empty());
}

#[test]
fn skip_codes_are_stable() {
    let codes: Vec<&str> = SkipCode::ALL.iter().map(|code| code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "not_dicom",
            "truncated_header",
            "malformed",
            "too_large",
            "too_complex",
            "missing_attribute",
            "invalid_attribute",
            "study_mismatch",
            "duplicate_sop_instance",
            "enhanced_multiframe"
        ]
    );
    for code in SkipCode::ALL {
        assert_eq!(
            serde_json::to_value(code).expect("serializes"),
            code.as_str()
        );
    }
}

#[test]
fn the_generic_constructor_takes_a_built_manifest_as_the_bindings_send_it() {
    use avara::webhooks::responses::construct;
    let built = build(vec![("ct/1.dcm", ct_file(EXPLICIT_LE, "1.2.3.1", "1"))]);
    let sent = serde_json::to_value(&built).expect("serializes");
    let answer =
        construct("study.access_requested", "authorized", vec![sent]).expect("a built manifest");
    let expected =
        serde_json::to_value(StudyAccessRequestedResponse::from(built)).expect("serializes");
    assert_eq!(answer, expected);
    assert_eq!(
        answer["manifest"]["series"][0]["sops"][0]["sopInstanceUID"],
        "1.2.3.1"
    );

    let urls = construct(
        "study.access_requested",
        "authorized",
        vec![serde_json::json!(["a", "b"])],
    )
    .expect("URLs");
    assert_eq!(urls["urls"], serde_json::json!(["a", "b"]));
    let error = construct(
        "study.access_requested",
        "authorized",
        vec![serde_json::json!({"urls": []})],
    )
    .expect_err("an object without a manifest");
    assert!(error.message().contains("urls"), "{}", error.message());
}
