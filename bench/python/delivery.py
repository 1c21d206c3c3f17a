"""The deliveries of bench/delivery.json, signed here with the standard library
(independently of the package under test) and with the current time, right before
each measurement."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Dict, List, Tuple

FIXTURE = json.loads((Path(__file__).resolve().parent.parent / "delivery.json").read_text())


def bodies() -> List[Tuple[str, bytes]]:
    head = FIXTURE["body"][:-1]
    frame = f'{head},"padding":""}}'
    filler = "x" * (FIXTURE["largeBytes"] - len(frame))
    large = f'{head},"padding":"{filler}"}}'
    return [("delivery", FIXTURE["body"].encode()), ("1MiB", large.encode())]


def _request(signed: Dict[str, str]) -> Dict[str, str]:
    """The request's headers as a dict with lowercase names."""
    return {**dict(FIXTURE["requestHeaders"]), **signed}


def guide_request(body: bytes) -> Dict[str, str]:
    timestamp = str(time.time_ns() // 1_000_000)
    signature = hmac.new(
        FIXTURE["secret"].encode(), timestamp.encode() + body, hashlib.sha256
    ).hexdigest()
    return _request({"x-avara-signature": signature, "x-avara-timestamp": timestamp})


def standard_request(body: bytes) -> Dict[str, str]:
    seconds = str(time.time_ns() // 1_000_000_000)
    key = base64.b64decode(FIXTURE["standardSecret"][len("whsec_") :])
    to_sign = f"{FIXTURE['webhookId']}.{seconds}.".encode() + body
    signature = base64.b64encode(hmac.new(key, to_sign, hashlib.sha256).digest()).decode()
    return _request(
        {
            "webhook-id": FIXTURE["webhookId"],
            "webhook-timestamp": seconds,
            "webhook-signature": f"v1,{signature}",
        }
    )
