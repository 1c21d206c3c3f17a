//! Command-line flags of the `avara-emulator` binary. A `--config` file is read first,
//! so flags override it whatever their order; key flags apply to the first key.

use std::str::FromStr;
use std::sync::LazyLock;

use avara::webhooks::{MIN_SECRET_BYTES, MIN_STANDARD_KEY_BYTES};

use crate::config::{Access, ApiKeyConfig, EmulatorConfig, StudyScope, parse_scheme};
use crate::trigger::{self, TriggerCommand, TriggerOptions};

/// The port of `cargo run -p avara-emulator` unless told otherwise.
pub const DEFAULT_PORT: u16 = 4010;

/// The text of `--help`; the secret rules' numbers are the core's.
pub static HELP: LazyLock<String> = LazyLock::new(|| {
    format!(
        "\
avara-emulator: a local, stateful Avara API (Viewer studies, users, invitations,
Express customers, ephemeral sessions) with API keys, signed webhooks and faults.

On start it prints, one per line:
  AVARA_BASE_URL=...  AVARA_API_KEY=...  AVARA_JWT_WEBHOOK_SECRET=...
(further keys as AVARA_API_KEY_2=..., AVARA_JWT_WEBHOOK_SECRET_2=...).

USAGE:
  avara-emulator [FLAGS]                 serve the API
  avara-emulator trigger <event-type> --to URL [FLAGS]
  avara-emulator trigger --all --to URL [FLAGS]
                                         send signed webhooks to a receiver and
                                         check its answers (trigger --help)

SERVER:
  --port N                  Port on 127.0.0.1 (default 4010; 0 picks a free one)
  --config FILE             JSON file with keys, faults and settings (see README)
  --log-requests            Print one line per request on standard error

DEFAULT KEY (the first key; created with full access when none is configured):
  --api-key KEY             Bearer token (default: generated sk_test_...)
  --description TEXT        Label shown as createdByApiKey.description
  --study-scope self|all    self: only studies created with this key (default all)
  --user-access none|read|write     Users and invitations (default write)
  --express-access none|read|write  Express customers (default write)
  --webhook-url URL         Study data webhook endpoint for landing pages
  --webhook-secret SECRET   Webhook signing secret (default: generated whsec_...):
                            at least {MIN_SECRET_BYTES} bytes of text, which the guide's
                            scheme uses verbatim; Standard Webhooks needs a key of
                            at least {MIN_STANDARD_KEY_BYTES} bytes, as whsec_ + base64 or bare base64

WEBHOOKS AND LINKS:
  --webhook-scheme guide|standard|both
                            guide: X-Avara-Signature / X-Avara-Timestamp (ms);
                            standard: webhook-id / -timestamp / -signature
                            (needs a Standard Webhooks key); both: all five
                            headers (default guide)
  --webhook-timeout-ms N    How long a receiver may take (default 10000)
  --reroute-ttl-secs N      Lifetime of reroute URLs (default 600)
  --ephemeral-ttl-secs N    Lifetime of ephemeral session URLs (default 30)

FAULTS (API routes only; landing pages and /health are never faulted):
  --seed N                  Seeds the fault sequence (default 0)
  --error-rate F            Share of requests answered with an error status
  --error-statuses LIST     Comma-separated statuses to pick from (default 500,503)
  --rate-limit-rate F       Share answered 429 with retry-after-ms
  --retry-after-ms N        Pause requested by injected 429s and 503s (default 10)
  --drop-rate F             Share whose connection is closed without an answer
  --after-apply-ratio F     Share of errors and drops that strike after the
                            operation was applied (default 0.5)
  --latency-ms N            Delay added to every API response

  -h, --help                Show this help
  -V, --version             Show the version
"
    )
});

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Run(EmulatorConfig),
    Trigger(TriggerOptions),
    /// Show this text.
    Help(&'static str),
    Version,
}

const SWITCHES: &[&str] = &["log-requests"];
const WITH_VALUE: &[&str] = &[
    "port",
    "config",
    "api-key",
    "description",
    "study-scope",
    "user-access",
    "express-access",
    "webhook-url",
    "webhook-secret",
    "webhook-scheme",
    "webhook-timeout-ms",
    "reroute-ttl-secs",
    "ephemeral-ttl-secs",
    "seed",
    "error-rate",
    "error-statuses",
    "rate-limit-rate",
    "retry-after-ms",
    "drop-rate",
    "after-apply-ratio",
    "latency-ms",
];

