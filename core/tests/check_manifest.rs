//! The Viewer's manifest rules (`check_manifest`) and how answers carrying manifests are read.

use avara::webhooks::responses::{
    EphemeralAccessRequestedResponse, ManifestSeries, ManifestSop, SeriesNumber,
    StudyAccessRequestedResponse, StudyManifest, normalize_response_value,
};
use avara::webhooks::{ManifestReport, SopClassKind, check_manifest, sop_class_kind};
use serde_json::{Value, json};

const STUDY: &str = "1.2.3";
const CT: &str = "1.2.840.10008.5.1.4.1.1.2";
const BASIC_TEXT_SR: &str = "1.2.840.10008.5.1.4.1.1.88.11";
const KEY_OBJECT_SELECTION: &str = "1.2.840.10008.5.1.4.1.1.88.59";
const GRAYSCALE_PRESENTATION_STATE: &str = "1.2.840.10008.5.1.4.1.1.11.1";
const ENHANCED_CT: &str = "1.2.840.10008.5.1.4.1.1.2.1";
const XA: &str = "1.2.840.10008.5.1.4.1.1.12.1";
const US_MULTI_FRAME: &str = "1.2.840.10008.5.1.4.1.1.3.1";

fn ct_sop(uid: &str, instance_number: u32) -> Value {
    json!({
        "sopClassUID": CT, "sopInstanceUID": uid, "rows": 512, "columns": 512, "bitsAllocated": 16,
        "bitsStored": 12, "highBit": 11, "pixelRepresentation": 1, "photometricInterpretation": "MONOCHROME2",
        "samplesPerPixel": 1, "rescaleIntercept": -1024, "rescaleSlope": 1, "instanceNumber": instance_number,
    })
}

fn series(uid: &str, sops: Vec<Value>) -> Value {
    json!({"modality": "CT", "seriesDescription": "Axial", "seriesInstanceUID": uid, "seriesNumber": 1, "sops": sops})
}

fn manifest(series: Vec<Value>) -> Value {
    json!({"studyInstanceUID": STUDY, "series": series})
}

fn check(manifest: &Value) -> ManifestReport {
    check_manifest(manifest, Some(STUDY))
}

/// One CT series of a good SOP and `sop`, which sits at `series[0].sops[1]`.
fn beside_a_good_sop(sop: Value) -> ManifestReport {
    check(&manifest(vec![series(
        "1.2.3.1",
        vec![ct_sop("1.2.3.1.1", 1), sop],
    )]))
}

fn edited(mut sop: Value, field: &str, value: Value) -> Value {
    sop[field] = value;
    sop
}

fn without(mut sop: Value, field: &str) -> Value {
    sop.as_object_mut().unwrap().remove(field);
    sop
}

/// The single reason `report` gives, after checking the rest of the manifest still loads.
fn only_reason(report: &ManifestReport) -> &str {
    assert!(report.loaded.is_some(), "{report:#?}");
    assert_eq!(report.skipped.len(), 1, "{report:#?}");
    &report.skipped[0].reason
}

fn loaded_uids(report: &ManifestReport) -> Vec<Vec<&str>> {
    let loaded = report.loaded.as_ref().expect("the manifest is used");
    loaded
        .series
        .iter()
        .map(|s| {
            s.sops
                .iter()
                .map(|sop| sop.sop_instance_uid.as_str())
                .collect()
        })
        .collect()
}

