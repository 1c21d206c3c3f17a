"""The ``Avara`` client. Webhooks only for now; the API resources come with the HTTP client."""

from __future__ import annotations

import os
from typing import Optional

from . import _models
from ._errors import AvaraError, WebhookVerificationError
from ._webhooks import Headers, Payload, Verified, Webhook, unsafe_unwrap

__all__ = ["Avara", "Webhooks"]

_API_KEY_ENV = "AVARA_API_KEY"
_WEBHOOK_SECRET_ENVS = ("AVARA_JWT_WEBHOOK_SECRET", "AVARA_WEBHOOK_KEY")


class Webhooks:
    """``client.webhooks``: verifies deliveries with the client's webhook secret."""

    __slots__ = ("_verifier",)

    def __init__(self, verifier: Optional[Webhook]) -> None:
        self._verifier = verifier

    def _require_verifier(self) -> Webhook:
        if self._verifier is None:
            raise WebhookVerificationError(
                "invalid_secret",
                "no webhook secret is configured; pass Avara(webhook_secret=...) or set "
                + " or ".join(_WEBHOOK_SECRET_ENVS),
            )
        return self._verifier

    def verify(self, payload: Payload, headers: Headers) -> Verified:
        """Checks a delivery's signature and freshness; see ``Webhook.verify``."""
        return self._require_verifier().verify(payload, headers)

    def unwrap(self, payload: Payload, headers: Headers) -> _models.WebhookEvent:
        """Verifies a delivery and parses it into a typed event; see ``Webhook.unwrap``."""
        return self._require_verifier().unwrap(payload, headers)

    def unsafe_unwrap(self, payload: Payload) -> _models.WebhookEvent:
        """Parses a body WITHOUT checking any signature; see ``avara.unsafe_unwrap``."""
        return unsafe_unwrap(payload)

    def __repr__(self) -> str:
        return f"Webhooks(secret={'<redacted>' if self._verifier else None})"


class Avara:
    """Entry point of the SDK.

    ``api_key`` defaults to the ``AVARA_API_KEY`` environment variable, read when the
    key is first needed. ``webhook_secret`` defaults to ``AVARA_JWT_WEBHOOK_SECRET``,
    then ``AVARA_WEBHOOK_KEY``; it is checked here, so a malformed secret fails at start-up
    rather than on the first delivery.
    """

    __slots__ = ("_api_key", "webhooks")

    webhooks: Webhooks

    def __init__(self, api_key: Optional[str] = None, *, webhook_secret: Optional[str] = None) -> None:
        self._api_key = api_key
        if webhook_secret is None:
            webhook_secret = next(
                (os.environ[name] for name in _WEBHOOK_SECRET_ENVS if name in os.environ), None
            )
        self.webhooks = Webhooks(Webhook(webhook_secret) if webhook_secret is not None else None)

    @property
    def api_key(self) -> str:
        """The API key, from the constructor or ``AVARA_API_KEY``."""
        key = self._api_key if self._api_key is not None else os.environ.get(_API_KEY_ENV)
        if not key:
            raise AvaraError(f"no API key: pass Avara(api_key=...) or set {_API_KEY_ENV}")
        return key

    def __repr__(self) -> str:
        key = "<redacted>" if self._api_key is not None else f"<from {_API_KEY_ENV}>"
        return f"Avara(api_key={key}, webhooks={self.webhooks!r})"
