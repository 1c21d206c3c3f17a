//! Derives the TypeScript declarations and the Python model classes of the webhook
//! events and responses from the JSON Schemas that core's serde types produce.
//!
//! `cargo run -p avara-codegen` rewrites the generated files; `-- --check` fails
//! instead when they are out of date (the test suite runs that).

mod python;
mod schema;
mod typescript;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use avara::webhooks::WebhookEvent;

fn main() -> ExitCode {
    let check = std::env::args().any(|arg| arg == "--check");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let catalog = schema::Catalog::new(WebhookEvent::schema_catalog());
    let outputs: [(PathBuf, String); 2] = [
        (root.join("bindings-node/generated/models.d.ts"), typescript::render(&catalog)),
        (root.join("bindings-python/python/avara/_models.py"), python::render(&catalog)),
    ];
    let mut stale = Vec::new();
    for (path, text) in outputs {
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == text {
            continue;
        }
        if check {
            stale.push(path.display().to_string());
        } else {
            std::fs::create_dir_all(path.parent().expect("file has a folder")).expect("create folder");
            std::fs::write(&path, text).expect("write generated file");
            println!("wrote {}", path.display());
        }
    }
    if stale.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("out of date (run `cargo run -p avara-codegen`): {}", stale.join(", "));
        ExitCode::FAILURE
    }
}