#[test]
fn a_valid_manifest_loads_whole_and_typed() {
    let sr = json!({"sopClassUID": BASIC_TEXT_SR, "sopInstanceUID": "1.2.3.2.1"});
    let mut report_series = series("1.2.3.2", vec![sr]);
    report_series["modality"] = json!("SR");
    report_series["seriesNumber"] = json!("2");
    let report = check(&manifest(vec![
        series("1.2.3.1", vec![ct_sop("1.2.3.1.1", 1)]),
        report_series,
    ]));
    assert_eq!(report.ignored_because, None);
    assert!(report.skipped.is_empty(), "{report:#?}");
    let expected = StudyManifest {
        study_instance_uid: STUDY.into(),
        series: vec![
            ManifestSeries {
                modality: "CT".into(),
                series_description: "Axial".into(),
                series_instance_uid: "1.2.3.1".into(),
                series_number: SeriesNumber::Number(1),
                sops: vec![ManifestSop {
                    sop_class_uid: CT.into(),
                    sop_instance_uid: "1.2.3.1.1".into(),
                    bits_allocated: Some(16.0),
                    bits_stored: Some(12.0),
                    columns: Some(512.0),
                    high_bit: Some(11.0),
                    instance_number: Some(1.0),
                    photometric_interpretation: Some("MONOCHROME2".into()),
                    pixel_representation: Some(1.0),
                    rescale_intercept: Some(-1024.0),
                    rescale_slope: Some(1.0),
                    rows: Some(512.0),
                    samples_per_pixel: Some(1.0),
                    ..ManifestSop::default()
                }],
            },
            ManifestSeries {
                modality: "SR".into(),
                series_description: "Axial".into(),
                series_instance_uid: "1.2.3.2".into(),
                series_number: SeriesNumber::Text("2".into()),
                sops: vec![ManifestSop {
                    sop_class_uid: BASIC_TEXT_SR.into(),
                    sop_instance_uid: "1.2.3.2.1".into(),
                    ..ManifestSop::default()
                }],
            },
        ],
    };
    assert_eq!(report.loaded, Some(expected));
}

#[test]
fn image_sops_need_their_geometry() {
    for field in [
        "rows",
        "columns",
        "bitsAllocated",
        "photometricInterpretation",
        "samplesPerPixel",
    ] {
        let report = beside_a_good_sop(without(ct_sop("1.2.3.1.2", 2), field));
        let reason = only_reason(&report);
        assert!(
            reason.starts_with(&format!("series[0].sops[1].{field} must be "))
                && reason.ends_with("(an image SOP needs it), but it is missing"),
            "{reason}"
        );
        assert_eq!(
            report.skipped[0].field,
            format!("series[0].sops[1].{field}")
        );
        assert_eq!(report.skipped[0].path, "series[0].sops[1]");
        assert_eq!(report.skipped[0].uid.as_deref(), Some("1.2.3.1.2"));
        assert_eq!(loaded_uids(&report), vec![vec!["1.2.3.1.1"]]);
    }
}

#[test]
fn reports_presentation_states_and_key_objects_need_no_geometry() {
    for class in [
        BASIC_TEXT_SR,
        KEY_OBJECT_SELECTION,
        GRAYSCALE_PRESENTATION_STATE,
    ] {
        assert_eq!(
            sop_class_kind(class),
            SopClassKind::ReportOrPresentationState,
            "{class}"
        );
        let report =
            beside_a_good_sop(json!({"sopClassUID": class, "sopInstanceUID": "1.2.3.1.2"}));
        assert!(report.skipped.is_empty(), "{class}: {report:#?}");
        assert_eq!(loaded_uids(&report), vec![vec!["1.2.3.1.2", "1.2.3.1.1"]]);
    }
    // Geometry they do give must still be well formed: the SDK types carry it.
    let report = beside_a_good_sop(
        json!({"sopClassUID": BASIC_TEXT_SR, "sopInstanceUID": "1.2.3.1.2", "rows": "1"}),
    );
    assert_eq!(
        only_reason(&report),
        r#"series[0].sops[1].rows must be a positive integer up to 65535, got "1""#
    );
}

