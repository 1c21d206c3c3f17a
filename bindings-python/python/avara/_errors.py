"""The exceptions of the SDK. The native module raises them; see ``src/error.rs``."""

from __future__ import annotations

__all__ = ["AvaraError", "PayloadNotRawError", "WebhookVerificationError"]


class AvaraError(Exception):
    """Base class of every error the SDK raises."""


class WebhookVerificationError(AvaraError):
    """A webhook could not be verified or parsed, or the verifier is misconfigured.

    ``code`` is one of the stable strings shared by every Avara SDK (for example
    ``signature_mismatch``, ``timestamp_too_old``, ``invalid_secret``); ``message``
    names the header or field at fault and never contains a secret. Answer such
    deliveries with a generic 400 and log the code.
    """

    code: str
    message: str

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class PayloadNotRawError(WebhookVerificationError, TypeError):
    """The body or the headers were handed over in a type that cannot be verified.

    Its ``code`` is ``payload_not_raw``. Pass the raw request body (``bytes``, e.g.
    Flask's ``request.get_data()``, Django's ``request.body``, Starlette's
    ``await request.body()``), never the parsed JSON.
    """
