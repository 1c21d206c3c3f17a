"""avara.testing.Emulator and `python -m avara.emulator`, against the real binary."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import avara
import avara.emulator
from avara.testing import Emulator, EmulatorError

SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="


def accepts(base_url: str) -> bool:
    address = urlsplit(base_url)
    assert address.hostname is not None and address.port is not None
    try:
        socket.create_connection((address.hostname, address.port), timeout=1).close()
    except ConnectionRefusedError:
        return False
    return True


def create_study(emulator: Emulator, api_key: str, uid: str) -> avara.ViewerStudy:
    client = avara.Avara(api_key=api_key, base_url=emulator.base_url, max_retries=0)
    return client.viewer.studies.create(severity="normal", study_description="packaging test", study_instance_uid=uid)


def test_serves_the_api_with_the_given_key_and_closes_its_port_on_stop() -> None:
    with Emulator(api_key="sk_test_python_helper", webhook_secret=SECRET, webhook_scheme="both") as emulator:
        assert emulator.api_key == "sk_test_python_helper"
        assert emulator.webhook_secret == SECRET
        assert emulator.env == {
            "AVARA_BASE_URL": emulator.base_url,
            "AVARA_API_KEY": "sk_test_python_helper",
            "AVARA_JWT_WEBHOOK_SECRET": SECRET,
        }
        assert create_study(emulator, emulator.api_key, "1.2.826.0.1.1").study_instance_uid == "1.2.826.0.1.1"
        with pytest.raises(avara.AuthenticationError):
            create_study(emulator, "sk_test_unknown", "1.2.826.0.1.2")
    assert emulator.process.returncode is not None
    assert not accepts(emulator.base_url)
    emulator.stop()


def test_a_config_mapping_gives_every_key_its_variables_and_flags_override_the_first() -> None:
    config = {"keys": [{"key": "sk_test_from_config"}, {"key": "sk_test_second", "userAccess": "none"}]}
    with Emulator(config=config, api_key="sk_test_from_flag") as emulator:
        assert emulator.api_key == "sk_test_from_flag"
        assert emulator.env["AVARA_API_KEY_2"] == "sk_test_second"
        assert emulator.env["AVARA_JWT_WEBHOOK_SECRET_2"].startswith("whsec_")
        assert create_study(emulator, "sk_test_second", "1.2.826.0.2.1").study_id.startswith("stu_")


def test_a_config_path_is_passed_on(tmp_path: Path) -> None:
    file = tmp_path / "keys.json"
    file.write_text(json.dumps({"keys": [{"key": "sk_test_file_one"}, {"key": "sk_test_file_two"}]}))
    with Emulator(config=file) as emulator:
        assert emulator.api_key == "sk_test_file_one"
        assert emulator.env["AVARA_API_KEY_2"] == "sk_test_file_two"


def test_extra_flags_reach_the_emulator_and_stderr_goes_where_asked() -> None:
    with tempfile.TemporaryFile("w+") as log:
        with Emulator(args=["--log-requests"], stderr=log) as emulator:
            create_study(emulator, emulator.api_key, "1.2.826.0.3.1")
        log.seek(0)
        assert "POST /v1/viewer/studies -> 200" in log.read()


def test_a_refused_flag_fails_with_emulator_start_failed() -> None:
    with pytest.raises(EmulatorError) as caught:
        Emulator(args=["--webhook-scheme", "carrier-pigeon"])
    assert caught.value.code == "emulator_start_failed"


def test_a_missing_override_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AVARA_EMULATOR_BIN", str(tmp_path / "no-such-emulator"))
    with pytest.raises(EmulatorError, match="no-such-emulator") as caught:
        Emulator()
    assert caught.value.code == "emulator_not_found"


def test_the_companion_script_beside_the_interpreter_is_found(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    script = tmp_path / "avara-emulator"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.delenv("AVARA_EMULATOR_BIN")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert avara.emulator.binary_path() == script


def test_without_any_binary_the_error_says_how_to_install_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("AVARA_EMULATOR_BIN")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr(sysconfig, "get_path", lambda *_args, **_kwargs: str(tmp_path))
    with pytest.raises(EmulatorError, match=r'pip install "avara-sdk\[emulator\]"') as caught:
        avara.emulator.binary_path()
    assert caught.value.code == "emulator_not_found"


def test_python_dash_m_runs_the_emulator_with_its_exit_status() -> None:
    version = subprocess.run(
        [sys.executable, "-m", "avara.emulator", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout == "avara-emulator 0.1.0\n"
    refused = subprocess.run([sys.executable, "-m", "avara.emulator", "--no-such-flag"], capture_output=True, text=True)
    assert refused.returncode == 2
    assert "--no-such-flag" in refused.stderr


def test_an_emulator_left_running_is_stopped_when_python_exits() -> None:
    script = "from avara.testing import Emulator\nemulator = Emulator()\nprint(emulator.base_url)\n"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=30)
    base_url = run.stdout.strip()
    assert base_url.startswith("http://127.0.0.1:")
    assert not accepts(base_url)
