//! Runs `tests/vectors/manifest/files.json` against the manifest builder, on pydicom's
//! test files (`AVARA_DICOM_FILES`, which `make rust-test` sets): every input alone,
//! whole and cut short, then whole studies. Every manifest built must pass the
//! Viewer's rules with nothing skipped.

#![cfg(feature = "manifest")]

use std::path::PathBuf;

use avara::manifest::{BuiltManifest, build_manifest, read_sop_header, read_sop_header_from};
use avara::webhooks::check_manifest;
use serde_json::Value;

fn vector() -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/manifest/files.json");
    serde_json::from_str(&std::fs::read_to_string(&path).expect("the manifest vector exists"))
        .expect("valid JSON")
}

fn dicom_files() -> PathBuf {
    let folder = std::env::var_os("AVARA_DICOM_FILES")
        .expect("AVARA_DICOM_FILES names pydicom's test_files folder; `make rust-test` sets it");
    let folder = PathBuf::from(folder);
    assert!(
        folder.is_dir(),
        "AVARA_DICOM_FILES={} is not a folder",
        folder.display()
    );
    folder
}

fn input_bytes(folder: &std::path::Path, input: &Value) -> Vec<u8> {
    let name = input["file"].as_str().expect("file");
    let mut bytes =
        std::fs::read(folder.join(name)).unwrap_or_else(|error| panic!("{name}: {error}"));
    if let Some(prefix) = input["prefix"].as_u64() {
        bytes.truncate(usize::try_from(prefix).expect("prefix fits"));
    }
    bytes
}

/// JSON values equal with every number compared as f64 (512 and 512.0 alike).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, value)| y.get(key).is_some_and(|other| same_json(value, other)))
        }
        _ => a == b,
    }
}

/// The Viewer keeps all of it: no part skipped, and (with a series) the manifest loads as built.
fn assert_viewer_loads_all(built: &BuiltManifest, study: &str, context: &str) {
    let value = serde_json::to_value(&built.manifest).expect("serializes");
    let report = check_manifest(&value, Some(study));
    assert!(
        report.skipped.is_empty(),
        "{context}: the Viewer skips {:?}",
        report.skipped
    );
    if built.manifest.series.is_empty() {
        assert!(
            report.loaded.is_none(),
            "{context}: a manifest without series is not loaded"
        );
    } else {
        assert_eq!(
            report.loaded.as_ref(),
            Some(&built.manifest),
            "{context}: the Viewer loads it as built"
        );
    }
}

