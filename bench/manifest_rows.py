"""The report's "DICOM manifest" section: the core's criterion figures
(`make bench-manifest`) and the harnesses' of Python (`bench/python/manifest.py`), Node
(`bench/node/manifest.mjs`) and the JVM (`bench/jvm`'s ManifestBench)."""

from __future__ import annotations

import json
from pathlib import Path

GOAL = "at least 10× pydicom from Python; 2 threads close to 2× one"
CRITERION_ROWS = (
    ("test_files", "pydicom's test files, built into one manifest"),
    ("ct_series", "synthetic CT series, built into one manifest"),
    ("ct_series_headers_only", "synthetic CT series, headers read only"),
)
CT_SERIES = "synthetic CT series"
CT_FILES = "synthetic CT series, from its files"
NODE_ROWS = (
    ("buildManifest", "Node: `buildManifest`", CT_SERIES),
    ("buildManifestTwoAtOnce", "Node: `buildManifest`, 2 at once (half the series each)", CT_SERIES),
    ("buildManifestFromFiles", "Node: `buildManifestFromFiles`", CT_FILES),
)
JMH_ROWS = (
    ("build", "JVM: `Manifests.build`, 1 thread", CT_SERIES),
    ("buildOnTwoThreads", "JVM: `Manifests.build`, 2 threads (the whole series each)", CT_SERIES),
    ("buildFromFiles", "JVM: `Manifests.buildFromFiles`", CT_FILES),
)


def criterion_rate(folder: Path) -> tuple[int, float] | None:
    """Inputs per iteration and the median headers per second, or None if not measured."""
    if not (folder / "new" / "sample.json").exists():
        return None
    sample = json.loads((folder / "new" / "sample.json").read_text())
    inputs = json.loads((folder / "new" / "benchmark.json").read_text())["throughput"]["Elements"]
    per_iteration = sorted(time / iters for time, iters in zip(sample["times"], sample["iters"], strict=True))
    return inputs, inputs / (per_iteration[len(per_iteration) // 2] / 1e9)


def rust_rows(criterion: Path) -> list[str]:
    rows = []
    for name, label in CRITERION_ROWS:
        measured = criterion_rate(criterion / "manifest" / name)
        if measured is not None:
            rows.append(f"| Rust (criterion) | {label} | {measured[0]:,} | {measured[1]:,.0f} | | |")
    return rows


def slowest_input(criterion: Path) -> list[str]:
    inputs = criterion / "manifest-inputs.json"
    if not inputs.exists():
        return []
    slowest = json.loads(inputs.read_text())[0]
    return [f"Slowest single input (Rust, hostile headers included; the bound is 50 ms): "
            f"`{slowest['file']}`, {slowest['ns'] / 1e6:.2f} ms.", ""]


def python_rows(harness: Path) -> list[str]:
    if not harness.exists():
        return []
    document = json.loads(harness.read_text())
    rows = []
    for name, label in (("test_files", "pydicom's test files"), ("ct_series", CT_SERIES)):
        figures = document["sets"][name]
        pydicom = figures["pydicom"]
        for key, reader in (("ours_1_thread", "avara, 1 thread"), ("ours_2_threads", "avara, 2 threads"),
                            ("pydicom", f"pydicom {document['pydicom']} dcmread + fields")):
            speedup = f"{figures[key] / pydicom:.1f}×"
            scaling = f"{figures['ours_2_threads'] / figures['ours_1_thread']:.2f}×" if key == "ours_2_threads" else ""
            rows.append(f"| Python: {reader} | {label} | {figures['inputs']:,} | {figures[key]:,.0f} | {speedup} | {scaling} |")
    return rows


def pydicom_ct_rate(harness: Path) -> float | None:
    """pydicom's headers per second on the CT series, the peer every runtime is set beside."""
    if not harness.exists():
        return None
    return json.loads(harness.read_text())["sets"]["ct_series"]["pydicom"]


def runtime_rows(rates: dict[str, float], inputs: int, labels: tuple, pydicom: float | None) -> list[str]:
    """One row per build; the second row's scaling is over the first's rate."""
    rows = []
    for index, (key, reader, label) in enumerate(labels):
        speedup = f"{rates[key] / pydicom:.1f}×" if pydicom else ""
        scaling = f"{rates[key] / rates[labels[0][0]]:.2f}×" if index == 1 else ""
        rows.append(f"| {reader} | {label} | {inputs:,} | {rates[key]:,.0f} | {speedup} | {scaling} |")
    return rows


def node_rows(harness: Path, pydicom: float | None) -> list[str]:
    if not harness.exists():
        return []
    document = json.loads(harness.read_text())
    return runtime_rows(document["headersPerSecond"], document["instances"], NODE_ROWS, pydicom)


def jvm_rows(jmh: Path, pydicom: float | None) -> list[str]:
    """JMH's mean rate of the `headers` counter; each operation is one build of the series."""
    if not jmh.exists():
        return []
    entries = {entry["benchmark"].rsplit(".", 1)[1]: entry for entry in json.loads(jmh.read_text())}
    rates = {name: entry["secondaryMetrics"]["headers"]["score"] for name, entry in entries.items()}
    first = entries[JMH_ROWS[0][0]]
    inputs = round(first["secondaryMetrics"]["headers"]["score"] / first["primaryMetric"]["score"])
    return runtime_rows(rates, inputs, JMH_ROWS, pydicom)


def section(criterion: Path, harnesses: Path) -> list[str]:
    python = harnesses / "python-manifest.json"
    pydicom = pydicom_ct_rate(python)
    rows = (rust_rows(criterion) + python_rows(python) + node_rows(harnesses / "node-manifest.json", pydicom)
            + jvm_rows(harnesses / "jvm-manifest.json", pydicom))
    if not rows:
        return ["Not measured in this run (`make bench-manifest`, the harnesses in bench/python, "
                "bench/node and bench/jvm).", ""]
    return [
        f"Headers per second, whole files in memory unless the inputs say files. Goal: {GOAL}. "
        "Rust's rate is criterion's median, Python's and Node's the best of several runs and the "
        "JVM's the mean of JMH's iterations. \"÷ pydicom\" is the rate over pydicom's on the same "
        "inputs (from Python); \"2 threads ÷ 1\" is the scaling of two builds at once over one.", "",
        "| Reader | Inputs | Count | Headers/s | ÷ pydicom | 2 threads ÷ 1 |",
        "|---|---|---:|---:|---:|---:|",
        *rows, "", *slowest_input(criterion),
    ]