#[test]
fn every_value_rule_names_the_field_and_what_arrived() {
    let cases = [
        (
            "rows",
            json!("512"),
            r#"rows must be a positive integer up to 65535, got "512""#,
        ),
        (
            "rows",
            json!(0),
            "rows must be a positive integer up to 65535, got 0",
        ),
        (
            "rows",
            json!(511.5),
            "rows must be a positive integer up to 65535, got 511.5",
        ),
        (
            "rows",
            json!(65536),
            "rows must be a positive integer up to 65535, got 65536",
        ),
        (
            "columns",
            json!(-512),
            "columns must be a positive integer up to 65535, got -512",
        ),
        (
            "bitsAllocated",
            json!(12),
            "bitsAllocated must be 8, 16 or 32, got 12",
        ),
        (
            "samplesPerPixel",
            json!(2),
            "samplesPerPixel must be 1 (grayscale) or 3 (colour), got 2",
        ),
        (
            "photometricInterpretation",
            json!(2),
            "photometricInterpretation must be text, got 2",
        ),
        (
            "photometricInterpretation",
            json!(""),
            "photometricInterpretation must not be empty",
        ),
        (
            "bitsStored",
            json!(40),
            "bitsStored must be a whole number from 1 to 32, got 40",
        ),
        (
            "highBit",
            json!(-1),
            "highBit must be a whole number from 0 to 31, got -1",
        ),
        (
            "instanceNumber",
            json!(1.5),
            "instanceNumber must be a whole number, got 1.5",
        ),
        (
            "numberOfFrames",
            json!(0),
            "numberOfFrames must be a positive integer, got 0",
        ),
        (
            "pixelRepresentation",
            json!(2),
            "pixelRepresentation must be 0 (unsigned) or 1 (signed), got 2",
        ),
        (
            "rescaleSlope",
            json!("1"),
            r#"rescaleSlope must be a number, got "1""#,
        ),
        (
            "rescaleIntercept",
            json!([-1024]),
            "rescaleIntercept must be a number, got [-1024]",
        ),
        (
            "isFloatPixelData",
            json!("yes"),
            r#"isFloatPixelData must be true or false, got "yes""#,
        ),
        (
            "isDoubleFloatPixelData",
            json!(1),
            "isDoubleFloatPixelData must be true or false, got 1",
        ),
        (
            "sopInstanceUID",
            json!(""),
            "sopInstanceUID must not be empty",
        ),
        (
            "sopInstanceUID",
            json!(7),
            "sopInstanceUID must be text, got 7",
        ),
        (
            "sopClassUID",
            Value::Null,
            "sopClassUID must be non-empty text, but it is missing",
        ),
    ];
    for (field, value, reason) in cases {
        let report = beside_a_good_sop(edited(ct_sop("1.2.3.1.2", 2), field, value));
        assert_eq!(only_reason(&report), format!("series[0].sops[1].{reason}"));
        assert_eq!(loaded_uids(&report), vec![vec!["1.2.3.1.1"]], "{field}");
    }
}

#[test]
fn values_that_pass_are_kept() {
    let colour = edited(
        edited(ct_sop("1.2.3.1.2", 2), "samplesPerPixel", json!(3)),
        "photometricInterpretation",
        json!("RGB"),
    );
    let floats = edited(
        edited(ct_sop("1.2.3.1.3", 3), "bitsAllocated", json!(32)),
        "isFloatPixelData",
        json!(true),
    );
    // Unrecognised interpretations are retained (the Viewer treats them as grayscale).
    let unusual = edited(
        ct_sop("1.2.3.1.4", 4),
        "photometricInterpretation",
        json!("SOMETHING NEW"),
    );
    let report = check(&manifest(vec![series(
        "1.2.3.1",
        vec![colour, floats, unusual],
    )]));
    assert!(report.skipped.is_empty(), "{report:#?}");
    let sops = &report.loaded.unwrap().series[0].sops;
    assert_eq!(sops[0].samples_per_pixel, Some(3.0));
    assert_eq!(sops[1].is_float_pixel_data, Some(true));
    assert_eq!(
        sops[2].photometric_interpretation.as_deref(),
        Some("SOMETHING NEW")
    );
}