#[test]
fn every_input_alone_gives_the_expected_outcome() {
    let vector = vector();
    let folder = dicom_files();
    let inputs = vector["inputs"].as_array().expect("inputs");
    assert!(inputs.len() > 200, "the vector holds every test file");
    let mut failures = Vec::new();
    for input in inputs {
        let context = format!("{} (prefix {})", input["file"], input["prefix"]);
        let name = input["file"].as_str().expect("file");
        let study = input["study"].as_str().expect("study");
        let expect = &input["expect"];
        let built = build_manifest(study, [(name, input_bytes(&folder, input))])
            .expect("the vector's study is a UID");
        assert_viewer_loads_all(&built, study, &context);
        let listed = expect["listed"].as_bool().expect("listed");
        if built.urls
            != if listed {
                vec![name.to_owned()]
            } else {
                Vec::new()
            }
        {
            failures.push(format!(
                "{context}: urls {:?}, expected listed={listed}",
                built.urls
            ));
        }
        match expect["code"].as_str() {
            None => {
                if let Some(skip) = built.skipped.first() {
                    failures.push(format!(
                        "{context}: skipped as {}: {}",
                        skip.code, skip.reason
                    ));
                    continue;
                }
                let series = serde_json::to_value(&built.manifest.series[0]).expect("serializes");
                let sop = &series["sops"][0];
                for field in [
                    "modality",
                    "seriesDescription",
                    "seriesInstanceUID",
                    "seriesNumber",
                ] {
                    if !same_json(&series[field], &expect["series"][field]) {
                        failures.push(format!(
                            "{context}: {field} {} but pydicom {}",
                            series[field], expect["series"][field]
                        ));
                    }
                }
                if !same_json(sop, &expect["sop"]) {
                    failures.push(format!(
                        "{context}: SOP\n   built   {sop}\n   pydicom {}",
                        expect["sop"]
                    ));
                }
            }
            Some(code) => match built.skipped.as_slice() {
                [skip]
                    if skip.code.as_str() == code
                        && skip.listed == listed
                        && built.manifest.series.is_empty() => {}
                other => failures.push(format!("{context}: expected {code}, got {other:?}")),
            },
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs differ:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}

#[test]
fn whole_studies_are_grouped_and_ordered() {
    let vector = vector();
    let folder = dicom_files();
    let studies = vector["studies"].as_array().expect("studies");
    assert!(studies.iter().any(|study| {
        study["expect"]["manifest"]["series"]
            .as_array()
            .expect("series")
            .len()
            > 2
    }));
    for case in studies {
        let study = case["study"].as_str().expect("study");
        let items: Vec<(String, Vec<u8>)> = case["files"]
            .as_array()
            .expect("files")
            .iter()
            .map(|file| {
                let name = file.as_str().expect("a file name");
                (
                    name.to_owned(),
                    std::fs::read(folder.join(name)).expect("readable"),
                )
            })
            .collect();
        let built = build_manifest(study, items).expect("a UID");
        assert_viewer_loads_all(&built, study, study);
        let expect = &case["expect"];
        let urls: Vec<&str> = expect["urls"]
            .as_array()
            .expect("urls")
            .iter()
            .map(|u| u.as_str().expect("url"))
            .collect();
        assert_eq!(built.urls, urls, "{study}: urls");
        let manifest = serde_json::to_value(&built.manifest).expect("serializes");
        assert!(
            same_json(&manifest, &expect["manifest"]),
            "{study}: manifest\n{manifest}\n{}",
            expect["manifest"]
        );
        let skipped: Vec<Value> = built
            .skipped
            .iter()
            .map(|skip| serde_json::json!([skip.url, skip.code.as_str(), skip.listed]))
            .collect();
        assert_eq!(Value::Array(skipped), expect["skipped"], "{study}: skipped");
    }
}

/// Cuts every file at many lengths from 132 bytes on (fewer cannot hold the preamble and
/// `DICM`): the outcome is the whole file's, or the header extends past the bytes. Only
/// a cut exactly between two elements may differ, because such bytes read as a complete
/// object: one more byte must then make them truncated.
#[test]
fn every_cut_gives_the_whole_outcome_or_a_truncated_header() {
    let vector = vector();
    let folder = dicom_files();
    let outcome = |study: &str, bytes: &[u8]| {
        let built = build_manifest(study, [("input", bytes)]).expect("a UID");
        let skip = built
            .skipped
            .first()
            .map(|skip| (skip.code.as_str().to_owned(), skip.listed));
        (skip, built.manifest)
    };
    let mut cuts_checked = 0;
    for input in vector["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .filter(|input| input["prefix"].is_null())
    {
        let bytes = input_bytes(&folder, input);
        let study = input["study"].as_str().expect("study");
        let whole = outcome(study, &bytes);
        let short = (132..bytes.len().min(8192)).step_by(53);
        let long = (8192..bytes.len().min(70_000)).step_by(1009);
        for cut in short.chain(long) {
            let cut_outcome = outcome(study, &bytes[..cut]);
            let truncated = matches!(&cut_outcome.0, Some((code, _)) if code == "truncated_header");
            if cut_outcome == whole || truncated {
                continue;
            }
            let next = outcome(study, &bytes[..cut + 1]);
            assert!(
                matches!(&next.0, Some((code, _)) if code == "truncated_header"),
                "{} cut at {cut}: {:?}, not the whole file's {:?}, and not on an element boundary",
                input["file"],
                cut_outcome.0,
                whole.0
            );
        }
        cuts_checked += 1;
    }
    assert!(cuts_checked > 150);
}

#[test]
fn reading_from_a_file_gives_what_the_whole_bytes_give() {
    let vector = vector();
    let folder = dicom_files();
    for input in vector["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .filter(|input| input["prefix"].is_null())
    {
        let path = folder.join(input["file"].as_str().expect("file"));
        let from_file =
            read_sop_header_from(std::fs::File::open(&path).expect("opens")).expect("reads");
        assert_eq!(
            from_file,
            read_sop_header(&input_bytes(&folder, input)),
            "{}",
            path.display()
        );
    }
}
