"""The builder against pydicom, live, over every file under AVARA_DICOM_FILES: the SOP
and series fields it writes equal pydicom's values, and what it leaves out, pydicom
cannot read or reads without what the sidecar needs."""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any, Optional, Union

import pydicom
import pytest
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue

from avara import BuiltManifest, build_manifest

FOLDER = Path(os.environ.get("AVARA_DICOM_FILES", "AVARA_DICOM_FILES is not set"))
FILES = sorted(path.relative_to(FOLDER).as_posix() for path in FOLDER.rglob("*") if path.is_file())
STUDY_OF_UNREADABLE = "1.2.3"
NUMBERS = {
    "bitsAllocated": "BitsAllocated",
    "bitsStored": "BitsStored",
    "columns": "Columns",
    "highBit": "HighBit",
    "instanceNumber": "InstanceNumber",
    "numberOfFrames": "NumberOfFrames",
    "pixelRepresentation": "PixelRepresentation",
    "rescaleIntercept": "RescaleIntercept",
    "rescaleSlope": "RescaleSlope",
    "rows": "Rows",
    "samplesPerPixel": "SamplesPerPixel",
}
TEXTS = {
    "sopClassUID": "SOPClassUID",
    "sopInstanceUID": "SOPInstanceUID",
    "photometricInterpretation": "PhotometricInterpretation",
}


def first(value: Any) -> Any:
    if isinstance(value, (MultiValue, list)):
        return value[0] if len(value) else None
    return value


def text(ds: Dataset, keyword: str) -> Optional[str]:
    value = first(ds.get(keyword))
    return str(value) if value not in (None, "") else None


def number(ds: Dataset, keyword: str) -> Union[int, float, None]:
    value = first(ds.get(keyword))
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def pydicom_read(data: bytes) -> Optional[Dataset]:
    """The data set as `dcmread(stop_before_pixels=True, force=True)` reads it, or None
    when pydicom cannot read it or finds no element at all."""
    from io import BytesIO

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = pydicom.dcmread(BytesIO(data), stop_before_pixels=True, force=True)
            # Values are decoded on access; a broken one raises here.
            for keyword in (*NUMBERS.values(), *TEXTS.values(), "StudyInstanceUID", "SeriesNumber"):
                ds.get(keyword)
    except Exception:
        return None
    return ds if len(ds) else None


def build(file: str, data: bytes, ds: Optional[Dataset]) -> BuiltManifest:
    study = (text(ds, "StudyInstanceUID") if ds is not None else None) or STUDY_OF_UNREADABLE
    return build_manifest(study, [(file, data)])


@pytest.mark.parametrize("file", FILES)
def test_fields_equal_pydicom_or_the_input_is_skipped(file: str) -> None:
    data = (FOLDER / file).read_bytes()
    ds = pydicom_read(data)
    built = build(file, data, ds)
    if not built.manifest.series:
        [skipped] = built.skipped
        if ds is not None and skipped.code in ("missing_attribute", "invalid_attribute"):
            # The reason names the attribute: pydicom must find it absent or unusable too.
            keyword = skipped.reason.split()[0]
            if skipped.code == "missing_attribute":
                assert ds.get(keyword) in (None, "") or first(ds.get(keyword)) in (None, ""), skipped
        return
    assert ds is not None, f"pydicom cannot read {file}, which the builder put in the sidecar"
    [series] = built.manifest.series
    [sop] = series.sops
    wire = sop.to_dict()
    for field, keyword in TEXTS.items():
        assert wire.get(field) == text(ds, keyword), (field, keyword)
    for field, keyword in NUMBERS.items():
        assert wire.get(field) == number(ds, keyword), (field, keyword)
    assert series.modality == text(ds, "Modality")
    assert series.series_instance_uid == text(ds, "SeriesInstanceUID")
    pydicom_number = first(ds.get("SeriesNumber"))
    assert series.series_number == ("" if pydicom_number is None else pydicom_number)
    description = text(ds, "SeriesDescription")
    if description is not None:
        assert series.series_description == description


PREFIXES = (4 << 10, 16 << 10, 64 << 10)


@pytest.mark.parametrize("file", FILES)
def test_a_prefix_gives_the_same_sop_or_a_truncated_header_skip(file: str) -> None:
    data = (FOLDER / file).read_bytes()
    whole = build(file, data, pydicom_read(data))
    study = whole.manifest.study_instance_uid
    for size in (size for size in PREFIXES if size < len(data)):
        cut = build_manifest(study, [(file, data[:size])])
        if cut.manifest.to_dict() == whole.manifest.to_dict() and cut.urls == whole.urls:
            continue
        [skipped] = cut.skipped
        assert skipped.code == "truncated_header" or (
            [(s.code, s.listed) for s in whole.skipped] == [(skipped.code, skipped.listed)]
        ), (size, skipped)
        if skipped.code == "truncated_header":
            assert skipped.reason == "header extends past the given bytes"


def test_every_file_is_compared() -> None:
    assert len(FILES) > 150, f"expected pydicom's ~176 test files under {FOLDER}"
