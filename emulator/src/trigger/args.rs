//! The flags of `avara-emulator trigger`.

use std::sync::LazyLock;
use std::time::Duration;

use avara::models::DicomUid;
use avara::webhooks::{MIN_SECRET_BYTES, MIN_STANDARD_KEY_BYTES, Scheme, Webhook, sign_standard};

use super::samples::event_types;
use crate::config::parse_scheme;

/// The environment variable the emulator prints the secret as, read when `--secret`
/// is not given.
pub const SECRET_VARIABLE: &str = "AVARA_JWT_WEBHOOK_SECRET";

/// The text of `trigger --help`; the secret rules' numbers are the core's.
pub static HELP: LazyLock<String> = LazyLock::new(|| {
    format!(
        "\
avara-emulator trigger: send signed webhook deliveries to your receiver, as Avara
would, and check every answer against the contract.

USAGE:
  avara-emulator trigger <event-type> --to URL [FLAGS]
  avara-emulator trigger --all --to URL [FLAGS]

EVENT TYPES:
  study.access_requested               ephemeral.access_requested
  secondary_capture.access_requested   report.delivered
  modality_worklist.requested          patient_study.enrichment_requested
  clinical_context.enrichment_requested

FLAGS:
  --all                     Send every event type, then a delivery with a wrong
                            signature, which the receiver must refuse with 401
  --to URL                  The receiver's webhook endpoint (http:// or https://)
  --secret SECRET           The receiver's webhook secret
                            (default: ${SECRET_VARIABLE}): at least
                            {MIN_SECRET_BYTES} bytes of text, which the guide's scheme
                            uses verbatim
  --scheme guide|standard|both
                            guide: X-Avara-Signature / X-Avara-Timestamp (ms);
                            standard: webhook-id / -timestamp / -signature,
                            which needs a key of at least {MIN_STANDARD_KEY_BYTES} bytes, as
                            whsec_ + base64 or bare base64; both: all five
                            headers (default guide)
  --timeout-ms N            How long the receiver may take per delivery
                            (default 10000)
  --study-uid UID           The Study Instance UID of events that carry one
                            (default: a fresh 2.25 UID per event)
  --json                    One JSON document with every verdict instead of lines
  -h, --help                Show this help

Exit status: 0 when every answer keeps the contract, 1 when one does not (or the
receiver cannot be reached), 2 on a usage error.
"
    )
});

/// What to send, where, and how to sign it.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerOptions {
    /// Event types to send, in order.
    pub events: Vec<&'static str>,
    /// Also send a delivery with a wrong signature and expect 401.
    pub check_forged: bool,
    pub url: String,
    pub secret: String,
    pub scheme: Scheme,
    pub timeout: Duration,
    pub study_uid: Option<DicomUid>,
    pub json: bool,
}

/// What `trigger`'s arguments ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum TriggerCommand {
    Send(TriggerOptions),
    Help,
}

#[derive(Default)]
struct Given {
    event: Option<String>,
    all: bool,
    url: Option<String>,
    secret: Option<String>,
    scheme: Option<String>,
    timeout_ms: Option<String>,
    study_uid: Option<String>,
    json: bool,
}

fn event_type(name: &str) -> Result<&'static str, String> {
    event_types().find(|known| *known == name).ok_or_else(|| {
        let known: Vec<&str> = event_types().collect();
        format!(
            "unknown event type {name:?}; expected one of {}",
            known.join(", ")
        )
    })
}

fn read_flags<I: Iterator<Item = String>>(mut args: I) -> Result<Option<Given>, String> {
    let mut given = Given::default();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let slot = match name.as_str() {
            "-h" | "--help" => return Ok(None),
            "--all" | "--json" if inline.is_some() => return Err(format!("{name} takes no value")),
            "--all" => {
                given.all = true;
                continue;
            }
            "--json" => {
                given.json = true;
                continue;
            }
            "--to" => &mut given.url,
            "--secret" => &mut given.secret,
            "--scheme" => &mut given.scheme,
            "--timeout-ms" => &mut given.timeout_ms,
            "--study-uid" => &mut given.study_uid,
            flag if flag.starts_with('-') => {
                return Err(format!("unknown flag {flag} for trigger"));
            }
            _ if given.event.is_some() => {
                return Err(format!(
                    "unexpected argument {arg:?}: one event type at a time, or --all"
                ));
            }
            _ => {
                given.event = Some(arg);
                continue;
            }
        };
        *slot = Some(
            inline
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))?,
        );
    }
    Ok(Some(given))
}

/// Checks the secret by the rules receivers' verifiers apply, and that it can sign
/// with the scheme asked for.
fn check_secret(secret: &str, scheme: Scheme) -> Result<(), String> {
    Webhook::new(secret).map_err(|error| format!("--secret: {}", error.message()))?;
    if scheme != Scheme::Guide
        && let Err(error) = sign_standard(secret, "msg_check", 0, b"")
    {
        return Err(format!(
            "--scheme {} signs with Standard Webhooks: {}. \
             Use --scheme guide, or the whsec_ secret the emulator printed",
            scheme.as_str(),
            error.message()
        ));
    }
    Ok(())
}