#[test]
fn null_counts_as_absent() {
    let optional = edited(ct_sop("1.2.3.1.2", 2), "rescaleSlope", Value::Null);
    assert!(beside_a_good_sop(optional).skipped.is_empty());
    let needed = edited(ct_sop("1.2.3.1.2", 2), "rows", Value::Null);
    assert!(only_reason(&beside_a_good_sop(needed)).ends_with(
        "rows must be a positive integer up to 65535 (an image SOP needs it), but it is missing"
    ));
}

#[test]
fn a_key_in_the_wrong_case_is_pointed_out() {
    let sop = without(ct_sop("1.2.3.1.2", 2), "sopInstanceUID");
    let sop = edited(sop, "sopInstanceUid", json!("1.2.3.1.2"));
    assert_eq!(
        only_reason(&beside_a_good_sop(sop)),
        "series[0].sops[1].sopInstanceUID must be non-empty text, but it is missing (there is `sopInstanceUid`: keys are case-sensitive)"
    );
}

#[test]
fn enhanced_multi_frame_objects_stay_out_of_the_sidecar() {
    assert_eq!(
        sop_class_kind(ENHANCED_CT),
        SopClassKind::EnhancedMultiFrame
    );
    assert_eq!(sop_class_kind(CT), SopClassKind::Image);
    assert_eq!(sop_class_kind("1.2.3.4"), SopClassKind::Image);
    let report = beside_a_good_sop(edited(
        ct_sop("1.2.3.1.2", 2),
        "sopClassUID",
        json!(ENHANCED_CT),
    ));
    assert_eq!(
        only_reason(&report),
        "series[0].sops[1].sopClassUID 1.2.840.10008.5.1.4.1.1.2.1 is an enhanced multi-frame class, which the \
         sidecar does not carry (it loads from the plain URLs)"
    );
}

#[test]
fn several_frames_only_in_multi_frame_classes() {
    let report = beside_a_good_sop(edited(ct_sop("1.2.3.1.2", 2), "numberOfFrames", json!(3)));
    assert_eq!(
        only_reason(&report),
        "series[0].sops[1].numberOfFrames is 3 but CT Image objects hold a single frame"
    );
    for class in [XA, US_MULTI_FRAME] {
        let cine = edited(
            edited(ct_sop("1.2.3.1.2", 2), "numberOfFrames", json!(30)),
            "sopClassUID",
            json!(class),
        );
        assert!(beside_a_good_sop(cine).skipped.is_empty(), "{class}");
    }
    assert!(
        beside_a_good_sop(edited(ct_sop("1.2.3.1.2", 2), "numberOfFrames", json!(1)))
            .skipped
            .is_empty()
    );
}

#[test]
fn a_series_is_discarded_for_its_own_fields() {
    let cases = [
        ("modality", json!(""), "modality must not be empty"),
        (
            "seriesDescription",
            Value::Null,
            "seriesDescription must be non-empty text, but it is missing",
        ),
        (
            "seriesInstanceUID",
            json!(5),
            "seriesInstanceUID must be text, got 5",
        ),
        (
            "seriesNumber",
            json!(true),
            "seriesNumber must be text or a whole number, got true",
        ),
        (
            "seriesNumber",
            json!(1.5),
            "seriesNumber must be text or a whole number, got 1.5",
        ),
        (
            "seriesNumber",
            Value::Null,
            "seriesNumber must be text or a whole number, but it is missing",
        ),
        ("sops", json!({}), "sops must be an array, got {}"),
    ];
    for (field, value, reason) in cases {
        let mut bad = series("1.2.3.2", vec![ct_sop("1.2.3.2.1", 1)]);
        bad[field] = value;
        let report = check(&manifest(vec![
            series("1.2.3.1", vec![ct_sop("1.2.3.1.1", 1)]),
            bad,
        ]));
        assert_eq!(only_reason(&report), format!("series[1].{reason}"));
        assert_eq!(report.skipped[0].path, "series[1]");
        assert_eq!(loaded_uids(&report), vec![vec!["1.2.3.1.1"]]);
    }
    let report = check(&manifest(vec![
        series("1.2.3.1", vec![ct_sop("1.2.3.1.1", 1)]),
        json!("CT"),
    ]));
    assert_eq!(
        only_reason(&report),
        r#"series[1] must be an object, got "CT""#
    );
}

