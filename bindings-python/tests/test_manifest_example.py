"""The manifest receiver in `examples/manifest_receiver.py`, which the README quotes."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from avara import StudyAccessRequestedEvent

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
from manifest_receiver import answer_study_access  # noqa: E402

CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"
CT_SOP = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322"


def test_the_receiver_answers_with_the_urls_and_a_manifest(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    study_dir = tmp_path / CT_STUDY
    study_dir.mkdir()
    shutil.copy(Path(os.environ["AVARA_DICOM_FILES"]) / "CT_small.dcm", study_dir / "ct-1.dcm")
    (study_dir / "notes.dcm").write_bytes(b"not a DICOM file")
    event = StudyAccessRequestedEvent.from_dict(
        {"id": "evt_1", "data": {"studyId": "s1", "studyInstanceUid": CT_STUDY}}
    )

    with caplog.at_level("INFO"):
        answer = json.loads(answer_study_access(event, tmp_path).to_json())

    assert answer["authorized"] is True
    assert answer["urls"] == [f"https://pacs.example.org/studies/{CT_STUDY}/ct-1.dcm"]
    assert answer["manifest"]["studyInstanceUID"] == CT_STUDY
    [series] = answer["manifest"]["series"]
    assert [sop["sopInstanceUID"] for sop in series["sops"]] == [CT_SOP]
    assert "notes.dcm (not_dicom" in caplog.text