/// Parses the arguments after `trigger`; `env_secret` is the value of
/// [`SECRET_VARIABLE`], if set.
pub fn parse<I: IntoIterator<Item = String>>(
    args: I,
    env_secret: Option<String>,
) -> Result<TriggerCommand, String> {
    let Some(given) = read_flags(args.into_iter())? else {
        return Ok(TriggerCommand::Help);
    };
    let events = match (&given.event, given.all) {
        (Some(_), true) => return Err("name one event type or --all, not both".into()),
        (None, false) => return Err("name an event type to send, or --all".into()),
        (Some(name), false) => vec![event_type(name)?],
        (None, true) => event_types().collect(),
    };
    let url = given
        .url
        .ok_or("--to URL is required: the receiver's webhook endpoint")?;
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(format!(
            "--to must be an http:// or https:// URL, got {url:?}"
        ));
    }
    let secret = given
        .secret
        .or(env_secret.filter(|secret| !secret.is_empty()))
        .ok_or(format!(
            "no webhook secret: pass --secret or set {SECRET_VARIABLE}"
        ))?;
    let scheme = given
        .scheme
        .as_deref()
        .map_or(Ok(Scheme::Guide), parse_scheme)
        .map_err(|error| format!("--scheme: {error}"))?;
    check_secret(&secret, scheme)?;
    let timeout_ms = match given.timeout_ms {
        None => 10_000,
        Some(text) => match text.parse::<u64>() {
            Ok(ms) if ms > 0 => ms,
            _ => {
                return Err(format!(
                    "--timeout-ms must be a whole number of milliseconds above 0, got {text:?}"
                ));
            }
        },
    };
    let study_uid = given
        .study_uid
        .map(|uid| DicomUid::new(uid).map_err(|error| format!("--study-uid: {}", error.message)))
        .transpose()?;
    Ok(TriggerCommand::Send(TriggerOptions {
        events,
        check_forged: given.all,
        url,
        secret,
        scheme,
        timeout: Duration::from_millis(timeout_ms),
        study_uid,
        json: given.json,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    fn send(args: &[&str], env: Option<&str>) -> Result<TriggerOptions, String> {
        match parse(
            args.iter().map(|arg| (*arg).to_owned()),
            env.map(str::to_owned),
        )? {
            TriggerCommand::Send(options) => Ok(options),
            TriggerCommand::Help => panic!("help"),
        }
    }

    #[test]
    fn defaults_and_flags() {
        let options = send(
            &["report.delivered", "--to", "http://127.0.0.1:3000/hook"],
            Some(SECRET),
        )
        .unwrap();
        assert_eq!(options.events, vec!["report.delivered"]);
        assert!(!options.check_forged && !options.json);
        assert_eq!(
            (options.scheme, options.timeout),
            (Scheme::Guide, Duration::from_secs(10))
        );
        assert_eq!(options.secret, SECRET);
        let options = send(
            &[
                "--all",
                "--to=https://h/x",
                "--secret",
                SECRET,
                "--scheme",
                "both",
                "--timeout-ms",
                "500",
                "--json",
                "--study-uid",
                "1.2.840.10008.1",
            ],
            None,
        )
        .unwrap();
        assert_eq!(options.events.len(), 7);
        assert!(options.check_forged && options.json);
        assert_eq!(
            (options.scheme, options.timeout),
            (Scheme::Both, Duration::from_millis(500))
        );
        assert_eq!(options.study_uid.unwrap().as_str(), "1.2.840.10008.1");
        assert_eq!(
            parse(["--help".to_owned()], None).unwrap(),
            TriggerCommand::Help
        );
    }

    #[test]
    fn usage_errors_say_what_to_fix() {
        let to = ["--to", "http://127.0.0.1:1/"];
        let error = |args: &[&str], env: Option<&str>| send(args, env).unwrap_err();
        assert!(error(&["--all", to[0], to[1]], None).contains(SECRET_VARIABLE));
        assert!(
            error(&["nope.event", to[0], to[1]], Some(SECRET)).contains("study.access_requested")
        );
        assert!(
            error(&["--all", "report.delivered", to[0], to[1]], Some(SECRET)).contains("not both")
        );
        assert!(error(&[to[0], to[1]], Some(SECRET)).contains("--all"));
        assert!(error(&["--all"], Some(SECRET)).contains("--to"));
        assert!(error(&["--all", "--to", "127.0.0.1:3000"], Some(SECRET)).contains("http://"));
        assert!(error(&["--all", to[0], to[1], "--secret", "short"], None).contains("32 bytes"));
        let plain = "a-plain-secret-that-is-long-enough-for-hmac";
        let standard = error(
            &[
                "--all", to[0], to[1], "--secret", plain, "--scheme", "standard",
            ],
            None,
        );
        assert!(standard.contains("whsec_"), "{standard}");
        assert!(send(&["--all", to[0], to[1], "--secret", plain], None).is_ok());
        assert!(
            error(&["--all", to[0], to[1], "--scheme", "hmac"], Some(SECRET)).contains("--scheme")
        );
        assert!(
            error(&["--all", to[0], to[1], "--timeout-ms", "0"], Some(SECRET))
                .contains("--timeout-ms")
        );
        assert!(
            error(
                &["--all", to[0], to[1], "--study-uid", "1.2.03"],
                Some(SECRET)
            )
            .contains("--study-uid")
        );
        assert!(error(&["--all", to[0], to[1], "--verbose"], Some(SECRET)).contains("--verbose"));
        assert!(
            error(&["--all", to[0], to[1], "--json=yes"], Some(SECRET)).contains("takes no value")
        );
        assert!(error(&["--all", to[0]], Some(SECRET)).contains("--to needs a value"));
    }

    #[test]
    fn every_flag_and_event_type_is_documented() {
        for flag in [
            "--all",
            "--to",
            "--secret",
            "--scheme",
            "--timeout-ms",
            "--study-uid",
            "--json",
            SECRET_VARIABLE,
        ] {
            assert!(HELP.contains(flag), "{flag} is missing from the help");
        }
        for event_type in event_types() {
            assert!(
                HELP.contains(event_type),
                "{event_type} is missing from the help"
            );
        }
    }
}
