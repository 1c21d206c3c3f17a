//! The manifest builder: headers per second over pydicom's test files and over a
//! synthetic 2 000-instance CT series, and the slowest single input.
//!
//! `AVARA_DICOM_FILES` names pydicom's `test_files` folder, `AVARA_CT_SERIES` the
//! synthetic series and `AVARA_HOSTILE_INPUTS` headers built to be expensive
//! (`make manifest-series` writes both); `make bench` sets all three. Before criterion
//! runs, every test file and hostile input is timed on its own and the times are written to
//! `manifest-inputs.json` in criterion's folder (`CRITERION_HOME`, else
//! `target/criterion`); in an optimised build, an input slower than 50 ms fails the
//! run, since no header may hold up a webhook answer longer.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use avara::manifest::{build_manifest, read_sop_header};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const INPUT_BUDGET: Duration = Duration::from_millis(50);

fn folder(variable: &str) -> PathBuf {
    let folder = std::env::var_os(variable)
        .unwrap_or_else(|| panic!("{variable} is not set (make bench sets it)"));
    PathBuf::from(folder)
}

/// Every file under `root`, by relative path, with its bytes.
fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut pending = vec![root.to_path_buf()];
    let mut found = Vec::new();
    while let Some(dir) = pending.pop() {
        for entry in
            std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        {
            let path = entry.expect("a readable folder entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let name = path
                    .strip_prefix(root)
                    .expect("under root")
                    .to_string_lossy()
                    .into_owned();
                found.push((name, std::fs::read(&path).expect("a readable file")));
            }
        }
    }
    found.sort();
    assert!(!found.is_empty(), "no files under {}", root.display());
    found
}

/// The fastest of several reads of one input: its cost without the machine's noise.
fn cost(bytes: &[u8]) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            black_box(read_sop_header(black_box(bytes)));
            start.elapsed()
        })
        .min()
        .expect("five runs")
}

fn slowest_inputs(files: &[(String, Vec<u8>)]) {
    let mut costs: Vec<(Duration, &str)> = files
        .iter()
        .map(|(name, bytes)| (cost(bytes), name.as_str()))
        .collect();
    costs.sort();
    costs.reverse();
    let report: Vec<serde_json::Value> = costs
        .iter()
        .map(|(time, name)| serde_json::json!({"file": name, "ns": time.as_nanos() as u64}))
        .collect();
    let criterion_home = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion"));
    std::fs::create_dir_all(&criterion_home).expect("criterion's folder is writable");
    let out = criterion_home.join("manifest-inputs.json");
    std::fs::write(&out, serde_json::to_string_pretty(&report).expect("json"))
        .expect("the report is writable");
    let (slowest, name) = costs[0];
    println!(
        "slowest input: {name}, {slowest:?} (all {} in {})",
        costs.len(),
        out.display()
    );
    if !cfg!(debug_assertions) {
        assert!(
            slowest <= INPUT_BUDGET,
            "{name} took {slowest:?}, over the {INPUT_BUDGET:?} budget"
        );
    }
}

fn manifest(c: &mut Criterion) {
    let test_files = files(&folder("AVARA_DICOM_FILES"));
    let hostile = files(&folder("AVARA_HOSTILE_INPUTS"));
    let every_input: Vec<(String, Vec<u8>)> = test_files
        .iter()
        .cloned()
        .chain(
            hostile
                .into_iter()
                .map(|(name, bytes)| (format!("hostile/{name}"), bytes)),
        )
        .collect();
    slowest_inputs(&every_input);
    let series = files(&folder("AVARA_CT_SERIES"));
    let series_study = read_sop_header(&series[0].1)
        .study_instance_uid()
        .expect("the synthetic series names its study")
        .to_owned();

    let mut group = c.benchmark_group("manifest");
    group.throughput(Throughput::Elements(test_files.len() as u64));
    group.bench_function("test_files", |b| {
        b.iter(|| {
            build_manifest(
                "1.2.3",
                test_files
                    .iter()
                    .map(|(name, bytes)| (name.as_str(), bytes)),
            )
        })
    });
    group.throughput(Throughput::Elements(series.len() as u64));
    group.bench_function("ct_series", |b| {
        b.iter(|| {
            build_manifest(
                &series_study,
                series.iter().map(|(name, bytes)| (name.as_str(), bytes)),
            )
        })
    });
    group.bench_function("ct_series_headers_only", |b| {
        b.iter(|| {
            for (_, bytes) in &series {
                black_box(read_sop_header(black_box(bytes)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, manifest);
criterion_main!(benches);