#[test]
fn series_numbers_are_text_or_whole_numbers() {
    for (given, read) in [
        (json!("0007"), SeriesNumber::Text("0007".into())),
        (json!(""), SeriesNumber::Text(String::new())),
        (json!(7), SeriesNumber::Number(7)),
        (json!(7.0), SeriesNumber::Number(7)),
    ] {
        let mut numbered = series("1.2.3.1", vec![ct_sop("1.2.3.1.1", 1)]);
        numbered["seriesNumber"] = given;
        let report = check(&manifest(vec![numbered]));
        assert_eq!(report.loaded.unwrap().series[0].series_number, read);
    }
}

#[test]
fn a_series_without_a_passing_sop_is_discarded_and_says_why_each_failed() {
    let broken = series(
        "1.2.3.2",
        vec![without(ct_sop("1.2.3.2.1", 1), "rows"), json!(null)],
    );
    let report = check(&manifest(vec![
        series("1.2.3.1", vec![ct_sop("1.2.3.1.1", 1)]),
        broken,
    ]));
    let reasons: Vec<&str> = report
        .skipped
        .iter()
        .map(|part| part.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        vec![
            "series[1].sops holds no SOP that passes validation (at least one must)",
            "series[1].sops[0].rows must be a positive integer up to 65535 (an image SOP needs it), but it is missing",
            "series[1].sops[1] must be an object, got null",
        ]
    );
    assert_eq!(report.skipped[0].uid.as_deref(), Some("1.2.3.2"));
    assert_eq!(loaded_uids(&report), vec![vec!["1.2.3.1.1"]]);
}

#[test]
fn sops_load_in_slice_order() {
    let unnumbered = without(ct_sop("1.2.3.1.9", 0), "instanceNumber");
    let sops = vec![
        ct_sop("1.2.3.1.5", 2),
        ct_sop("1.2.3.1.40", 1),
        ct_sop("1.2.3.1.30", 1),
        unnumbered,
        ct_sop("1.2.3.1.1", 0),
    ];
    let report = check(&manifest(vec![series("1.2.3.1", sops)]));
    assert_eq!(
        loaded_uids(&report),
        vec![vec![
            "1.2.3.1.1",
            "1.2.3.1.9",
            "1.2.3.1.30",
            "1.2.3.1.40",
            "1.2.3.1.5"
        ]]
    );
}

