#!/usr/bin/env python3
"""Writes files.json, the manifest builder's vector, from pydicom's test files.

    .venv/bin/python tests/vectors/manifest/generate.py   (or: make manifest-vectors)

Every file under pydicom's `data/test_files` is an input, whole and cut to its first
4, 16 and 64 KiB. For each input pydicom decides what the header holds:

- `intact`: pydicom reads the data set up to Pixel Data (or the functional groups,
  where the builder stops too), or to its end on an element boundary, with every value
  complete. The expected sidecar fields are pydicom's values, typed as the contract
  says (see `sop_fields` and `series_fields`).
- `truncated`: pydicom runs out of bytes inside an element or a sequence.
- `unreadable`: pydicom raises.
- `not_dicom`: neither `DICM` at byte 128 nor a data set opening with group 0002 or
  0008: the builder's documented rule for what counts as DICOM.

Whether an input is left out, and with which code, comes from the Rust builder itself
(`cargo run --example manifest_outcomes`), once: pydicom has no notion of the
contract's rules. This script checks that answer against pydicom's reading and stops
when they disagree: `not_dicom` and `truncated` inputs must get exactly those codes, an
`intact` input must never be called unreadable, and a prefix must give its whole
file's outcome or `truncated_header`. The codes are then fixed in the vector, so every
language is held to the same ones.

`studies` are whole-study cases: every file of a study together with a few files that
must stay out, with the `urls`, `manifest` and `skipped` computed here from the
per-input outcomes by the contract's grouping and ordering rules.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import warnings
import zlib
from pathlib import Path

import pydicom
from pydicom.filereader import read_partial
from pydicom.multival import MultiValue

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
FILES = Path(pydicom.__file__).parent / "data" / "test_files"
PREFIXES = (4096, 16384, 65536)
FALLBACK_STUDY = "1.2.3"
INPUT_NAME = "avara-input"

PIXEL_DATA_TAGS = {0x7FE00008: "float", 0x7FE00009: "double", 0x7FE00010: "integer"}
FUNCTIONAL_GROUPS_TAGS = {0x52009229, 0x52009230}
UNREADABLE_CODES = {"not_dicom", "truncated_header", "malformed", "too_large", "too_complex"}
# Inputs that must stay out of every study case but their own.
DISTRACTORS = ("README.txt", "CT_small.dcm", "JPEGLSNearLossless_08.dcm", "rtplan_truncated.dcm")


class Stop:
    """pydicom's `stop_when` at the elements where the builder's header ends."""

    def __init__(self) -> None:
        self.tag: int | None = None

    def __call__(self, tag, vr, length) -> bool:
        if int(tag) in PIXEL_DATA_TAGS or int(tag) in FUNCTIONAL_GROUPS_TAGS:
            self.tag = int(tag)
            return True
        return False


def opens_dicom(data: bytes) -> bool:
    if data[128:132] == b"DICM":
        return True
    return data[:2] in (b"\x02\x00", b"\x08\x00", b"\x00\x08")


def pixel_data_header(implicit: bool, little: bool) -> bytes:
    """A Pixel Data element header in the data set's encoding, of length 0."""
    if implicit:
        return b"\xe0\x7f\x10\x00" + b"\x00" * 4
    tag = b"\xe0\x7f\x10\x00" if little else b"\x7f\xe0\x00\x10"
    return tag + b"OW\x00\x00" + b"\x00" * 4


def inflated(data: bytes) -> tuple[bytes, bool] | None:
    """For a deflated data set, the inflated bytes (as far as the input goes) and whether
    the deflate stream ended; `None` for any other transfer syntax. pydicom inflates the
    whole stream at once and fails on a prefix, although the header may be complete."""
    source = io.BytesIO(data)
    try:
        pydicom.filereader.read_preamble(source, True)
        meta = pydicom.filereader._read_file_meta_info(source)
    except Exception:  # noqa: BLE001
        return None
    if meta.get("TransferSyntaxUID") != pydicom.uid.DeflatedExplicitVRLittleEndian:
        return None
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        return inflater.decompress(source.read()), inflater.eof
    except zlib.error:
        return b"", False


