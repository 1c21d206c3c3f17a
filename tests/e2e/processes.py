"""Background processes of one test run: each in its own process group (so launchers
such as npx take their children down with them), its output in a log file, and all of
them stopped when the run ends, whatever happened."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

# Variables of the developer's shell or of the Makefile that would point a copied app
# or a companion package back into the repository instead of at what dist/ installed.
REPOSITORY_VARIABLES = ("AVARA_", "NAPI_RS_", "PYTHONPATH", "VIRTUAL_ENV", "JAVA_TOOL_OPTIONS")


class Failure(Exception):
    """A check failed; the message says which and what was seen."""


def clean_environment(**extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith(REPOSITORY_VARIABLES)}
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(argv: list[str], cwd: Path, env: dict[str, str], what: str, timeout: float = 900) -> str:
    """Runs a setup step to completion; its output is shown only when it fails."""
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise Failure(f"{what} failed (exit {result.returncode}): {' '.join(argv)}\n{result.stdout}{result.stderr}")
    return result.stdout


class Background:
    def __init__(self, name: str, argv: list[str], cwd: Path, env: dict[str, str], log: Path) -> None:
        self.name = name
        self.log = log
        self._output = log.open("wb")
        self.process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=self._output, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)

    def running(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.running():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._output.close()


class Processes:
    """Starts background processes and stops every one of them on exit."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.started: list[Background] = []

    def __enter__(self) -> Processes:
        return self

    def __exit__(self, *_: object) -> None:
        for process in reversed(self.started):
            process.stop()

    def start(self, name: str, argv: list[str], cwd: Path, env: dict[str, str]) -> Background:
        process = Background(name, argv, cwd, env, self.logs / f"{name}-{len(self.started)}.log")
        self.started.append(process)
        return process


def wait_for_variables(emulator: Background, names: tuple[str, ...], timeout: float = 60) -> dict[str, str]:
    """The NAME=value lines the emulator prints once it serves."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = dict(line.split("=", 1) for line in emulator.output().splitlines() if "=" in line)
        if all(name in found for name in names):
            return {name: found[name].strip() for name in names}
        if not emulator.running():
            break
        time.sleep(0.05)
    raise Failure(f"{emulator.name} printed no {', '.join(names)}:\n{emulator.output()}")
