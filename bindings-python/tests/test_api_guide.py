"""The integration guide's Python client samples (`tests/guide/python/`), byte for byte,
run against the emulator with AVARA_API_KEY and AVARA_BASE_URL in the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any, Dict, Iterator

import pytest

from api import client
from emulator import ROOT, Emulator

SAMPLES = ROOT / "tests" / "guide" / "python"
# CI runs from a fresh clone with the shared folder beside it.
GUIDE = ROOT.parent / "shared" / "seed" / "integration-guide.txt"
GUIDE_STUDY_ID = "stu_1234567890abcdef1234567890abcdef"
GUIDE_STUDY_UID = "1.2.840.113619.2.55.3.604688119.868.1234567890.123"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator() as running:
        yield running


def _environment(emulator: Emulator) -> Dict[str, str]:
    return {**os.environ, "AVARA_API_KEY": emulator.keys[0], "AVARA_BASE_URL": emulator.base_url}


def _run(code: str, emulator: Emulator) -> None:
    done = subprocess.run(
        [sys.executable, "-c", code], env=_environment(emulator), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


@pytest.mark.parametrize("sample", ["create_study.py", "reroute_url.py"])
def test_each_sample_is_printed_verbatim_in_the_guide(sample: str) -> None:
    if not GUIDE.is_file():
        pytest.fail(f"the integration guide is missing: expected {GUIDE} (the shared folder beside the repository)")
    assert (SAMPLES / sample).read_text(encoding="utf-8") in GUIDE.read_text(encoding="utf-8")


def test_the_create_sample_creates_the_study(emulator: Emulator) -> None:
    _run((SAMPLES / "create_study.py").read_text(encoding="utf-8"), emulator)
    study = client(emulator).viewer.studies.retrieve_by_uid(GUIDE_STUDY_UID)
    assert (study.severity, study.study_description) == ("normal", "Brain MRI with Contrast")


def test_the_reroute_sample_gets_a_url_for_an_existing_study(
    emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    study = client(emulator).viewer.studies.create(
        severity="normal", study_description="CT", study_instance_uid=GUIDE_STUDY_UID
    )
    # The one substitution allowed: the guide's study ID by one that exists.
    code = (SAMPLES / "reroute_url.py").read_text(encoding="utf-8").replace(GUIDE_STUDY_ID, study.study_id)
    _run(code, emulator)
    # Once more in this process, to look at what the sample got back.
    monkeypatch.setenv("AVARA_API_KEY", emulator.keys[0])
    monkeypatch.setenv("AVARA_BASE_URL", emulator.base_url)
    namespace: Dict[str, Any] = {}
    exec(compile(code, str(SAMPLES / "reroute_url.py"), "exec"), namespace)
    assert str(namespace["response"].url).startswith(f"{emulator.base_url}/view/")
