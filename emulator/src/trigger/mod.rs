//! `avara-emulator trigger`: signed deliveries of every event type to a receiver, as
//! Avara sends them, with each answer judged against the contract by the same judge as
//! landing pages. `--all` also proves the receiver refuses a wrong signature.

mod args;
mod report;
mod samples;

use std::io::{self, Write};

use crate::answer::{judge, judge_forged};
use crate::clock::now_ms;
use crate::delivery::{self, signature_headers};
use crate::ids::Ids;
use report::{Check, FORGED};
use samples::{Sample, sample};

pub use args::{HELP, SECRET_VARIABLE, TriggerCommand, TriggerOptions, parse};

/// The event a forged delivery carries: the one every Viewer session starts with.
const FORGED_EVENT: &str = "study.access_requested";

/// Signs `sample` with `secret` as of now and posts it.
fn deliver(
    options: &TriggerOptions,
    agent: &ureq::Agent,
    sample: &Sample,
    secret: &str,
    now: u64,
) -> Result<delivery::Exchange, String> {
    let headers = signature_headers(options.scheme, secret, &sample.event_id, &sample.body, now)?;
    Ok(delivery::post(agent, &options.url, &headers, &sample.body))
}

/// One check: a fresh event of `event_type`, signed with the right secret, or, when
/// `forged`, with another one.
fn check(
    options: &TriggerOptions,
    agent: &ureq::Agent,
    ids: &Ids,
    event_type: &'static str,
    forged: bool,
) -> Check {
    let now = now_ms();
    let label = if forged { FORGED } else { event_type };
    let scheme = options.scheme.as_str();
    let sample = match sample(ids, event_type, options.study_uid.as_ref(), now) {
        Ok(sample) => sample,
        Err(problem) => {
            return Check::new(label, event_type, String::new(), scheme).unsent(problem);
        }
    };
    let pending = Check::new(label, event_type, sample.event_id.clone(), scheme);
    let secret = if forged {
        ids.webhook_secret()
    } else {
        options.secret.clone()
    };
    match deliver(options, agent, &sample, &secret, now) {
        Err(problem) => pending.unsent(format!("the delivery could not be signed: {problem}")),
        Ok(exchange) if forged => pending.judged(&exchange, judge_forged(&exchange)),
        Ok(exchange) => {
            let verdict = judge(event_type, &exchange, sample.study_uid.as_deref());
            pending.judged(&exchange, verdict)
        }
    }
}

/// Sends what `options` asks for, writing verdicts to `out` as they come (or one JSON
/// document at the end). True when every answer keeps the contract.
pub fn run(options: &TriggerOptions, out: &mut dyn Write) -> io::Result<bool> {
    let ids = Ids::new();
    let agent = delivery::agent(options.timeout);
    let planned = options.events.iter().map(|event_type| (*event_type, false));
    let forged = options.check_forged.then_some((FORGED_EVENT, true));
    let mut checks = Vec::new();
    for (event_type, forged) in planned.chain(forged) {
        let check = check(options, &agent, &ids, event_type, forged);
        if !options.json {
            out.write_all(report::lines(&check).as_bytes())?;
            out.flush()?;
        }
        checks.push(check);
    }
    let closing = if options.json {
        report::json(&checks)
    } else {
        report::summary(&checks)
    };
    out.write_all(closing.as_bytes())?;
    out.flush()?;
    Ok(checks.iter().all(|check| check.passed))
}
