# Stubs of the compiled module; `python -m mypy.stubtest avara._native` checks them
# against the build in `make python-test`.
from typing import Any, Final, Sequence, final

from ._webhooks import Headers, Payload

__all__ = [
    "DEFAULT_MAX_PAYLOAD_BYTES",
    "DEFAULT_TOLERANCE_MS",
    "VERSION",
    "Webhook",
    "construct_response",
    "normalize_response",
    "response_to_json",
    "sign",
    "unsafe_unwrap",
]

DEFAULT_MAX_PAYLOAD_BYTES: Final[int]
DEFAULT_TOLERANCE_MS: Final[int]
VERSION: Final[str]

@final
class Webhook:
    def __new__(
        cls,
        secrets: str | Sequence[str],
        *,
        past_tolerance_ms: int | None = ...,
        future_tolerance_ms: int | None = ...,
        now_ms: int | None = None,
        max_payload_bytes: int = ...,
    ) -> Webhook: ...
    def verify(self, payload: Payload, headers: Headers) -> dict[str, Any]: ...
    def unwrap(self, payload: Payload, headers: Headers) -> dict[str, Any]: ...

def unsafe_unwrap(payload: Payload) -> dict[str, Any]: ...
def sign(secret: bytes | str, timestamp: str | int, payload: Payload) -> str: ...
def construct_response(event_type: str, constructor: str, args: list[Any]) -> dict[str, Any]: ...
def normalize_response(event_type: str, body: Any) -> dict[str, Any]: ...
def response_to_json(event_type: str, body: Any) -> str: ...
