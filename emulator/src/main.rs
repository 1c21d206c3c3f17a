//! `avara-emulator`: serves the local Avara API until the process is stopped, or
//! (`trigger`) sends signed webhooks to a receiver and checks its answers.

use std::io::Write;
use std::process::ExitCode;

use avara_emulator::cli::{self, Command};
use avara_emulator::trigger::TriggerOptions;
use avara_emulator::{Emulator, Scheme};

fn main() -> ExitCode {
    let config = match cli::parse(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => config,
        Ok(Command::Trigger(options)) => return trigger(&options),
        Ok(Command::Help(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("avara-emulator {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!(
                "avara-emulator: {message}\nRun `avara-emulator --help` (or `trigger --help`) for the flags."
            );
            return ExitCode::from(2);
        }
    };
    let scheme = config.webhook_scheme;
    let emulator = match Emulator::start(config) {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("avara-emulator: {error}");
            return ExitCode::FAILURE;
        }
    };
    // Machine-readable lines on standard output, for `eval`-style or env-file use.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "AVARA_BASE_URL={}", emulator.base_url());
    for (index, key) in emulator.keys().iter().enumerate() {
        let suffix = if index == 0 {
            String::new()
        } else {
            format!("_{}", index + 1)
        };
        let _ = writeln!(out, "AVARA_API_KEY{suffix}={}", key.key);
        let _ = writeln!(
            out,
            "AVARA_JWT_WEBHOOK_SECRET{suffix}={}",
            key.webhook_secret
        );
        eprintln!(
            "avara-emulator: key {} \"{}\": study scope {}, users {}, Express {}, webhook {}",
            index + 1,
            key.description,
            key.study_scope.as_str(),
            key.user_access.as_str(),
            key.express_access.as_str(),
            key.webhook_url.as_deref().unwrap_or("(none)"),
        );
    }
    let _ = out.flush();
    drop(out);
    let signing = match scheme {
        Scheme::Guide => "X-Avara-Signature",
        Scheme::Standard => "Standard Webhooks",
        Scheme::Both => "X-Avara-Signature and Standard Webhooks",
    };
    eprintln!(
        "avara-emulator: serving {} (webhooks signed with {signing}); stop with Ctrl-C",
        emulator.base_url()
    );
    emulator.wait();
    ExitCode::SUCCESS
}

/// Exit status 0 when every answer keeps the contract, 1 otherwise.
fn trigger(options: &TriggerOptions) -> ExitCode {
    match avara_emulator::trigger::run(options, &mut std::io::stdout().lock()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("avara-emulator: cannot write the verdicts: {error}");
            ExitCode::FAILURE
        }
    }
}
