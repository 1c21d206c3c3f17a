"""Test helpers: a local Avara API on a free port.

::

    from avara import Avara
    from avara.testing import Emulator

    with Emulator(api_key="sk_test_ci") as emulator:
        client = Avara(api_key=emulator.api_key, base_url=emulator.base_url)
        client.viewer.studies.create(
            severity="normal", study_description="Brain MRI", study_instance_uid="1.2.3.4"
        )

The emulator binary comes from ``pip install "avara-sdk[emulator]"`` or
``AVARA_EMULATOR_BIN`` (see ``avara.emulator``).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Literal

from .emulator import EmulatorError, binary_path

__all__ = ["Emulator", "EmulatorError"]

WebhookScheme = Literal["guide", "standard", "both"]

_HEALTH_POLL_SECONDS = 0.025


def _key_count(config: Mapping[str, Any]) -> int:
    keys = config.get("keys")
    return max(len(keys) if isinstance(keys, list) else 0, 1)


def _relay_lines(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    # Keeps draining standard output for the process's whole life, then marks its end.
    for line in stream:
        lines.put(line)
    lines.put(None)


def _stop(process: subprocess.Popen[str], timeout: float, temporary: str | None) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()
    if temporary is not None:
        shutil.rmtree(temporary, ignore_errors=True)


class Emulator:
    """A running ``avara-emulator``, serving when the constructor returns.

    Use it as a context manager or call :meth:`stop`; one still running when it is
    garbage-collected or when the interpreter exits is stopped then.

    ``config`` is the ``--config`` JSON (keys, faults, settings) as a mapping, or the
    path of such a file; the keyword options override its first key. ``args`` adds
    command-line flags (``["--log-requests"]``); ``stderr`` takes what
    :class:`subprocess.Popen` does and discards the emulator's notes by default.
    """

    base_url: str
    """``http://127.0.0.1:<port>``"""
    api_key: str
    """The first key's API key."""
    webhook_secret: str
    """The first key's webhook signing secret."""
    env: Mapping[str, str]
    """Every printed ``AVARA_*`` variable: ``AVARA_BASE_URL``, then ``AVARA_API_KEY[_n]``
    and ``AVARA_JWT_WEBHOOK_SECRET[_n]`` per key."""

    def __init__(
        self,
        *,
        port: int = 0,
        api_key: str | None = None,
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
        webhook_scheme: WebhookScheme | None = None,
        config: Mapping[str, Any] | str | os.PathLike[str] | None = None,
        args: Sequence[str] = (),
        stderr: int | IO[Any] | None = subprocess.DEVNULL,
        start_timeout: float = 10.0,
        stop_timeout: float = 5.0,
    ) -> None:
        binary = binary_path()
        deadline = time.monotonic() + start_timeout
        command = [str(binary), "--port", str(port)]
        temporary: str | None = None
        key_count = 1
        if isinstance(config, Mapping):
            temporary = tempfile.mkdtemp(prefix="avara-emulator-")
            config_file = Path(temporary, "config.json")
            config_file.write_text(json.dumps(config), encoding="utf-8")
            command += ["--config", str(config_file)]
            key_count = _key_count(config)
        elif config is not None:
            command += ["--config", os.fspath(config)]
            key_count = _key_count(json.loads(Path(config).read_text(encoding="utf-8")))
        flags = {
            "--api-key": api_key,
            "--webhook-url": webhook_url,
            "--webhook-secret": webhook_secret,
            "--webhook-scheme": webhook_scheme,
        }
        command += [part for flag, value in flags.items() if value is not None for part in (flag, value)]
        command += args

        try:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr, text=True
            )
        except OSError as error:
            if temporary is not None:
                shutil.rmtree(temporary, ignore_errors=True)
            raise EmulatorError("emulator_start_failed", f"cannot run {binary}: {error}") from error
        self._stop = weakref.finalize(self, _stop, self._process, stop_timeout, temporary)
        try:
            self.env = self._read_env(key_count, deadline)
            self.base_url = self.env["AVARA_BASE_URL"]
            self.api_key = self.env["AVARA_API_KEY"]
            self.webhook_secret = self.env["AVARA_JWT_WEBHOOK_SECRET"]
            self._wait_until_serving(deadline)
        except BaseException:
            self.stop()
            raise

    def _read_env(self, key_count: int, deadline: float) -> Mapping[str, str]:
        assert self._process.stdout is not None
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(
            target=_relay_lines, args=(self._process.stdout, lines), name="avara-emulator-stdout", daemon=True
        ).start()
        last = "AVARA_JWT_WEBHOOK_SECRET" + (f"_{key_count}" if key_count > 1 else "")
        env: dict[str, str] = {}
        while last not in env:
            try:
                line = lines.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                raise EmulatorError("emulator_start_timeout", "avara-emulator printed no settings in time") from None
            if line is None:
                status = self._process.wait()
                raise EmulatorError("emulator_start_failed", f"avara-emulator exited (status {status}) before it served")
            name, separator, value = line.rstrip("\n").partition("=")
            if separator and name.startswith("AVARA_"):
                env[name] = value
        return env

    def _wait_until_serving(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base_url}/health", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass  # Not accepting connections yet.
            time.sleep(_HEALTH_POLL_SECONDS)
        raise EmulatorError("emulator_start_timeout", f"avara-emulator at {self.base_url} never answered /health")

    @property
    def process(self) -> subprocess.Popen[str]:
        """The emulator's process."""
        return self._process

    def stop(self) -> None:
        """Terminates the emulator (killing it after ``stop_timeout``) and waits for it; repeatable."""
        self._stop()

    def __enter__(self) -> Emulator:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
