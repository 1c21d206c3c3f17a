"""A signed delivery to test the binding's argument handling with."""

from __future__ import annotations

from typing import Any, List, Tuple

from avara import Webhook, sign

SECRET = "avara_jwt_secret_7Qm2xV9pL4tR8sK1nB6dF3hJ"
OTHER_SECRET = "avara_jwt_secret_rotated_Zc5Yw1Ue8Io4Pa7S"
NOW_MS = 1767225600000
TIMESTAMP = str(NOW_MS)
BODY = (
    b'{"id":"whe_0123456789abcdef0123456789abcdef","type":"study.access_requested",'
    b'"data":{"studyId":"stu_1234567890abcdef1234567890abcdef","studyInstanceUid":"1.2.840.10008"}}'
)
SIGNATURE = sign(SECRET, TIMESTAMP, BODY)


def headers(signature: str = SIGNATURE, timestamp: str = TIMESTAMP) -> List[Tuple[str, str]]:
    return [("X-Avara-Signature", signature), ("X-Avara-Timestamp", timestamp)]


def webhook(**options: Any) -> Webhook:
    return Webhook(SECRET, now_ms=NOW_MS, **options)
