"""`avara.build_manifest` and `build_manifest_from_files`: the Python surface (types,
errors, skipped pairs, the answer). What the builder reads is tested on real files in
test_manifest_vectors.py and test_manifest_pydicom.py."""

from __future__ import annotations

import json
import os
import typing
from pathlib import Path
from typing import Any, List

import pytest

from avara import (
    BuiltManifest,
    InvalidParamsError,
    ManifestSop,
    SkipCode,
    SkippedInput,
    StudyAccessRequestedResponse,
    _native,
    build_manifest,
    build_manifest_from_files,
)
from avara._model_base import Model

CT_FILE = Path(os.environ.get("AVARA_DICOM_FILES", "AVARA_DICOM_FILES is not set")) / "CT_small.dcm"
CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"


def ct_bytes() -> bytes:
    return CT_FILE.read_bytes()


def test_skipped_inputs_unpack_as_url_and_reason_and_keep_their_code() -> None:
    built = build_manifest(CT_STUDY, [("ct.dcm", ct_bytes()), ("notes.txt", b"not DICOM")])
    assert built.urls == ["ct.dcm"]
    [skipped] = built.skipped
    url, reason = skipped
    assert (url, reason) == (skipped.url, skipped.reason) == skipped
    assert url == "notes.txt" and "DICOM" in reason
    assert (skipped.code, skipped.listed) == ("not_dicom", False)
    assert isinstance(skipped, SkippedInput)


def test_the_skip_code_type_lists_the_cores_codes() -> None:
    assert list(typing.get_args(SkipCode)) == _native.manifest_skip_codes()


def test_the_manifest_is_the_generated_model_with_the_contracts_keys() -> None:
    built = build_manifest(CT_STUDY, [("ct.dcm", ct_bytes())])
    manifest = built.manifest.to_dict()
    assert manifest["studyInstanceUID"] == CT_STUDY
    [series] = manifest["series"]
    assert series["seriesInstanceUID"].startswith("1.3.6.1.4.1.5962")
    [sop] = series["sops"]
    assert {"sopClassUID", "sopInstanceUID", "rows", "columns"} <= set(sop)
    assert isinstance(sop["rows"], int) and sop["rows"] == 128
    assert BuiltManifest.from_dict(built.to_dict()) == built


def structure(value: Any) -> Any:
    """Every attribute of the models in `value`, with each class and value type."""
    if isinstance(value, (Model, SkippedInput)):
        return type(value), {name: structure(member) for name, member in vars(value).items()}, tuple(value) if isinstance(value, tuple) else None
    if isinstance(value, list):
        return [structure(item) for item in value]
    return type(value), value


def test_the_native_result_is_what_from_dict_makes_of_its_wire_form() -> None:
    built = build_manifest(CT_STUDY, [("ct.dcm", ct_bytes()), ("notes.txt", b"not DICOM")])
    rebuilt = BuiltManifest.from_dict(json.loads(json.dumps(built.to_dict())))
    assert structure(built) == structure(rebuilt)
    sop = built.manifest.series[0].sops[0]
    assert isinstance(sop, ManifestSop) and sop.rows == 128 and sop.number_of_frames is None


def test_bytes_bytearray_and_memoryview_give_the_same_result() -> None:
    data = ct_bytes()
    expected = build_manifest(CT_STUDY, [("ct.dcm", data)])
    assert build_manifest(CT_STUDY, [("ct.dcm", bytearray(data))]) == expected
    assert build_manifest(CT_STUDY, iter([("ct.dcm", memoryview(data)[:65536])])) == expected


def test_a_bad_study_uid_is_an_invalid_params_error_naming_the_field() -> None:
    with pytest.raises(InvalidParamsError) as raised:
        build_manifest("not a uid", [])
    assert raised.value.code == "invalid_params"
    assert raised.value.field == "studyInstanceUid"
    assert isinstance(raised.value, ValueError)
    with pytest.raises(InvalidParamsError):
        build_manifest_from_files("1.2.03", [], url_for=str)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([("a", b"")], None),
        ([("a", b""), 3], "items[1] must be a (url, bytes) pair, got an int"),
        ([("a", b""), ("b", b"", "c")], "items[1] must be a (url, bytes) pair, got a tuple"),
        (["ab"], "items[0] must be a (url, bytes) pair, got a str"),
        ([(b"a", b"")], "items[0][0], the URL, must be a str, got a bytes"),
        ([("a", "text")], "items[0][1] must be bytes, bytearray or memoryview, got a str"),
        (5, "items must be an iterable of (url, bytes) pairs, got an int"),
    ],
)
def test_wrong_typed_items_are_type_errors_naming_the_index(items: Any, message: str | None) -> None:
    if message is None:
        assert build_manifest(CT_STUDY, items).skipped[0].code == "not_dicom"
        return
    with pytest.raises(TypeError) as raised:
        build_manifest(CT_STUDY, items)
    assert str(raised.value) == message


def test_authorize_takes_the_built_manifest() -> None:
    built = build_manifest(CT_STUDY, [("ct.dcm", ct_bytes()), ("notes.txt", b"x")])
    answer = json.loads(StudyAccessRequestedResponse.authorize(built).to_json())
    assert answer["urls"] == ["ct.dcm"]
    assert answer["manifest"] == built.manifest.to_dict()

    nothing = build_manifest(CT_STUDY, [("notes.txt", b"x")])
    answer = json.loads(StudyAccessRequestedResponse.authorize(nothing).to_json())
    assert answer == {"authorized": True, "urls": []}
    assert StudyAccessRequestedResponse.authorize(["a"]).urls == ["a"]


def test_files_are_read_as_far_as_their_headers(tmp_path: Path) -> None:
    ct = tmp_path / "ct.dcm"
    ct.write_bytes(ct_bytes())
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"not DICOM")
    seen: List[Path] = []

    def url_for(path: Path) -> str:
        seen.append(path)
        return f"https://pacs.example.org/{path.name}"

    built = build_manifest_from_files(CT_STUDY, [ct, notes], url_for=url_for)
    assert seen == [ct, notes]
    expected = build_manifest(
        CT_STUDY, [(url_for(ct), ct.read_bytes()), (url_for(notes), notes.read_bytes())]
    )
    assert built == expected
    assert build_manifest_from_files(CT_STUDY, [str(ct)], url_for=lambda path: path) == build_manifest(
        CT_STUDY, [(str(ct), ct.read_bytes())]
    )


def test_an_unreadable_file_raises_os_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "gone.dcm"
    with pytest.raises(FileNotFoundError, match="gone.dcm"):
        build_manifest_from_files(CT_STUDY, [missing], url_for=str)


def test_url_for_must_return_text() -> None:
    def number_for(path: str) -> Any:
        return 7

    with pytest.raises(TypeError, match=r"url_for\('a.dcm'\) must return a str, got int"):
        build_manifest_from_files(CT_STUDY, ["a.dcm"], url_for=number_for)
