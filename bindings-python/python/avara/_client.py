"""The ``Avara`` and ``AsyncAvara`` clients: the API resources and ``client.webhooks``."""

from __future__ import annotations

import os
from typing import Mapping, Optional, Tuple

from . import _models
from ._api_resources import AsyncApi, SyncApi
from ._api_runtime import Caller
from ._errors import ConfigurationError, WebhookVerificationError
from ._webhooks import Headers, Payload, Verified, Webhook, unsafe_unwrap

__all__ = ["AsyncAvara", "Avara", "Webhooks"]

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


class _Settings:
    """What ``Avara`` and ``AsyncAvara`` share: the settings, ``webhooks`` and the
    lazily built native client behind their resources."""

    __slots__ = ()

    _api_key: Optional[str]
    webhooks: Webhooks

    @staticmethod
    def _configure(
        api_key: Optional[str],
        base_url: Optional[str],
        timeout: Optional[float],
        max_retries: Optional[int],
        default_headers: Optional[Mapping[str, str]],
        webhook_secret: Optional[str],
    ) -> Tuple[Webhooks, Caller]:
        secret = webhook_secret
        if secret is None:
            secret = next((os.environ[name] for name in _WEBHOOK_SECRET_ENVS if name in os.environ), None)
        webhooks = Webhooks(Webhook(secret) if secret is not None else None)
        return webhooks, Caller(
            {
                "api_key": api_key,
                "base_url": base_url,
                "timeout": timeout,
                "max_retries": max_retries,
                "default_headers": list(default_headers.items()) if default_headers else None,
                "webhook_secret": webhook_secret,
            }
        )

    @property
    def api_key(self) -> str:
        """The API key, from the constructor or ``AVARA_API_KEY``."""
        key = self._api_key if self._api_key is not None else os.environ.get(_API_KEY_ENV)
        if not key:
            raise ConfigurationError(
                "configuration", f"no API key: pass Avara(api_key=...) or set {_API_KEY_ENV}"
            )
        return key

    def __repr__(self) -> str:
        key = "<redacted>" if self._api_key is not None else f"<from {_API_KEY_ENV}>"
        return f"{type(self).__name__}(api_key={key}, webhooks={self.webhooks!r})"


class Avara(_Settings, SyncApi):
    """Entry point of the SDK: the API resources (``client.viewer``, ``client.express``)
    and ``client.webhooks``.

    Every setting left as None comes from the environment when the first API call is
    made: ``api_key`` from ``AVARA_API_KEY``, ``base_url`` from ``AVARA_BASE_URL`` (else
    the production API), extra headers from ``AVARA_CUSTOM_HEADERS``. ``timeout`` is in
    seconds per request (default 60), ``max_retries`` counts retries after the first
    attempt (default 2). A client without an API key still verifies webhooks.

    ``webhook_secret`` defaults to ``AVARA_JWT_WEBHOOK_SECRET``, then
    ``AVARA_WEBHOOK_KEY``; it is checked here, so a malformed secret fails at start-up
    rather than on the first delivery.

    One client may be shared by any number of threads; calls release the GIL while they
    wait for the network and share one connection pool.
    """

    __slots__ = ("_api_key", "webhooks")

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        default_headers: Optional[Mapping[str, str]] = None,
        webhook_secret: Optional[str] = None,
    ) -> None:
        self._api_key = api_key
        self.webhooks, caller = self._configure(
            api_key, base_url, timeout, max_retries, default_headers, webhook_secret
        )
        SyncApi.__init__(self, caller)


class AsyncAvara(_Settings, AsyncApi):
    """``Avara`` for asyncio (FastAPI, aiohttp): the same settings and resources, with
    coroutine methods; list methods return pagers to ``await`` (first page) or to
    ``async for`` over (every item).

    Each call runs the blocking native client in the event loop's default executor,
    which has ``min(32, os.cpu_count() + 4)`` threads: that many calls are in flight at
    once, the rest wait their turn. For more, install a larger executor with
    ``loop.set_default_executor(ThreadPoolExecutor(max_workers=n))``.
    """

    __slots__ = ("_api_key", "webhooks")

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        default_headers: Optional[Mapping[str, str]] = None,
        webhook_secret: Optional[str] = None,
    ) -> None:
        self._api_key = api_key
        self.webhooks, caller = self._configure(
            api_key, base_url, timeout, max_retries, default_headers, webhook_secret
        )
        AsyncApi.__init__(self, caller)