fn number<T: FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("--{flag}: {value:?} is not a valid number"))
}

fn access(flag: &str, value: &str) -> Result<Access, String> {
    match value {
        "none" => Ok(Access::None),
        "read" => Ok(Access::Read),
        "write" => Ok(Access::Write),
        _ => Err(format!(
            "--{flag} must be none, read or write, got {value:?}"
        )),
    }
}

/// Reads a `--config` file; a file without `port` keeps the binary's default port.
pub fn load_config(path: &str) -> Result<EmulatorConfig, String> {
    let text =
        std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?;
    let mut config =
        EmulatorConfig::from_json(&text).map_err(|error| format!("{path}: {error}"))?;
    let names_port = serde_json::from_str::<serde_json::Value>(&text)
        .is_ok_and(|value| value.get("port").is_some());
    if !names_port {
        config.port = DEFAULT_PORT;
    }
    Ok(config)
}

fn apply(config: &mut EmulatorConfig, flag: &str, value: &str) -> Result<(), String> {
    if config.keys.is_empty() {
        config.keys.push(ApiKeyConfig::default());
    }
    let key = &mut config.keys[0];
    let faults = &mut config.faults;
    match flag {
        "config" => {}
        "port" => config.port = number(flag, value)?,
        "log-requests" => config.log_requests = true,
        "api-key" => key.key = Some(value.to_owned()),
        "description" => key.description = value.to_owned(),
        "study-scope" => {
            key.study_scope = match value {
                "self" => StudyScope::Own,
                "all" => StudyScope::All,
                _ => return Err(format!("--study-scope must be self or all, got {value:?}")),
            }
        }
        "user-access" => key.user_access = access(flag, value)?,
        "express-access" => key.express_access = access(flag, value)?,
        "webhook-url" => key.webhook_url = Some(value.to_owned()),
        "webhook-secret" => key.webhook_secret = Some(value.to_owned()),
        "webhook-scheme" => config.webhook_scheme = parse_scheme(value)?,
        "webhook-timeout-ms" => config.webhook_timeout_ms = number(flag, value)?,
        "reroute-ttl-secs" => config.reroute_ttl_secs = number(flag, value)?,
        "ephemeral-ttl-secs" => config.ephemeral_ttl_secs = number(flag, value)?,
        "seed" => config.seed = number(flag, value)?,
        "error-rate" => faults.error_rate = number(flag, value)?,
        "error-statuses" => {
            faults.error_statuses = value
                .split(',')
                .map(|status| number(flag, status.trim()))
                .collect::<Result<_, _>>()?;
        }
        "rate-limit-rate" => faults.rate_limit_rate = number(flag, value)?,
        "retry-after-ms" => faults.retry_after_ms = number(flag, value)?,
        "drop-rate" => faults.drop_rate = number(flag, value)?,
        "after-apply-ratio" => faults.after_apply_ratio = number(flag, value)?,
        "latency-ms" => faults.latency_ms = number(flag, value)?,
        other => return Err(format!("unknown flag --{other}")),
    }
    Ok(())
}

