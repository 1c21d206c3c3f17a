//! Verdicts of `trigger`, as aligned lines for people or one JSON document for tools.

use serde::Serialize;

use crate::answer::Verdict;
use crate::delivery::Exchange;

/// Wide enough for the longest event type, so the columns line up.
const LABEL_WIDTH: usize = 37;

/// The label of the wrong-signature check.
pub(crate) const FORGED: &str = "forged signature";

/// One delivery and what was concluded from the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Check {
    /// The event type, or [`FORGED`].
    pub label: &'static str,
    pub event_type: &'static str,
    pub event_id: String,
    pub scheme: &'static str,
    /// `None` when no answer arrived.
    pub status: Option<u16>,
    pub elapsed_ms: u64,
    pub passed: bool,
    pub violations: Vec<String>,
    pub notes: Vec<String>,
}

impl Check {
    pub(crate) fn new(
        label: &'static str,
        event_type: &'static str,
        event_id: String,
        scheme: &'static str,
    ) -> Check {
        Check {
            label,
            event_type,
            event_id,
            scheme,
            status: None,
            elapsed_ms: 0,
            passed: false,
            violations: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Records the answer and the verdict on it.
    pub(crate) fn judged(mut self, exchange: &Exchange, verdict: Verdict) -> Check {
        self.status = exchange.status;
        self.elapsed_ms = u64::try_from(exchange.elapsed.as_millis()).unwrap_or(u64::MAX);
        self.passed = verdict.violations.is_empty();
        self.notes = verdict.all_notes();
        self.violations = verdict.violations;
        self
    }

    /// A check that failed before anything was sent.
    pub(crate) fn unsent(mut self, problem: String) -> Check {
        self.violations.push(problem);
        self
    }
}

/// `PASS  <label>  <scheme>  200  14 ms` or `FAIL  <label>  <scheme>  200  <violation>`,
/// then further violations and the notes, indented.
pub(crate) fn lines(check: &Check) -> String {
    let status = check
        .status
        .map_or_else(|| "---".to_owned(), |status| status.to_string());
    let head = format!(
        "{}  {:<LABEL_WIDTH$}  {:<8}  {status}",
        if check.passed { "PASS" } else { "FAIL" },
        check.label,
        check.scheme
    );
    let mut text = match check.violations.first() {
        None => format!("{head}  {} ms\n", check.elapsed_ms),
        Some(first) => format!("{head}  {first}\n"),
    };
    for violation in check.violations.iter().skip(1) {
        text.push_str(&format!("      also: {violation}\n"));
    }
    for note in &check.notes {
        text.push_str(&format!("      note: {note}\n"));
    }
    text
}

pub(crate) fn summary(checks: &[Check]) -> String {
    let failed = checks.iter().filter(|check| !check.passed).count();
    let verdict = if failed == 0 {
        "the receiver keeps the contract"
    } else {
        "the receiver breaks the contract"
    };
    format!(
        "{} passed, {failed} failed: {verdict}\n",
        checks.len() - failed
    )
}

#[derive(Serialize)]
struct Document<'a> {
    passed: usize,
    failed: usize,
    checks: &'a [Check],
}

/// `{"passed", "failed", "checks": [{label, eventType, eventId, scheme, status,
/// elapsedMs, passed, violations, notes}]}`.
pub(crate) fn json(checks: &[Check]) -> String {
    let failed = checks.iter().filter(|check| !check.passed).count();
    let document = Document {
        passed: checks.len() - failed,
        failed,
        checks,
    };
    // Strings, numbers and booleans only: serializing cannot fail.
    serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(passed: bool, violations: &[&str], notes: &[&str]) -> Check {
        Check {
            status: Some(200),
            elapsed_ms: 14,
            passed,
            violations: violations.iter().map(|text| (*text).to_owned()).collect(),
            notes: notes.iter().map(|text| (*text).to_owned()).collect(),
            ..Check::new(
                "report.delivered",
                "report.delivered",
                "whe_1".into(),
                "standard",
            )
        }
    }

    #[test]
    fn lines_lead_with_the_verdict_and_name_the_problem() {
        let pass = lines(&check(true, &[], &["`success` is false"]));
        let mut rows = pass.lines();
        assert_eq!(
            rows.next().unwrap().split_whitespace().collect::<Vec<_>>(),
            ["PASS", "report.delivered", "standard", "200", "14", "ms"]
        );
        assert_eq!(rows.next().unwrap().trim(), "note: `success` is false");
        let fail = lines(&check(false, &["success: invalid type", "second"], &[]));
        assert!(
            fail.starts_with("FAIL  report.delivered ")
                && fail
                    .lines()
                    .next()
                    .unwrap()
                    .ends_with("200  success: invalid type"),
            "{fail}"
        );
        assert_eq!(fail.lines().nth(1).unwrap().trim(), "also: second");
        let unsent = Check {
            status: None,
            ..check(false, &["no answer"], &[])
        };
        assert!(lines(&unsent).contains("---  no answer"));
        assert_eq!(
            summary(&[check(true, &[], &[]), unsent.clone()]),
            "1 passed, 1 failed: the receiver breaks the contract\n"
        );
        let document: serde_json::Value = serde_json::from_str(&json(&[unsent])).unwrap();
        assert_eq!(
            (document["passed"].as_u64(), document["failed"].as_u64()),
            (Some(0), Some(1))
        );
        assert_eq!(document["checks"][0]["status"], serde_json::Value::Null);
        assert_eq!(document["checks"][0]["violations"][0], "no answer");
    }
}
