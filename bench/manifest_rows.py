"""The report's "DICOM manifest" section: the core's criterion figures
(`make bench-manifest`) and the Python harness's (`bench/python/manifest.py`)."""

from __future__ import annotations

import json
from pathlib import Path

GOAL = "at least 10× pydicom from Python; 2 threads close to 2× one"
CRITERION_ROWS = (
    ("test_files", "pydicom's test files, built into one manifest"),
    ("ct_series", "synthetic CT series, built into one manifest"),
    ("ct_series_headers_only", "synthetic CT series, headers read only"),
)


def criterion_rate(folder: Path) -> tuple[int, float] | None:
    """Inputs per iteration and the median headers per second, or None if not measured."""
    if not (folder / "new" / "sample.json").exists():
        return None
    sample = json.loads((folder / "new" / "sample.json").read_text())
    inputs = json.loads((folder / "new" / "benchmark.json").read_text())["throughput"]["Elements"]
    per_iteration = sorted(time / iters for time, iters in zip(sample["times"], sample["iters"]))
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
    for name, label in (("test_files", "pydicom's test files"), ("ct_series", "synthetic CT series")):
        figures = document["sets"][name]
        pydicom = figures["pydicom"]
        for key, reader in (("ours_1_thread", "avara, 1 thread"), ("ours_2_threads", "avara, 2 threads"),
                            ("pydicom", f"pydicom {document['pydicom']} dcmread + fields")):
            speedup = f"{figures[key] / pydicom:.1f}×"
            scaling = f"{figures['ours_2_threads'] / figures['ours_1_thread']:.2f}×" if key == "ours_2_threads" else ""
            rows.append(f"| Python: {reader} | {label} | {figures['inputs']:,} | {figures[key]:,.0f} | {speedup} | {scaling} |")
    return rows


def section(criterion: Path, harness: Path) -> list[str]:
    rows = rust_rows(criterion) + python_rows(harness)
    if not rows:
        return ["Not measured in this run (`make bench-manifest`, `bench/python/manifest.py`).", ""]
    return [
        f"Headers per second, whole files in memory (best run). Goal: {GOAL}. "
        "\"÷ pydicom\" is the rate over pydicom's on the same inputs; \"2 threads ÷ 1\" is the "
        "scaling of two threads each building half of the inputs.", "",
        "| Reader | Inputs | Count | Headers/s | ÷ pydicom | 2 threads ÷ 1 |",
        "|---|---|---:|---:|---:|---:|",
        *rows, "", *slowest_input(criterion),
    ]
