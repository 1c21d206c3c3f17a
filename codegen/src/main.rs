//! Derives each language's declarations from core's JSON Schemas: the webhook events and
//! responses (TypeScript and Python), and the API client's resources, parameters and
//! results from the operation table (TypeScript, Python and Java), and the webhook and
//! API error codes (TypeScript and Python; the API codes for Java too).
//!
//! `cargo run -p avara-codegen` rewrites the generated files; `-- --check` fails
//! instead when they are out of date (the test suite runs that).

mod error_codes;
mod java_client;
mod node_client;
mod node_manifest;
mod operations;
mod python;
mod python_client;
mod python_manifest;
mod schema;
mod typescript;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use avara::webhooks::WebhookEvent;

/// What one generator writes: files, and folders it owns whole (a file there that it no
/// longer writes is stale).
#[derive(Default)]
pub struct Output {
    pub files: Vec<(PathBuf, String)>,
    pub owned_dirs: Vec<PathBuf>,
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                files_under(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

fn main() -> ExitCode {
    let check = std::env::args().any(|arg| arg == "--check");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let webhooks = schema::Catalog::new(WebhookEvent::schema_catalog());
    let client = operations::ClientCatalog::new(avara::client::operations::catalog());
    let mut output = Output::default();
    output.files.push((
        "bindings-node/generated/models.d.ts".into(),
        typescript::render(&webhooks),
    ));
    output.files.push((
        "bindings-node/generated/manifest.d.ts".into(),
        node_manifest::render(&webhooks),
    ));
    output.files.push((
        "bindings-node/generated/errors.d.ts".into(),
        error_codes::typescript(),
    ));
    output.files.push((
        "bindings-python/python/avara/_error_codes.py".into(),
        error_codes::python(),
    ));
    output.files.push((
        "bindings-jvm/src/generated/java/com/avara/core/ApiErrorCode.java".into(),
        error_codes::java(),
    ));
    output.files.push((
        "bindings-python/python/avara/_models.py".into(),
        python::render(&webhooks),
    ));
    output.files.push((
        "bindings-python/python/avara/_manifest_fields.py".into(),
        python_manifest::render(&webhooks),
    ));
    for part in [
        node_client::render(&client),
        python_client::render(&client),
        java_client::render(&client),
    ] {
        output.files.extend(part.files);
        output.owned_dirs.extend(part.owned_dirs);
    }
    let written: Vec<PathBuf> = output
        .files
        .iter()
        .map(|(path, _)| root.join(path))
        .collect();
    let mut stale = Vec::new();
    for (path, text) in output.files {
        let path = root.join(path);
        if std::fs::read_to_string(&path).is_ok_and(|current| current == text) {
            continue;
        }
        if check {
            stale.push(path.display().to_string());
        } else {
            std::fs::create_dir_all(path.parent().expect("file has a folder"))
                .expect("create folder");
            std::fs::write(&path, text).expect("write generated file");
            println!("wrote {}", path.display());
        }
    }
    for dir in &output.owned_dirs {
        for path in files_under(&root.join(dir))
            .into_iter()
            .filter(|path| !written.contains(path))
        {
            if check {
                stale.push(format!("{} (no longer generated)", path.display()));
            } else {
                std::fs::remove_file(&path).expect("remove stale generated file");
                println!("removed {}", path.display());
            }
        }
    }
    if stale.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("out of date (run `make codegen`): {}", stale.join(", "));
        ExitCode::FAILURE
    }
}
