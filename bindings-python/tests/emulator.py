"""Runs `avara-emulator` on a free loopback port for the API tests.

The binary comes from `AVARA_EMULATOR_BIN` (the Makefile exports it after
`make emulator-build`), else from the workspace's debug build.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional

ROOT = Path(__file__).resolve().parents[2]

FULL_ACCESS: Dict[str, Any] = {"description": "full access"}
NO_ACCESS: Dict[str, Any] = {
    "description": "studies only",
    "studyScope": "self",
    "userAccess": "none",
    "expressAccess": "none",
}


def binary() -> Path:
    path = Path(os.environ.get("AVARA_EMULATOR_BIN", ROOT / "target" / "debug" / "avara-emulator"))
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; run `make emulator-build` first")
    return path


class Emulator:
    """One emulator process; `keys[i]` is the API key of the i-th configured key."""

    base_url: str
    keys: List[str]

    def __init__(
        self,
        keys: Optional[List[Dict[str, Any]]] = None,
        faults: Optional[Dict[str, Any]] = None,
        log_requests: bool = False,
    ) -> None:
        keys = keys or [FULL_ACCESS]
        config = {"keys": keys, "faults": faults or {}, "seed": 7, "logRequests": log_requests}
        self._log = tempfile.TemporaryFile("w+")
        self._config = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
        json.dump(config, self._config)
        self._config.close()
        self._process = subprocess.Popen(
            [str(binary()), "--port", "0", "--config", self._config.name],
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        assert self._process.stdout is not None
        settings: Dict[str, str] = {}
        # One base URL line, then a key and a webhook secret line per key.
        for _ in range(1 + 2 * len(keys)):
            line = self._process.stdout.readline()
            if not line:
                self.stop()
                raise RuntimeError("avara-emulator exited before printing its settings")
            name, _, value = line.strip().partition("=")
            settings[name] = value
        self.base_url = settings["AVARA_BASE_URL"]
        self.keys = [settings["AVARA_API_KEY" + (f"_{n + 1}" if n else "")] for n in range(len(keys))]

    def requests(self) -> List[str]:
        """The requests served so far, `POST /v1/viewer/studies -> 201 [req_…]` (only
        with `log_requests`)."""
        self._log.seek(0)
        return [line for line in self._log.read().splitlines() if " -> " in line]

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)
        self._log.close()
        os.unlink(self._config.name)

    def __enter__(self) -> "Emulator":
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
