//! The HTML of landing pages. Everything shown is escaped: study fields, the receiver's
//! answer and error texts all come from outside.

use avara::models::HangingProtocol;
use avara::webhooks::Scheme;
use avara::webhooks::responses::{ManifestSeries, ManifestSop, SeriesNumber};
use serde_json::{Map, Value};

use crate::answer::{ManifestVerdict, Verdict};
use crate::clock::iso8601;
use crate::delivery::Exchange;
use crate::http::Response;

/// What a link opens.
pub(crate) enum Subject {
    Study {
        study_id: String,
        study_instance_uid: String,
        description: String,
        severity: String,
        cancelled: bool,
    },
    Ephemeral {
        retrieval_id: String,
        options: Option<Map<String, Value>>,
        hanging_protocol: Option<HangingProtocol>,
    },
}

/// One delivery and its outcome.
pub(crate) struct Report<'a> {
    pub event_id: &'a str,
    pub event_type: &'a str,
    pub url: &'a str,
    pub scheme: Scheme,
    pub exchange: &'a Exchange,
    pub verdict: &'a Verdict,
}

/// Raw answers are shown up to this many bytes.
const SHOWN_ANSWER_BYTES: usize = 16 * 1024;

/// A manifest may describe thousands of SOPs: each loaded series lists this many, the
/// skipped parts this many, and the rest are counted.
const SHOWN_SOPS_PER_SERIES: usize = 50;
const SHOWN_SKIPPED_PARTS: usize = 200;

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