/// Parses the arguments after the program name.
pub fn parse<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut args = args.into_iter().peekable();
    if args.peek().is_some_and(|first| first == "trigger") {
        args.next();
        return match trigger::parse(args, std::env::var(trigger::SECRET_VARIABLE).ok())? {
            TriggerCommand::Send(options) => Ok(Command::Trigger(options)),
            TriggerCommand::Help => Ok(Command::Help(trigger::HELP.as_str())),
        };
    }
    let mut flags: Vec<(String, String)> = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help(HELP.as_str())),
            "-V" | "--version" => return Ok(Command::Version),
            _ => {}
        }
        let Some(flag) = arg.strip_prefix("--") else {
            return Err(format!("unexpected argument {arg:?}"));
        };
        let (name, inline) = match flag.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (flag, None),
        };
        if SWITCHES.contains(&name) {
            if inline.is_some() {
                return Err(format!("--{name} takes no value"));
            }
            flags.push((name.to_owned(), String::new()));
        } else if WITH_VALUE.contains(&name) {
            let value = inline
                .or_else(|| args.next())
                .ok_or_else(|| format!("--{name} needs a value"))?;
            flags.push((name.to_owned(), value));
        } else {
            return Err(format!("unknown flag --{name}"));
        }
    }
    let mut config = match flags.iter().rev().find(|(name, _)| name == "config") {
        Some((_, path)) => load_config(path)?,
        None => EmulatorConfig {
            port: DEFAULT_PORT,
            ..EmulatorConfig::default()
        },
    };
    for (name, value) in &flags {
        apply(&mut config, name, value)?;
    }
    Ok(Command::Run(config))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<EmulatorConfig, String> {
        match parse(args.iter().map(|arg| (*arg).to_owned()))? {
            Command::Run(config) => Ok(config),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn defaults_and_flags() {
        let config = run(&[]).unwrap();
        assert_eq!(config.port, DEFAULT_PORT);
        let config = run(&[
            "--port=0",
            "--api-key",
            "sk_test_pinned",
            "--webhook-url",
            "http://127.0.0.1:9/hook",
            "--study-scope",
            "self",
            "--user-access",
            "read",
            "--error-rate",
            "0.2",
            "--error-statuses",
            "500, 502",
            "--seed",
            "7",
            "--log-requests",
            "--webhook-scheme",
            "standard",
        ])
        .unwrap();
        assert_eq!(config.port, 0);
        assert_eq!(config.keys[0].key.as_deref(), Some("sk_test_pinned"));
        assert_eq!(config.keys[0].study_scope, StudyScope::Own);
        assert_eq!(config.keys[0].user_access, Access::Read);
        assert_eq!(config.keys[0].express_access, Access::Write);
        assert_eq!(config.faults.error_statuses, vec![500, 502]);
        assert_eq!(config.seed, 7);
        assert!(config.log_requests);
        assert_eq!(config.webhook_scheme, crate::Scheme::Standard);
    }

    #[test]
    fn errors_name_the_flag() {
        assert!(run(&["--nope"]).unwrap_err().contains("--nope"));
        assert!(
            run(&["--port"])
                .unwrap_err()
                .contains("--port needs a value")
        );
        assert!(run(&["--port", "x"]).unwrap_err().contains("--port"));
        assert!(
            run(&["--user-access", "admin"])
                .unwrap_err()
                .contains("none, read or write")
        );
        assert!(
            run(&["--log-requests=yes"])
                .unwrap_err()
                .contains("takes no value")
        );
        assert!(run(&["stray"]).unwrap_err().contains("stray"));
        assert_eq!(
            parse(["--help".to_owned()]).unwrap(),
            Command::Help(HELP.as_str())
        );
        assert_eq!(
            parse(["trigger".to_owned(), "-h".to_owned()]).unwrap(),
            Command::Help(trigger::HELP.as_str())
        );
        assert!(
            parse(["trigger".to_owned(), "--port".to_owned()])
                .unwrap_err()
                .contains("--port")
        );
    }

    #[test]
    fn both_helps_state_the_core_secret_rules() {
        for (command, help) in [
            ("serve", HELP.as_str()),
            ("trigger", trigger::HELP.as_str()),
        ] {
            let text = help.split_whitespace().collect::<Vec<_>>().join(" ");
            for rule in [
                format!("at least {MIN_SECRET_BYTES} bytes of text"),
                format!(
                    "a key of at least {MIN_STANDARD_KEY_BYTES} bytes, as whsec_ + base64 or bare base64"
                ),
            ] {
                assert!(
                    text.contains(&rule),
                    "{rule:?} is missing from {command}'s help"
                );
            }
            assert!(!text.contains("needs a whsec_ secret"), "{text}");
        }
    }

    #[test]
    fn every_flag_is_documented() {
        for flag in SWITCHES.iter().chain(WITH_VALUE) {
            assert!(
                HELP.contains(&format!("--{flag}")),
                "--{flag} is missing from --help"
            );
        }
    }

    #[test]
    fn flags_override_the_config_file_in_any_order() {
        let path =
            std::env::temp_dir().join(format!("avara-emulator-cli-{}.json", std::process::id()));
        std::fs::write(
            &path,
            r#"{"seed": 3, "keys": [{"description": "file key", "userAccess": "none"}, {"studyScope": "self"}]}"#,
        )
        .unwrap();
        let path_text = path.to_string_lossy().into_owned();
        let config = run(&["--seed", "9", "--config", &path_text]).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!((config.port, config.seed), (DEFAULT_PORT, 9));
        assert_eq!(config.keys.len(), 2);
        assert_eq!(config.keys[0].description, "file key");
        assert_eq!(config.keys[0].user_access, Access::None);
        assert_eq!(config.keys[1].study_scope, StudyScope::Own);
    }
}
