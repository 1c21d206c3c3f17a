"""The shared manifest vector (`tests/vectors/manifest/files.json`, format in its README)
over pydicom's test files: the same results and skip codes as every other SDK."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest

from avara import build_manifest

VECTOR = Path(__file__).resolve().parents[2] / "tests" / "vectors" / "manifest" / "files.json"
DOCUMENT: Dict[str, Any] = json.loads(VECTOR.read_text(encoding="utf-8"))


def dicom_files() -> Path:
    folder = os.environ.get("AVARA_DICOM_FILES")
    if not folder:
        raise RuntimeError("AVARA_DICOM_FILES is not set: run `make manifest-files` (make python-test does)")
    return Path(folder)


def read(file: str, prefix: int | None = None) -> bytes:
    data = (dicom_files() / file).read_bytes()
    return data if prefix is None else data[:prefix]


def input_id(entry: Dict[str, Any]) -> str:
    return f"{entry['file']}@{entry['prefix'] or 'whole'}"


@pytest.mark.parametrize("entry", DOCUMENT["inputs"], ids=input_id)
def test_input(entry: Dict[str, Any]) -> None:
    file, expect = entry["file"], entry["expect"]
    built = build_manifest(entry["study"], [(file, read(file, entry["prefix"]))])
    wire = built.to_dict()
    if expect["code"] is None:
        assert wire["skipped"] == []
        assert built.urls == [file]
        [series] = wire["manifest"]["series"]
        sops = series.pop("sops")
        # dict equality compares numbers as numbers: 512 == 512.0.
        assert series == expect["series"]
        assert sops == [expect["sop"]]
    else:
        [skipped] = built.skipped
        assert (skipped.url, skipped.code, skipped.listed) == (file, expect["code"], expect["listed"])
        assert built.urls == ([file] if expect["listed"] else [])
        assert built.manifest.series == []


def study_id(case: Dict[str, Any]) -> str:
    return str(case["study"])


@pytest.mark.parametrize("case", DOCUMENT["studies"], ids=study_id)
def test_study(case: Dict[str, Any]) -> None:
    files: List[str] = case["files"]
    built = build_manifest(case["study"], [(file, read(file)) for file in files])
    expect = case["expect"]
    assert built.urls == expect["urls"]
    assert built.manifest.to_dict() == expect["manifest"]
    assert [[skipped.url, skipped.code, skipped.listed] for skipped in built.skipped] == expect["skipped"]


def test_the_vector_covers_every_file_whole_and_cut() -> None:
    root = dicom_files()
    files = sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())
    whole = sorted(entry["file"] for entry in DOCUMENT["inputs"] if entry["prefix"] is None)
    assert whole == files
    assert {entry["prefix"] for entry in DOCUMENT["inputs"]} == {None, *DOCUMENT["prefixes"]}
