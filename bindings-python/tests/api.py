"""Helpers of the API tests: clients bound to an emulator, unique DICOM UIDs."""

from __future__ import annotations

import itertools

from avara import Avara
from emulator import Emulator

_uids = itertools.count(1)

SESSION_KEY = {"description": "with a webhook endpoint", "webhookUrl": "http://127.0.0.1:9/webhooks/avara"}


def uid() -> str:
    """A fresh, valid Study Instance UID."""
    return f"1.2.826.0.1.3680043.10.{next(_uids)}"


def client(emulator: Emulator, key: int = 0, max_retries: int = 0) -> Avara:
    return Avara(api_key=emulator.keys[key], base_url=emulator.base_url, max_retries=max_retries)