def pydicom_read(data: bytes):
    """(read, ds, stop tag): `read` is intact, truncated or unreadable."""
    deflated = inflated(data)
    if deflated is not None:
        data_set, complete = deflated
        read, ds, stop_tag = pydicom_read(data_set)
        if read == "intact" and stop_tag is None and not complete:
            return "truncated", None, None
        return read, ds, stop_tag
    stop = Stop()
    source = io.BytesIO(data)
    source.name = INPUT_NAME
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ds = read_partial(source, stop_when=stop, force=True)
        except Exception as error:  # noqa: BLE001 - any failure means pydicom cannot read it
            return ("truncated" if is_cut_short(error) else "unreadable"), None, None
        if any(INPUT_NAME in str(warning.message) for warning in caught):
            return "truncated", None, None
        for element in ds._dict.values():  # the raw elements, as read
            value = getattr(element, "value", None)
            length = getattr(element, "length", 0xFFFFFFFF)
            if isinstance(value, bytes) and length != 0xFFFFFFFF and len(value) < length:
                return "truncated", None, None
        if stop.tag is None and not ends_on_boundary(data, ds):
            return "truncated", None, None
        # Convert every element now, inside the warnings block, as pydicom does lazily.
        for keyword in KEYWORDS:
            ds.get(keyword)
    return "intact", ds, stop.tag


def is_cut_short(error: Exception) -> bool:
    text = str(error)
    return "No tag to read" in text or "incomplete or truncated" in text or isinstance(error, EOFError)


def ends_on_boundary(data: bytes, ds) -> bool:
    """Whether `data` ends between two elements: pydicom, given a Pixel Data header
    right after the bytes, stops exactly there."""
    implicit, little = ds.original_encoding
    if implicit is None:
        return False
    stop = Stop()
    source = io.BytesIO(data + pixel_data_header(implicit, little))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            read_partial(source, stop_when=stop, force=True)
        except Exception:  # noqa: BLE001
            return False
    return stop.tag == 0x7FE00010 and source.tell() == len(data)


KEYWORDS = (
    "StudyInstanceUID", "SeriesInstanceUID", "SOPClassUID", "SOPInstanceUID", "Modality",
    "SeriesDescription", "SeriesNumber", "InstanceNumber", "Rows", "Columns", "BitsAllocated",
    "BitsStored", "HighBit", "PixelRepresentation", "PhotometricInterpretation",
    "SamplesPerPixel", "NumberOfFrames", "RescaleIntercept", "RescaleSlope",
)


def first(value):
    if isinstance(value, MultiValue | list):
        return value[0] if len(value) else None
    return value


def text(ds, keyword: str) -> str | None:
    value = first(ds.get(keyword))
    if value is None:
        return None
    value = str(value)
    return value or None


def number(ds, keyword: str) -> float | int | None:
    """A number pydicom could make of the attribute; text it could not parse counts as absent."""
    value = first(ds.get(keyword))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not value.is_integer():
        return float(value)
    return int(value)


SOP_NUMBERS = {
    "bitsAllocated": "BitsAllocated", "bitsStored": "BitsStored", "columns": "Columns",
    "highBit": "HighBit", "instanceNumber": "InstanceNumber", "numberOfFrames": "NumberOfFrames",
    "pixelRepresentation": "PixelRepresentation", "rescaleIntercept": "RescaleIntercept",
    "rescaleSlope": "RescaleSlope", "rows": "Rows", "samplesPerPixel": "SamplesPerPixel",
}


def sop_fields(ds, stop_tag: int | None) -> dict:
    """The sidecar SOP as the contract types it, from pydicom's values."""
    sop = {"sopClassUID": text(ds, "SOPClassUID"), "sopInstanceUID": text(ds, "SOPInstanceUID")}
    for field, keyword in SOP_NUMBERS.items():
        value = number(ds, keyword)
        if value is not None:
            sop[field] = value
    photometric = text(ds, "PhotometricInterpretation")
    if photometric is not None:
        sop["photometricInterpretation"] = photometric
    if PIXEL_DATA_TAGS.get(stop_tag) == "float":
        sop["isFloatPixelData"] = True
    if PIXEL_DATA_TAGS.get(stop_tag) == "double":
        sop["isDoubleFloatPixelData"] = True
    return dict(sorted(sop.items()))


def series_number(ds) -> int | str:
    value = first(ds.get("SeriesNumber"))
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else str(value)


def series_fields(ds) -> dict:
    """The sidecar series as this SOP gives it; the description falls back to
    "Series <number>", then to the modality."""
    modality = text(ds, "Modality")
    number_ = series_number(ds)
    description = text(ds, "SeriesDescription")
    if description is None:
        description = f"Series {number_}" if number_ != "" else modality
    return {
        "modality": modality,
        "seriesDescription": description,
        "seriesInstanceUID": text(ds, "SeriesInstanceUID"),
        "seriesNumber": number_,
    }


def is_uid(value: str | None) -> bool:
    if not value or len(value) > 64:
        return False
    parts = value.split(".")
    return all(part.isdigit() and (part == "0" or not part.startswith("0")) for part in parts)


