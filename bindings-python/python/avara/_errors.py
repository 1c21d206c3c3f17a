"""The exceptions of the SDK. The native module raises them; see ``src/error.rs``."""

from __future__ import annotations

from typing import Any, Dict, Optional, Type

from ._error_codes import APIErrorCode, WebhookErrorCode

__all__ = [
    "APIConnectionError",
    "APIConnectionTimeoutError",
    "APIError",
    "APIErrorCode",
    "APIStatusError",
    "AuthenticationError",
    "AvaraError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "InvalidParamsError",
    "InvalidResponseError",
    "NotFoundError",
    "PayloadNotRawError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "WebhookErrorCode",
    "WebhookVerificationError",
]


class AvaraError(Exception):
    """Base class of every error the SDK raises."""


class WebhookVerificationError(AvaraError):
    """A webhook could not be verified or parsed, or the verifier is misconfigured.

    ``code`` is one of the stable strings shared by every Avara SDK (for example
    ``signature_mismatch``, ``timestamp_too_old``, ``invalid_secret``); ``message``
    names the header or field at fault and never contains a secret. Answer such
    deliveries with a generic 401 and log the code.
    """

    code: WebhookErrorCode
    message: str

    def __init__(self, code: WebhookErrorCode, message: str) -> None:
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


class APIError(AvaraError):
    """An API call failed. The subclass follows ``code``, the stable string every Avara
    SDK uses for the failure (``not_found``, ``invalid_params``, ``timeout``, ...).

    ``message`` says what went wrong and what to do; it never contains the API key.
    ``status_code``, ``body`` (the parsed error body, or its text) and ``request_id``
    are set when the server answered; ``field`` names the parameter at fault where there
    is one; ``attempts`` counts the requests sent, retries included (0: nothing was sent).
    """

    code: APIErrorCode
    message: str
    field: Optional[str]
    status_code: Optional[int]
    body: Any
    request_id: Optional[str]
    attempts: int

    def __init__(
        self,
        code: APIErrorCode,
        message: str,
        *,
        field: Optional[str] = None,
        status_code: Optional[int] = None,
        body: Any = None,
        request_id: Optional[str] = None,
        attempts: int = 0,
    ) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.field = field
        self.status_code = status_code
        self.body = body
        self.request_id = request_id
        self.attempts = attempts

    def __str__(self) -> str:
        text = f"{self.code}: {self.message}"
        return f"{text} [request {self.request_id}]" if self.request_id else text


class APIStatusError(APIError):
    """The server answered with an error status (``status_code``)."""


class BadRequestError(APIStatusError):
    """HTTP 400 (``bad_request``)."""


class AuthenticationError(APIStatusError):
    """HTTP 401 (``authentication``): the API key is missing, mistyped or revoked."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403 (``permission_denied``): the key's scope or access does not allow this."""


class NotFoundError(APIStatusError):
    """HTTP 404 (``not_found``), also for a study outside the key's study scope."""


class ConflictError(APIStatusError):
    """HTTP 409 (``conflict``)."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422 (``unprocessable_entity``)."""


class RateLimitError(APIStatusError):
    """HTTP 429 (``rate_limited``) after the client's own retries."""


class InternalServerError(APIStatusError):
    """HTTP 5xx (``internal_server``) after the client's own retries."""


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke (``connection``)."""


class APIConnectionTimeoutError(APIConnectionError):
    """The server did not answer within the timeout (``timeout``)."""


class InvalidParamsError(APIError, ValueError):
    """The parameters break the contract (``invalid_params``); nothing was sent.
    ``field`` names the parameter at fault in wire spelling (``studyInstanceUid``)."""


class InvalidResponseError(APIError):
    """A success answer that does not match the contract (``invalid_response``)."""


class ConfigurationError(APIError):
    """The client is misconfigured (``configuration``), e.g. no API key."""


# Every code of the generated `APIErrorCode` has its class here (tests/test_api_client.py).
_CLASS_OF_CODE: Dict[APIErrorCode, Type[APIError]] = {
    "bad_request": BadRequestError,
    "authentication": AuthenticationError,
    "permission_denied": PermissionDeniedError,
    "not_found": NotFoundError,
    "conflict": ConflictError,
    "unprocessable_entity": UnprocessableEntityError,
    "rate_limited": RateLimitError,
    "internal_server": InternalServerError,
    "api_status": APIStatusError,
    "connection": APIConnectionError,
    "timeout": APIConnectionTimeoutError,
    "invalid_params": InvalidParamsError,
    "invalid_response": InvalidResponseError,
    "configuration": ConfigurationError,
}


def _api_error(
    code: APIErrorCode,
    message: str,
    field: Optional[str],
    status_code: Optional[int],
    body: Any,
    request_id: Optional[str],
    attempts: int,
) -> APIError:
    """The exception for a core error; the native module raises what this returns."""
    return _CLASS_OF_CODE.get(code, APIError)(
        code,
        message,
        field=field,
        status_code=status_code,
        body=body,
        request_id=request_id,
        attempts=attempts,
    )
