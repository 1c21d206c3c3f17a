//! Manifests in access answers, read as the Viewer reads them: a landing page shows
//! which series and SOPs load progressively and which are skipped, with the reasons;
//! `trigger` reports the skipped parts as notes.

mod common;

use avara_emulator::trigger::{self, TriggerCommand};
use avara_emulator::{ApiKeyConfig, EmulatorConfig};
use common::{UID, agent, api, call, create_study, receiver, start};
use serde_json::{Value, json};

const CT: &str = "1.2.840.10008.5.1.4.1.1.2";

fn ct_sop(uid: &str, instance_number: u32) -> Value {
    json!({
        "sopClassUID": CT, "sopInstanceUID": uid, "rows": 512, "columns": 256, "bitsAllocated": 16,
        "photometricInterpretation": "MONOCHROME2", "samplesPerPixel": 1, "instanceNumber": instance_number,
    })
}

fn series(uid: &str, modality: &str, sops: Vec<Value>) -> Value {
    json!({"modality": modality, "seriesDescription": "Axial <1mm>", "seriesInstanceUID": uid, "seriesNumber": 3, "sops": sops})
}

/// Opens a reroute link for the study `UID` whose receiver answers `answer`; returns the page.
fn landing_page_for(answer: Value) -> String {
    let answer = answer.to_string();
    let receiver = receiver(1, move |_| (200, answer.clone()));
    let emulator = start(EmulatorConfig {
        keys: vec![ApiKeyConfig {
            webhook_url: Some(receiver.url.clone()),
            ..ApiKeyConfig::default()
        }],
        ..EmulatorConfig::default()
    });
    let agent = agent();
    create_study(&agent, &emulator, emulator.default_key(), UID);
    let link = api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/studies/reroute-url",
        Some(&format!(r#"{{"studyInstanceUid":"{UID}"}}"#)),
    );
    let url = link.json()["url"].as_str().expect("a URL").to_owned();
    let page = call(
        &agent,
        &emulator,
        "GET",
        url.strip_prefix(emulator.base_url()).unwrap(),
        None,
        None,
        &[],
    );
    receiver.join();
    assert_eq!(page.status, 200, "{}", page.text);
    page.text
}

/// The `<ol class="loaded">` list: the series and SOPs loaded progressively.
fn loaded_list(page: &str) -> &str {
    let start = page
        .find(r#"<ol class="loaded">"#)
        .unwrap_or_else(|| panic!("no loaded list: {page}"));
    let end = page[start..]
        .find("</ol></li></ol>")
        .expect("the list ends")
        + start;
    &page[start..end]
}

#[test]
fn the_page_shows_loaded_series_and_sops_in_order_and_each_skipped_part_with_its_reason() {
    let mut bad_sop = ct_sop(&format!("{UID}.1.3"), 3);
    bad_sop["rows"] = json!("512");
    let good = series(
        &format!("{UID}.1"),
        "CT",
        vec![
            ct_sop(&format!("{UID}.1.2"), 2),
            bad_sop,
            ct_sop(&format!("{UID}.1.1"), 1),
        ],
    );
    let bad_series = series(
        &format!("{UID}.2"),
        "",
        vec![ct_sop(&format!("{UID}.2.1"), 1)],
    );
    let page = landing_page_for(json!({
        "authorized": true,
        "urls": ["https://s/1.dcm", "https://s/2.dcm", "https://s/3.dcm", "https://s/4.dcm"],
        "manifest": {"studyInstanceUID": UID, "series": [good, bad_series]},
    }));

    assert!(
        page.contains("Authorized: 4 image URL(s)"),
        "the URLs still load: {page}"
    );
    assert!(
        page.contains("The Viewer loads 1 series (2 SOPs) progressively, in this order:"),
        "{page}"
    );
    let loaded = loaded_list(&page);
    assert!(
        loaded.contains(&format!(
            "series 3 · CT · Axial &lt;1mm&gt; · {UID}.1: 2 SOP(s)"
        )),
        "{loaded}"
    );
    let first = loaded
        .find(&format!(
            "<li>{UID}.1.1 (#1, 256×512, 16-bit MONOCHROME2)</li>"
        ))
        .expect(loaded);
    let second = loaded
        .find(&format!(
            "<li>{UID}.1.2 (#2, 256×512, 16-bit MONOCHROME2)</li>"
        ))
        .expect(loaded);
    assert!(first < second, "slice order: {loaded}");
    assert!(
        !loaded.contains(&format!("{UID}.1.3")) && !loaded.contains(&format!("{UID}.2")),
        "{loaded}"
    );

    assert!(page.contains("<h4>Skipped (2)</h4>"), "{page}");
    let skipped_sop = format!(
        r#"<li class="skipped">series[0].sops[1].rows must be a positive integer up to 65535, got &quot;512&quot; · {UID}.1.3</li>"#
    );
    assert!(page.contains(&skipped_sop), "{page}");
    assert!(
        page.contains(&format!(
            r#"<li class="skipped">series[1].modality must not be empty · {UID}.2</li>"#
        )),
        "{page}"
    );
    // Skipped parts are allowed: they are not contract violations, and are not repeated as notes.
    assert!(
        !page.contains("Contract violations") && !page.contains("<h3>Notes</h3>"),
        "{page}"
    );
}

#[test]
fn a_manifest_of_another_study_is_a_violation_and_an_unusable_one_is_ignored() {
    let elsewhere = landing_page_for(json!({
        "authorized": true, "urls": ["https://s/1.dcm"],
        "manifest": {"studyInstanceUID": "9.9", "series": [series("9.9.1", "CT", vec![ct_sop("9.9.1.1", 1)])]},
    }));
    assert!(elsewhere.contains("Contract violations"), "{elsewhere}");
    assert!(
        elsewhere
            .contains("manifest.studyInstanceUID is &quot;9.9&quot; but the requested study is"),
        "{elsewhere}"
    );
    assert!(elsewhere.contains(
        r#"<p class="violation">The Viewer ignores this manifest and loads only the plain URLs"#
    ));

    let nothing_loads = landing_page_for(json!({
        "authorized": true, "urls": ["https://s/1.dcm"],
        "manifest": {"studyInstanceUID": UID, "series": [series(&format!("{UID}.1"), "CT", vec![json!({"sopClassUID": CT})])]},
    }));
    assert!(
        nothing_loads.contains("Authorized: 1 image URL(s)"),
        "{nothing_loads}"
    );
    assert!(
        !nothing_loads.contains("Contract violations"),
        "{nothing_loads}"
    );
    assert!(nothing_loads.contains(
        r#"<p class="note">The Viewer ignores this manifest and loads only the plain URLs: no series passes validation (at least one must)</p>"#
    ), "{nothing_loads}");
    assert!(
        nothing_loads.contains("series[0].sops holds no SOP that passes validation"),
        "{nothing_loads}"
    );
    assert!(
        nothing_loads
            .contains("series[0].sops[0].sopInstanceUID must be non-empty text, but it is missing"),
        "{nothing_loads}"
    );
}

#[test]
fn trigger_passes_an_answer_with_skipped_parts_and_notes_each() {
    let mut bad_sop = ct_sop(&format!("{UID}.1.2"), 2);
    bad_sop["bitsAllocated"] = json!(12);
    let answer = json!({
        "authorized": true, "urls": ["https://s/1.dcm"],
        "manifest": {"studyInstanceUID": UID, "series": [series(&format!("{UID}.1"), "CT", vec![ct_sop(&format!("{UID}.1.1"), 1), bad_sop])]},
    })
    .to_string();
    let receiver = receiver(1, move |_| (200, answer.clone()));
    let secret = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    let args = [
        "study.access_requested",
        "--study-uid",
        UID,
        "--to",
        &receiver.url,
        "--secret",
        secret,
    ];
    let TriggerCommand::Send(options) =
        trigger::parse(args.map(str::to_owned).to_vec(), None).unwrap()
    else {
        panic!("not a send command")
    };
    let mut out = Vec::new();
    let passed = trigger::run(&options, &mut out).unwrap();
    receiver.join();
    let text = String::from_utf8(out).unwrap();
    assert!(passed, "{text}");
    assert!(
        text.contains(
            "note: manifest.series[0].sops[1].bitsAllocated must be 8, 16 or 32, got 12; the Viewer skips that SOP\n"
        ),
        "{text}"
    );
}