def all_files() -> list[str]:
    names = [str(path.relative_to(FILES).as_posix()) for path in FILES.rglob("*") if path.is_file()]
    return sorted(names)


def describe(name: str, prefix: int | None, whole: dict | None = None) -> dict:
    data = (FILES / name).read_bytes()
    if prefix is not None:
        data = data[:prefix]
    entry = {"file": name, "prefix": prefix}
    if not opens_dicom(data):
        entry.update(pydicom="not_dicom", study=FALLBACK_STUDY, _study=None)
        return entry
    read, ds, stop_tag = pydicom_read(data)
    entry["pydicom"] = read
    # A prefix is the same object as its whole file, so the same study is requested.
    study = lenient_study(data) if whole is None else whole["_study"]
    entry["_study"] = study
    entry["study"] = study if is_uid(study) else FALLBACK_STUDY
    entry["_fields"] = {"has_study": study is not None}
    if ds is not None:
        entry["_fields"].update(series=series_fields(ds), sop=sop_fields(ds, stop_tag))
    return entry


def lenient_study(data: bytes) -> str | None:
    """The Study Instance UID as far as pydicom gets, even in bytes that stop early: the
    builder reads it before the cut too, and compares it with the requested study."""
    source = io.BytesIO(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return text(read_partial(source, stop_when=Stop(), force=True), "StudyInstanceUID")
        except Exception:  # noqa: BLE001
            return None


def rust_outcomes(entries: list[dict]) -> list[dict]:
    cases = [{"path": str(FILES / e["file"]), "study": e["study"], "prefix": e["prefix"]} for e in entries]
    command = ["cargo", "run", "-q", "-p", "avara", "--features", "manifest", "--example", "manifest_outcomes"]
    done = subprocess.run(command, cwd=ROOT, input=json.dumps(cases), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def check_agreement(entry: dict, outcome: dict, whole: dict | None) -> list[str]:
    """Where the Rust builder and pydicom disagree about one input."""
    where = f"{entry['file']} (prefix {entry['prefix']})"
    code, read = outcome["code"], entry["pydicom"]
    problems = []
    if read == "not_dicom" and code != "not_dicom":
        problems.append(f"{where}: pydicom sees no DICOM start but the builder says {code}")
    if read == "truncated" and code != "truncated_header":
        problems.append(f"{where}: pydicom runs out of bytes but the builder says {code}")
    if read == "intact" and code in UNREADABLE_CODES:
        problems.append(f"{where}: pydicom reads it but the builder says {code}: {outcome['reason']}")
    if read == "intact" and not entry["_fields"]["has_study"] and (code != "missing_attribute" or outcome["listed"]):
        problems.append(f"{where}: no StudyInstanceUID, yet the builder says {code}, listed={outcome['listed']}")
    if read != "intact" and code is None:
        problems.append(f"{where}: pydicom finds it {read} but the builder puts it in the sidecar")
    if read == "unreadable" and code not in UNREADABLE_CODES | {"missing_attribute"}:
        problems.append(f"{where}: pydicom cannot read it but the builder says {code}")
    if whole is not None and (code, outcome["listed"]) not in {(whole["code"], whole["listed"]), ("truncated_header", whole["listed"]), ("truncated_header", False)}:
        problems.append(f"{where}: a prefix must give the whole file's outcome ({whole['code']}) or truncated_header, got {code}")
    return problems


def expectation(entry: dict, outcome: dict) -> dict:
    expect = {"code": outcome["code"], "listed": outcome["listed"]}
    if outcome["code"] is None:
        expect["series"] = entry["_fields"]["series"]
        expect["sop"] = entry["_fields"]["sop"]
    return expect


def slice_key(item: dict):
    """The Viewer's slice order (no instance number counts as 0, UIDs compare as text), then the URL."""
    sop = item["sop"]
    return (sop.get("instanceNumber", 0), sop.get("sopInstanceUID", ""), item["url"])


def series_key(series: dict):
    """Numbered series by number, then other series numbers as text, then none; then the UID."""
    number_ = series["seriesNumber"]
    if isinstance(number_, int):
        rank = (0, number_, "")
    elif number_ != "":
        rank = (1, 0, number_)
    else:
        rank = (2, 0, "")
    return rank + (series["seriesInstanceUID"],)


def study_case(study: str, members: list[dict], distractors: list[dict]) -> dict:
    """The expected result for a whole study: the contract's grouping and ordering,
    one listing per SOP Instance UID, computed from the per-input outcomes."""
    inputs = []
    for entry in members + distractors:
        if entry in members:
            code, listed = entry["expect"]["code"], entry["expect"]["listed"]
        elif entry["pydicom"] == "not_dicom":
            code, listed = "not_dicom", False
        elif not entry["_fields"]["has_study"]:
            code, listed = ("missing_attribute" if entry["pydicom"] == "intact" else "truncated_header"), False
        else:
            code, listed = "study_mismatch", False
        fields = entry.get("_fields", {})
        inputs.append({"url": entry["file"], "code": code, "listed": listed,
                       "sop": fields.get("sop", {}), "series": fields.get("series", {})})
    by_uid: dict[str, dict] = {}
    for item in inputs:
        uid = item["sop"].get("sopInstanceUID")
        if item["listed"] and uid:
            rank = (item["code"] is not None, item["url"])
            kept = by_uid.get(uid)
            if kept is None or rank < (kept["code"] is not None, kept["url"]):
                by_uid[uid] = item
    for item in inputs:
        uid = item["sop"].get("sopInstanceUID")
        if item["listed"] and uid and by_uid[uid] is not item:
            item["code"], item["listed"] = "duplicate_sop_instance", False
    groups: dict = {}
    for item in inputs:
        if item["listed"]:
            groups.setdefault(item["series"].get("seriesInstanceUID"), []).append(item)
    ordered = []
    for uid, group in groups.items():
        group.sort(key=slice_key)
        sidecar = [item for item in group if item["code"] is None]
        representative = (sidecar or group)[0]["series"]
        ordered.append((uid is None, series_key(representative) if uid else (), uid, group, sidecar))
    ordered.sort(key=lambda entry: entry[:3])
    series = [dict(sidecar[0]["series"], sops=[item["sop"] for item in sidecar])
              for _, _, _, _, sidecar in ordered if sidecar]
    return {
        "study": study,
        "files": [item["url"] for item in inputs],
        "expect": {
            "urls": [item["url"] for _, _, _, group, _ in ordered for item in group],
            "manifest": {"series": series, "studyInstanceUID": study},
            "skipped": [[item["url"], item["code"], item["listed"]] for item in inputs if item["code"] is not None],
        },
    }


def main() -> None:
    names = all_files()
    entries = []
    for name in names:
        size = (FILES / name).stat().st_size
        whole = describe(name, None)
        entries.append(whole)
        entries.extend(describe(name, prefix, whole) for prefix in PREFIXES if prefix < size)
    outcomes = rust_outcomes(entries)
    wholes = {entry["file"]: outcome for entry, outcome in zip(entries, outcomes, strict=True) if entry["prefix"] is None}
    problems = []
    for entry, outcome in zip(entries, outcomes, strict=True):
        whole = wholes[entry["file"]] if entry["prefix"] is not None else None
        problems.extend(check_agreement(entry, outcome, whole))
    if problems:
        sys.exit("the builder and pydicom disagree:\n  " + "\n  ".join(problems))
    for entry, outcome in zip(entries, outcomes, strict=True):
        entry["expect"] = expectation(entry, outcome)

    whole_entries = [entry for entry in entries if entry["prefix"] is None]
    studies: dict[str, list[dict]] = {}
    for entry in whole_entries:
        if entry["pydicom"] == "intact" and entry["_fields"]["has_study"] and entry["study"] != FALLBACK_STUDY:
            studies.setdefault(entry["study"], []).append(entry)
    by_name = {entry["file"]: entry for entry in whole_entries}
    study_cases = []
    for study, members in sorted(studies.items()):
        if len(members) < 2:
            continue
        distractors = [by_name[name] for name in DISTRACTORS if by_name[name] not in members]
        study_cases.append(study_case(study, members, distractors))

    inputs = [{key: value for key, value in entry.items() if not key.startswith("_")} for entry in entries]
    vector = {
        "comment": (
            "Generated by generate.py from pydicom's test files (see its docstring): per input, "
            "pydicom's reading and the expected outcome (code null = in the sidecar with these fields); "
            "per study, the expected urls, manifest and skipped inputs."
        ),
        "pydicom": pydicom.__version__,
        "prefixes": list(PREFIXES),
        "inputs": inputs,
        "studies": study_cases,
    }
    (HERE / "files.json").write_text(json.dumps(vector, indent=1, ensure_ascii=False) + "\n")
    counts = {}
    for entry in inputs:
        key = entry["expect"]["code"] or "sidecar"
        counts[key] = counts.get(key, 0) + 1
    print(f"{len(inputs)} inputs from {len(names)} files, {len(study_cases)} studies: {counts}")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