#[test]
fn the_whole_manifest_is_ignored_when_nothing_or_the_wrong_study_is_described() {
    let good = || series("1.2.3.1", vec![ct_sop("1.2.3.1.1", 1)]);
    let ignored = |value: Value| {
        let report = check(&value);
        assert_eq!(report.loaded, None, "{report:#?}");
        report.ignored_because.expect("a reason")
    };
    assert_eq!(
        ignored(json!(["x"])),
        r#"the manifest must be an object, got ["x"]"#
    );
    assert_eq!(
        ignored(json!({"studyInstanceUID": STUDY})),
        "series must be an array, but it is missing"
    );
    assert_eq!(
        ignored(json!({"studyInstanceUID": STUDY, "series": []})),
        "no series passes validation (at least one must)"
    );
    assert_eq!(
        ignored(json!({"series": [good()]})),
        "studyInstanceUID must be non-empty text, but it is missing"
    );
    assert_eq!(
        ignored(json!({"studyInstanceUID": "", "series": [good()]})),
        "studyInstanceUID must not be empty"
    );
    let all_bad = manifest(vec![series(
        "1.2.3.1",
        vec![without(ct_sop("1.2.3.1.1", 1), "columns")],
    )]);
    assert_eq!(
        ignored(all_bad.clone()),
        "no series passes validation (at least one must)"
    );
    assert_eq!(check(&all_bad).skipped.len(), 2);

    let elsewhere = json!({"studyInstanceUID": "9.9", "series": [good()]});
    let report = check(&elsewhere);
    assert_eq!(
        report.ignored_because.as_deref(),
        Some(r#"studyInstanceUID is "9.9" but the requested study is "1.2.3""#)
    );
    assert_eq!(report.other_study_uid.as_deref(), Some("9.9"));
    assert!(check(&manifest(vec![good()])).other_study_uid.is_none());
    // Without a requested study (an ephemeral session) the UID is not compared.
    assert!(check_manifest(&elsewhere, None).loaded.is_some());
}

#[test]
fn reasons_quote_long_values_shortened() {
    let long = "M".repeat(100);
    let report = beside_a_good_sop(edited(ct_sop("1.2.3.1.2", 2), "rows", json!(long)));
    assert_eq!(
        only_reason(&report),
        format!(
            "series[0].sops[1].rows must be a positive integer up to 65535, got \"{}…",
            "M".repeat(39)
        )
    );
}

#[test]
fn the_report_serializes_for_the_bindings() {
    let report = beside_a_good_sop(without(ct_sop("1.2.3.1.2", 2), "rows"));
    let value = serde_json::to_value(&report).unwrap();
    assert_eq!(value["loaded"]["studyInstanceUID"], STUDY);
    assert_eq!(value["ignoredBecause"], Value::Null);
    assert_eq!(value["skipped"][0]["field"], "series[0].sops[1].rows");
}

fn study_answer(manifest: Value) -> Value {
    json!({"authorized": true, "urls": ["https://s/1.dcm", "https://s/2.dcm"], "manifest": manifest})
}

#[test]
fn reading_an_answer_keeps_what_the_viewer_loads_and_never_rejects_it_for_the_manifest() {
    let bad_sop = manifest(vec![series(
        "1.2.3.1",
        vec![
            ct_sop("1.2.3.1.1", 1),
            edited(ct_sop("1.2.3.1.2", 2), "rows", json!("512")),
        ],
    )]);
    let read =
        StudyAccessRequestedResponse::from_json(study_answer(bad_sop).to_string().as_bytes())
            .unwrap();
    let kept = read.manifest.expect("the manifest is used");
    assert_eq!(kept.series[0].sops.len(), 1);
    assert_eq!(read.urls.len(), 2);

    for unusable in [
        json!("manifest"),
        json!({"studyInstanceUID": STUDY, "series": []}),
        Value::Null,
    ] {
        let read = StudyAccessRequestedResponse::from_json(
            study_answer(unusable.clone()).to_string().as_bytes(),
        );
        let read = read.unwrap_or_else(|error| panic!("{unusable}: {error}"));
        assert_eq!((read.manifest, read.urls.len()), (None, 2), "{unusable}");
    }

    let ephemeral = json!({"authorized": true, "urls": ["https://s/1.dcm"], "manifests": [
        manifest(vec![series("1.2.3.1", vec![ct_sop("1.2.3.1.1", 1)])]),
        {"studyInstanceUID": "4.5", "series": [series("4.5.1", vec![json!({"sopClassUID": CT, "sopInstanceUID": "4.5.1.1"})])]},
    ]});
    let read =
        EphemeralAccessRequestedResponse::from_json(ephemeral.to_string().as_bytes()).unwrap();
    assert_eq!(read.manifests.unwrap().len(), 1);

    let broken_answer = json!({"authorized": "yes", "urls": [], "manifest": manifest(vec![])});
    assert!(StudyAccessRequestedResponse::from_json(broken_answer.to_string().as_bytes()).is_err());
}

#[test]
fn writing_an_answer_still_refuses_a_manifest_with_empty_text() {
    let mut empty_modality = series("1.2.3.1", vec![ct_sop("1.2.3.1.1", 1)]);
    empty_modality["modality"] = json!("");
    let error = normalize_response_value(
        "study.access_requested",
        study_answer(manifest(vec![empty_modality])),
    )
    .unwrap_err();
    assert!(
        error.message().contains("manifest.series[0].modality"),
        "{error}"
    );
}
