"""The API tests' emulator: `avara.testing.Emulator` with the suite's fixed settings.

The binary comes from `AVARA_EMULATOR_BIN` (the Makefile exports it after
`make emulator-build`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional

from avara import testing

ROOT = Path(__file__).resolve().parents[2]

FULL_ACCESS: Dict[str, Any] = {"description": "full access"}
NO_ACCESS: Dict[str, Any] = {
    "description": "studies only",
    "studyScope": "self",
    "userAccess": "none",
    "expressAccess": "none",
}


class Emulator(testing.Emulator):
    """One emulator process; `keys[i]` is the API key of the i-th configured key."""

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
        super().__init__(config=config, stderr=self._log)
        self.keys = [self.env["AVARA_API_KEY" + (f"_{n + 1}" if n else "")] for n in range(len(keys))]

    def requests(self) -> List[str]:
        """The requests served so far, `POST /v1/viewer/studies -> 201 [req_…]` (only
        with `log_requests`)."""
        self._log.seek(0)
        return [line for line in self._log.read().splitlines() if " -> " in line]

    def stop(self) -> None:
        super().stop()
        self._log.close()

    def __enter__(self) -> "Emulator":
        return self
