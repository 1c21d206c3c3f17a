"""Webhook verification: the ``Webhook`` verifier and the free functions around it.

Every check happens in the native core; this module converts arguments and wraps the
results in typed objects.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta
from typing import Dict, Iterable, Literal, Optional, Protocol, Sequence, Tuple, Union

from . import _models, _native

__all__ = [
    "DEFAULT_MAX_PAYLOAD_BYTES",
    "DEFAULT_TOLERANCE",
    "HeaderValue",
    "Headers",
    "Payload",
    "Verified",
    "Webhook",
    "sign",
    "sign_standard",
    "unsafe_unwrap",
]

DEFAULT_TOLERANCE = timedelta(milliseconds=_native.DEFAULT_TOLERANCE_MS)
"""How far in the past or the future a delivery may be signed by default."""

DEFAULT_MAX_PAYLOAD_BYTES: int = _native.DEFAULT_MAX_PAYLOAD_BYTES
"""Bodies above this many bytes are rejected by default."""

Payload = Union[bytes, bytearray, memoryview, str]
"""The raw request body. A ``str`` stands for its UTF-8 encoding; pass bytes when you can."""

HeaderValue = Union[str, bytes, Sequence[Union[str, bytes]], None]
"""One header value, or several for a header that arrived on several lines; ``None``
for a header that is absent."""


class _HeaderItems(Protocol):
    def items(self) -> Iterable[Tuple[Union[str, bytes], HeaderValue]]: ...


Headers = Union[_HeaderItems, Iterable[Tuple[Union[str, bytes], HeaderValue]]]
"""The request's headers: any mapping (Django ``request.headers``, Flask/werkzeug and
Starlette ``Headers``, a ``dict``) or an iterable of ``(name, value)`` pairs (ASGI
``scope["headers"]``). Lines a framework reports twice count as duplicates."""


class _Same(enum.Enum):
    AS_TOLERANCE = enum.auto()


@dataclass(frozen=True)
class Verified:
    """What a successful verification established."""

    scheme: Literal["guide", "standard", "both"]
    """Which headers authenticated the delivery: ``X-Avara-*`` (guide), ``webhook-*``
    (Standard Webhooks) or both."""
    secret_index: int
    """Position of the matching secret, so an old one can be retired after rotation."""
    timestamp_ms: int
    """When the sender signed the delivery, in Unix milliseconds."""
    webhook_id: Optional[str]
    """The ``webhook-id`` header of Standard Webhooks deliveries."""


def _one_side(
    name: str, own: Union[timedelta, None, _Same], tolerance: Optional[timedelta]
) -> Tuple[str, Optional[timedelta]]:
    """One side's tolerance, and the argument messages name for it: its own, or
    ``tolerance`` where it follows that."""
    return ("tolerance", tolerance) if own is _Same.AS_TOLERANCE else (name, own)


def _milliseconds(name: str, tolerance: Optional[timedelta]) -> Optional[int]:
    if tolerance is None:
        return None
    if not isinstance(tolerance, timedelta):
        raise TypeError(f"{name} must be a datetime.timedelta or None, got {type(tolerance).__name__}")
    if tolerance < timedelta(0):
        raise ValueError(f"{name} must not be negative, got {tolerance!r}")
    return tolerance // timedelta(milliseconds=1)


class Webhook:
    """Verifies webhook deliveries against one or more secrets.

    ``Webhook(secret)`` uses one secret; ``Webhook([new, old])`` accepts either while
    you rotate, and ``Verified.secret_index`` tells which matched. Secrets are used
    exactly as given (their UTF-8 bytes), must be at least 32 bytes long and may have no
    whitespace or invisible character at either end. A ``whsec_<base64>`` or bare base64
    secret also verifies Standard Webhooks deliveries with its decoded key (at least 24
    bytes).

    ``tolerance`` bounds how far a delivery's timestamp may be from now, both ways;
    ``past_tolerance``/``future_tolerance`` set one side, and ``None`` switches the
    check off (then deduplicate on ``event.id`` to stop replays). ``now_ms`` fixes the
    clock (Unix ms), for tests and for re-verifying stored deliveries.

    Anything wrong with a secret, its type or a missing one (``None``, as an unset
    environment variable gives) included, raises ``WebhookVerificationError`` with
    ``invalid_secret``; a bad option raises ``TypeError`` or ``ValueError``.
    """

    __slots__ = ("_native", "_settings")

    def __init__(
        self,
        secret_or_secrets: Union[str, Sequence[str]],
        *,
        tolerance: Optional[timedelta] = DEFAULT_TOLERANCE,
        past_tolerance: Union[timedelta, None, _Same] = _Same.AS_TOLERANCE,
        future_tolerance: Union[timedelta, None, _Same] = _Same.AS_TOLERANCE,
        now_ms: Optional[int] = None,
        max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES,
    ) -> None:
        # The native verifier takes one secret or a list; it checks every item's type.
        secrets: Union[str, Sequence[str]] = secret_or_secrets
        if isinstance(secret_or_secrets, Sequence) and not isinstance(secret_or_secrets, (str, bytes, bytearray)):
            secrets = list(secret_or_secrets)
        count = len(secrets) if isinstance(secrets, list) else 1
        past_name, past = _one_side("past_tolerance", past_tolerance, tolerance)
        future_name, future = _one_side("future_tolerance", future_tolerance, tolerance)
        self._native = _native.Webhook(
            secrets,
            past_tolerance_ms=_milliseconds(past_name, past),
            future_tolerance_ms=_milliseconds(future_name, future),
            now_ms=now_ms,
            max_payload_bytes=max_payload_bytes,
        )
        self._settings = (
            f"secrets=<{count} redacted>, past_tolerance={past!r}, "
            f"future_tolerance={future!r}, now_ms={now_ms!r}, "
            f"max_payload_bytes={max_payload_bytes!r}"
        )

    def verify(self, payload: Payload, headers: Headers) -> Verified:
        """Checks a delivery's signature and freshness.

        Raises ``WebhookVerificationError`` with the failure's ``code``.
        """
        result = self._native.verify(payload, headers)
        return Verified(
            scheme=result["scheme"],
            secret_index=result["secret_index"],
            timestamp_ms=result["timestamp_ms"],
            webhook_id=result["webhook_id"],
        )

    def unwrap(self, payload: Payload, headers: Headers) -> _models.WebhookEvent:
        """Verifies a delivery, then parses its body into a typed event.

        Unknown event types become ``UnknownWebhookEvent``; a body that is not a valid
        event raises ``WebhookVerificationError`` (``invalid_payload``/``schema_error``).
        """
        return _models.event_from_dict(self._native.unwrap(payload, headers))

    def __repr__(self) -> str:
        return f"Webhook({self._settings})"


def unsafe_unwrap(payload: Payload) -> _models.WebhookEvent:
    """Parses a body into a typed event WITHOUT checking any signature.

    Only for bodies verified elsewhere, or tests: anyone can forge an unverified body.
    """
    return _models.event_from_dict(_native.unsafe_unwrap(payload))


def sign(secret: Union[str, bytes], timestamp: Union[int, str], payload: Payload) -> str:
    """The ``X-Avara-Signature`` of a body, for senders and tests.

    ``timestamp`` is the ``X-Avara-Timestamp`` text (Unix ms), or the int it spells. A bad
    secret raises ``invalid_secret``, a bad body ``PayloadNotRawError``, a bad timestamp
    ``TypeError`` or ``ValueError``.
    """
    return _native.sign(secret, timestamp, payload)


def sign_standard(secret: str, webhook_id: str, timestamp: int, payload: Payload) -> Dict[str, str]:
    """The Standard Webhooks headers of a body, for senders and tests: ``webhook-id``,
    ``webhook-timestamp`` and ``webhook-signature``, ready to pass as request headers.

    ``secret`` is ``whsec_<base64>`` or bare base64 and follows the verifier's rules (a
    key of at least 24 bytes, nothing padding either end), so what this signs ``Webhook``
    verifies; ``timestamp`` is Unix seconds. The id and timestamp are signed as given.
    A bad secret raises ``invalid_secret``, a bad body ``PayloadNotRawError``, a bad id or
    timestamp ``TypeError`` or ``ValueError``.
    """
    return _native.sign_standard(secret, webhook_id, timestamp, payload)
