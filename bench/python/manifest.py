"""Manifest harness: DICOM headers per second from Python, ``avara.build_manifest`` on 1
and 2 threads beside pydicom's ``dcmread(stop_before_pixels=True)`` plus the same field
extraction, over pydicom's test files (AVARA_DICOM_FILES) and a synthetic CT series
(AVARA_CT_SERIES). ``--out FILE`` writes the best rate of several runs as JSON for
bench/report.py; ``--quick`` runs everything once and checks that both readers agree,
which is what ``make bench-smoke`` does."""

from __future__ import annotations

import argparse
import json
import os
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import pydicom

import avara

Items = List[Tuple[str, bytes]]
KEYWORDS = (
    "StudyInstanceUID", "SeriesInstanceUID", "SOPClassUID", "SOPInstanceUID", "Modality",
    "SeriesDescription", "SeriesNumber", "InstanceNumber", "Rows", "Columns", "BitsAllocated",
    "BitsStored", "HighBit", "PixelRepresentation", "PhotometricInterpretation",
    "SamplesPerPixel", "NumberOfFrames", "RescaleIntercept", "RescaleSlope",
)


def load(variable: str) -> Items:
    folder = Path(os.environ[variable])
    return [(path.relative_to(folder).as_posix(), path.read_bytes())
            for path in sorted(folder.rglob("*")) if path.is_file()]


def pydicom_fields(data: bytes) -> Optional[Dict[str, Any]]:
    """What a Python receiver extracts for the manifest: the first value of each attribute."""
    try:
        ds = pydicom.dcmread(BytesIO(data), stop_before_pixels=True, force=True)
        fields = {}
        for keyword in KEYWORDS:
            value = ds.get(keyword)
            fields[keyword] = value[0] if isinstance(value, pydicom.multival.MultiValue) and len(value) else value
        return fields
    except Exception:
        return None


def with_pydicom(study: str, items: Items) -> int:
    """Header reads that gave the requested study's SOP Instance UID."""
    read = (pydicom_fields(data) for _, data in items)
    return sum(1 for fields in read if fields and fields["StudyInstanceUID"] == study and fields["SOPInstanceUID"])


def with_avara(study: str, items: Items, threads: int) -> int:
    """SOPs in the sidecar; with several threads, each builds its share of the inputs."""
    if threads == 1:
        return sum(len(series.sops) for series in avara.build_manifest(study, items).manifest.series)
    shares = [items[index::threads] for index in range(threads)]
    with ThreadPoolExecutor(max_workers=threads) as pool:
        built = list(pool.map(lambda share: avara.build_manifest(study, share), shares))
    return sum(len(series.sops) for result in built for series in result.manifest.series)


def best_rate(count: int, run: Callable[[], Any], seconds: float) -> float:
    """Headers per second of the fastest run within the time budget (at least 3 runs)."""
    best = float("inf")
    runs, deadline = 0, time.perf_counter() + seconds
    while runs < 3 or time.perf_counter() < deadline:
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
        runs += 1
    return count / best


def measure(name: str, study: str, items: Items, seconds: float) -> Dict[str, Any]:
    runs: Dict[str, Callable[[], int]] = {
        "ours_1_thread": lambda: with_avara(study, items, 1),
        "ours_2_threads": lambda: with_avara(study, items, 2),
        "pydicom": lambda: with_pydicom(study, items),
    }
    result: Dict[str, Any] = {"inputs": len(items)}
    for label, run in runs.items():
        result[label] = best_rate(len(items), run, seconds)
    result["sops"] = {label: run() for label, run in runs.items()}
    print(f"{name}: {len(items)} inputs, " + ", ".join(
        f"{label} {result[label]:,.0f}/s" for label in runs))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=float, default=3.0, help="time budget per figure")
    arguments = parser.parse_args()
    seconds = 0.0 if arguments.quick else arguments.seconds
    warnings.simplefilter("ignore")
    series = load("AVARA_CT_SERIES")
    series_study = pydicom_fields(series[0][1])["StudyInstanceUID"]  # type: ignore[index]
    sets = {
        # Every test file under its own study, as a receiver asked for one study sees them.
        "test_files": measure("test files", "1.2.3", load("AVARA_DICOM_FILES"), seconds),
        "ct_series": measure("CT series", series_study, series, seconds),
    }
    counted = sets["ct_series"]["sops"]
    if len(set(counted.values())) != 1 or counted["pydicom"] != len(series):
        raise SystemExit(f"the readers disagree on the CT series: {counted}")
    document = {"avara": avara.__version__, "pydicom": pydicom.__version__, "quick": arguments.quick, "sets": sets}
    arguments.out.write_text(json.dumps(document, indent=1))


if __name__ == "__main__":
    main()