fn page(status: u16, title: &str, content: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} · Avara emulator</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}\
         th{{text-align:left;padding-right:1rem;vertical-align:top}}pre{{background:#f4f4f4;padding:.75rem;overflow:auto}}\
         .violation{{color:#a00}}.note,.skipped{{color:#855}}.ok{{color:#060}}</style></head>\
         <body><h1>{title}</h1>\n{content}\n<footer><p><small>Avara API emulator: a local stand-in, not the real Viewer.</small></p></footer></body></html>\n",
        title = escape(title),
    );
    Response::html(status, html)
}

fn rows(pairs: &[(&str, String)]) -> String {
    let cells: String = pairs
        .iter()
        .map(|(name, value)| {
            format!(
                "<tr><th>{}</th><td>{}</td></tr>",
                escape(name),
                escape(value)
            )
        })
        .collect();
    format!("<table>{cells}</table>")
}

fn list(class: &str, items: &[String]) -> String {
    let entries: String = items
        .iter()
        .map(|item| format!("<li class=\"{class}\">{}</li>", escape(item)))
        .collect();
    format!("<ul>{entries}</ul>")
}

fn subject_html(subject: &Subject) -> String {
    match subject {
        Subject::Study {
            study_id,
            study_instance_uid,
            description,
            severity,
            cancelled,
        } => format!(
            "<h2>Study</h2>{}",
            rows(&[
                ("Study ID", study_id.clone()),
                ("Study Instance UID", study_instance_uid.clone()),
                ("Description", description.clone()),
                ("Severity", severity.clone()),
                (
                    "Cancelled",
                    if *cancelled { "yes" } else { "no" }.to_owned()
                ),
            ])
        ),
        Subject::Ephemeral {
            retrieval_id,
            options,
            hanging_protocol,
        } => {
            let options = options.as_ref().map_or_else(
                || "none".to_owned(),
                |options| Value::Object(options.clone()).to_string(),
            );
            let protocol = hanging_protocol.as_ref().map_or_else(
                || "none".to_owned(),
                |protocol| {
                    let viewports: Vec<&str> = protocol
                        .viewport_assignments
                        .iter()
                        .map(|slot| slot.as_deref().unwrap_or("(empty)"))
                        .collect();
                    format!("{} — {}", protocol.layout, viewports.join(" | "))
                },
            );
            format!(
                "<h2>Ephemeral session</h2>{}",
                rows(&[
                    ("Retrieval ID", retrieval_id.clone()),
                    ("Options", options),
                    ("Hanging protocol", protocol)
                ])
            )
        }
    }
}

pub(crate) fn unknown_link() -> Response {
    page(
        404,
        "Unknown link",
        "<p>This link was never issued by this emulator (or it was forgotten after expiring).</p>",
    )
}

pub(crate) fn expired_link(expired_at_ms: u64) -> Response {
    let content = format!(
        "<p>This link expired at {}. Ask for a new one.</p>",
        escape(&iso8601(expired_at_ms))
    );
    page(410, "Link expired", &content)
}

pub(crate) fn no_endpoint(subject: &Subject, key_description: &str) -> Response {
    let content = format!(
        "{}<h2>No images</h2><p class=\"note\">No study data webhook endpoint is configured for the API key \
         “{}”, so there is no one to ask for image URLs. Start the emulator with <code>--webhook-url</code> \
         (or <code>webhookUrl</code> in the key's configuration).</p>",
        subject_html(subject),
        escape(key_description)
    );
    page(200, "Viewer", &content)
}

pub(crate) fn failed(subject: &Subject, problem: &str) -> Response {
    let content = format!(
        "{}<h2>Not delivered</h2><p class=\"violation\">{}</p>",
        subject_html(subject),
        escape(problem)
    );
    page(500, "Viewer", &content)
}

/// A line counting what a list cut at `shown` of `total` items leaves out.
fn more(shown: usize, total: usize, what: &str) -> String {
    if total > shown {
        format!("<p>… and {} more {what}</p>", total - shown)
    } else {
        String::new()
    }
}

/// `1.2.3.4 (#3, 512×512, 16-bit MONOCHROME2)`: what the Viewer needs to place and draw it.
fn sop_summary(sop: &ManifestSop) -> String {
    let mut facts = Vec::new();
    if let Some(number) = sop.instance_number {
        facts.push(format!("#{number}"));
    }
    if let (Some(rows), Some(columns)) = (sop.rows, sop.columns) {
        facts.push(format!("{columns}×{rows}"));
    }
    match (sop.bits_allocated, &sop.photometric_interpretation) {
        (Some(bits), Some(photometric)) => facts.push(format!("{bits}-bit {photometric}")),
        (None, Some(photometric)) => facts.push(photometric.clone()),
        _ => {}
    }
    if let Some(frames) = sop.number_of_frames.filter(|frames| *frames > 1.0) {
        facts.push(format!("{frames} frames"));
    }
    if facts.is_empty() {
        sop.sop_instance_uid.clone()
    } else {
        format!("{} ({})", sop.sop_instance_uid, facts.join(", "))
    }
}

fn series_html(series: &ManifestSeries) -> String {
    let number = match &series.series_number {
        SeriesNumber::Text(text) => text.clone(),
        SeriesNumber::Number(number) => number.to_string(),
    };
    let heading = format!(
        "series {number} · {} · {} · {}: {} SOP(s)",
        series.modality,
        series.series_description,
        series.series_instance_uid,
        series.sops.len()
    );
    let sops: Vec<String> = series
        .sops
        .iter()
        .take(SHOWN_SOPS_PER_SERIES)
        .map(sop_summary)
        .collect();
    format!(
        "<li>{}<ol class=\"sops\">{}</ol>{}</li>",
        escape(&heading),
        sops.iter()
            .map(|sop| format!("<li>{}</li>", escape(sop)))
            .collect::<String>(),
        more(sops.len(), series.sops.len(), "SOP(s)")
    )
}

/// Which series and SOPs of one manifest the Viewer loads progressively, in order, and
/// which it skips, with the reasons.
fn manifest_html(manifest: &ManifestVerdict) -> String {
    let report = &manifest.report;
    let mut html = format!(
        "<h3>Progressive loading (<code>{}</code>)</h3>",
        escape(&manifest.field)
    );
    match (&report.loaded, &report.ignored_because) {
        (Some(loaded), _) => {
            let sops: usize = loaded.series.iter().map(|series| series.sops.len()).sum();
            html.push_str(&format!(
                "<p class=\"ok\">The Viewer loads {} series ({sops} SOPs) progressively, in this order:</p>\
                 <ol class=\"loaded\">{}</ol>",
                loaded.series.len(),
                loaded.series.iter().map(series_html).collect::<String>()
            ));
        }
        (None, reason) => {
            let class = if report.other_study_uid.is_some() {
                "violation"
            } else {
                "note"
            };
            html.push_str(&format!(
                "<p class=\"{class}\">The Viewer ignores this manifest and loads only the plain URLs: {}</p>",
                escape(reason.as_deref().unwrap_or_default())
            ));
        }
    }
    if !report.skipped.is_empty() {
        let reasons: Vec<String> = report
            .skipped
            .iter()
            .take(SHOWN_SKIPPED_PARTS)
            .map(|part| match &part.uid {
                Some(uid) => format!("{} · {uid}", part.reason),
                None => part.reason.clone(),
            })
            .collect();
        html.push_str(&format!(
            "<h4>Skipped ({})</h4>{}{}",
            report.skipped.len(),
            list("skipped", &reasons),
            more(reasons.len(), report.skipped.len(), "skipped part(s)")
        ));
    }
    html
}

fn outcome_html(verdict: &Verdict) -> String {
    let mut html = String::new();
    match verdict.authorized {
        Some(true) => {
            html.push_str(&format!(
                "<p class=\"ok\">Authorized: {} image URL(s).</p>",
                verdict.urls.len()
            ));
            html.push_str(&list("url", &verdict.urls));
            if !verdict.media.is_empty() {
                let media: Vec<String> = verdict
                    .media
                    .iter()
                    .map(|media| {
                        format!(
                            "{} ({}{})",
                            media.url,
                            media.mime_type,
                            media
                                .file_name
                                .as_deref()
                                .map_or(String::new(), |name| format!(", {name}"))
                        )
                    })
                    .collect();
                html.push_str(&format!("<h3>Attachments</h3>{}", list("media", &media)));
            }
        }
        Some(false) => html.push_str("<p class=\"violation\">Access denied by the receiver.</p>"),
        None => html.push_str("<p class=\"violation\">No valid answer from the receiver.</p>"),
    }
    html.extend(verdict.manifests.iter().map(manifest_html));
    if let Some(error) = &verdict.error {
        html.push_str(&format!(
            "<p>Receiver's error: <q class=\"error\">{}</q></p>",
            escape(error)
        ));
    }
    if !verdict.violations.is_empty() {
        html.push_str(&format!(
            "<h3>Contract violations</h3>{}",
            list("violation", &verdict.violations)
        ));
    }
    if !verdict.notes.is_empty() {
        html.push_str(&format!("<h3>Notes</h3>{}", list("note", &verdict.notes)));
    }
    html
}

pub(crate) fn delivered(subject: &Subject, report: &Report<'_>) -> Response {
    let exchange = report.exchange;
    let status = exchange
        .status
        .map_or_else(|| "no answer".to_owned(), |status| status.to_string());
    let shown = &exchange.body[..exchange.body.len().min(SHOWN_ANSWER_BYTES)];
    let content = format!(
        "{}<h2>Images</h2>{}<h2>Delivery</h2>{}<h3>Answer</h3><pre>{}</pre>",
        subject_html(subject),
        outcome_html(report.verdict),
        rows(&[
            (
                "Event",
                format!("{} ({})", report.event_type, report.event_id)
            ),
            ("Endpoint", report.url.to_owned()),
            ("Signature scheme", report.scheme.as_str().to_owned()),
            ("HTTP status", status),
            ("Time", format!("{} ms", exchange.elapsed.as_millis())),
        ]),
        escape(&String::from_utf8_lossy(shown)),
    );
    page(200, "Viewer", &content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<img src="x" onerror='y'>&"#),
            "&lt;img src=&quot;x&quot; onerror=&#39;y&#39;&gt;&amp;"
        );
    }

    #[test]
    fn receiver_text_cannot_inject_markup() {
        let verdict = Verdict {
            authorized: Some(false),
            error: Some("<script>alert(1)</script>".into()),
            ..Verdict::default()
        };
        let subject = Subject::Ephemeral {
            retrieval_id: "<b>r</b>".into(),
            options: None,
            hanging_protocol: None,
        };
        let exchange = Exchange {
            status: Some(200),
            content_type: None,
            body: b"<script>".to_vec(),
            failure: None,
            elapsed: std::time::Duration::ZERO,
        };
        let report = Report {
            event_id: "whe_1",
            event_type: "ephemeral.access_requested",
            url: "http://127.0.0.1:1/",
            scheme: Scheme::Guide,
            exchange: &exchange,
            verdict: &verdict,
        };
        let html = String::from_utf8(delivered(&subject, &report).body).unwrap();
        assert!(
            !html.contains("<script>") && !html.contains("<b>r"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;alert(1)"));
    }

    #[test]
    fn long_manifests_are_shown_in_part_and_escaped() {
        let sop = |uid: String| serde_json::json!({"sopClassUID": "1.2.840.10008.5.1.4.1.1.88.11", "sopInstanceUID": uid});
        let loaded: Vec<Value> = (0..60).map(|i| sop(format!("1.2.{i:02}"))).collect();
        let skipped: Vec<Value> = (0..250)
            .map(|i| serde_json::json!({"sopClassUID": "1.2", "sopInstanceUID": format!("9.{i}"), "rows": "<i>"}))
            .collect();
        let sops = [loaded, skipped].concat();
        let manifest = serde_json::json!({"studyInstanceUID": "1.2", "series": [{
            "modality": "SR", "seriesDescription": "<b>Reports</b>", "seriesInstanceUID": "1.2.0", "seriesNumber": 1, "sops": sops,
        }]});
        let report = avara::webhooks::check_manifest(&manifest, Some("1.2"));
        let html = manifest_html(&ManifestVerdict {
            field: "manifest".into(),
            report,
        });
        assert!(
            html.contains("The Viewer loads 1 series (60 SOPs)"),
            "{html}"
        );
        assert!(
            html.contains("series 1 · SR · &lt;b&gt;Reports&lt;/b&gt; · 1.2.0: 60 SOP(s)"),
            "{html}"
        );
        assert_eq!(html.matches("<li>1.2.").count(), SHOWN_SOPS_PER_SERIES);
        assert!(
            html.contains("<li>1.2.49</li>") && !html.contains("1.2.50"),
            "slice order, then cut: {html}"
        );
        assert!(html.contains("… and 10 more SOP(s)"), "{html}");
        assert!(html.contains("<h4>Skipped (250)</h4>"));
        assert_eq!(
            html.matches("<li class=\"skipped\">").count(),
            SHOWN_SKIPPED_PARTS
        );
        assert!(html.contains("… and 50 more skipped part(s)"), "{html}");
        assert!(
            html.contains("got &quot;&lt;i&gt;&quot; · 9.0<")
                && !html.contains("<i>")
                && !html.contains("<b>"),
            "{html}"
        );
    }
}
