"""The integration guide's Flask receiver, and the verifier a careful engineer writes."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from typing import Any, Dict, Mapping, Optional


class _Headers(Dict[str, str]):
    """Looks names up case-insensitively, as Flask's ``request.headers`` does."""

    def get(self, name: str, default: Optional[str] = None) -> Optional[str]:
        return dict.get(self, name.lower(), default)


class GuideRequest:
    """The parts of Flask's ``request`` the guide's code touches."""

    def __init__(self, raw_body: bytes, headers: Mapping[str, str]) -> None:
        self._data = raw_body
        self.headers = _Headers(headers)

    def get_data(self, as_text: bool = False) -> Any:
        return self._data.decode("utf-8") if as_text else self._data

    @property
    def json(self) -> Any:
        return json.loads(self._data)


# Verbatim from the guide.
def verify_webhook_signature(req) -> bool:
    secret = os.environ.get('AVARA_JWT_WEBHOOK_SECRET')
    if not secret:
        raise ValueError('AVARA_JWT_WEBHOOK_SECRET not configured')
    signature = req.headers.get('X-Avara-Signature')
    timestamp = req.headers.get('X-Avara-Timestamp')
    if not signature or not timestamp:
        return False
    payload = req.get_data(as_text=True)
    expected_signature = hmac.new(
        secret.encode('utf-8'),
        (timestamp + payload).encode('utf-8'),
        hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(signature, expected_signature)


def guide_receive(raw_body: bytes, headers: Mapping[str, str]) -> Any:
    """The guide's handler up to ``event = request.json``."""
    request = GuideRequest(raw_body, headers)
    if not verify_webhook_signature(request):
        raise ValueError("Invalid signature")
    return request.json


TOLERANCE_MS = 5 * 60 * 1000


class TunedVerifier:
    """The raw body hashed as received (OpenSSL's HMAC, no text round trip), compared
    in constant time, freshness checked, then one ``json.loads``."""

    def __init__(self, secret: str) -> None:
        self._key = secret.encode()

    def verify(self, raw_body: bytes, headers: Mapping[str, str]) -> bool:
        signature = headers.get("x-avara-signature")
        timestamp = headers.get("x-avara-timestamp")
        if not signature or not timestamp:
            return False
        mac = hmac.new(self._key, timestamp.encode(), "sha256")
        mac.update(raw_body)
        return hmac.compare_digest(mac.hexdigest(), signature) and (
            abs(time.time_ns() // 1_000_000 - int(timestamp)) <= TOLERANCE_MS
        )

    def unwrap(self, raw_body: bytes, headers: Mapping[str, str]) -> Any:
        if not self.verify(raw_body, headers):
            raise ValueError("Invalid signature")
        return json.loads(raw_body)
