# Stubs of the compiled module; `python -m mypy.stubtest avara._native` checks them
# against the build in `make python-test`.
import os
from typing import Any, Final, Iterable, Sequence, final

from ._manifest import BuiltManifest
from ._webhooks import Headers, Payload

__all__ = [
    "Client",
    "DEFAULT_MAX_PAYLOAD_BYTES",
    "DEFAULT_TOLERANCE_MS",
    "VERSION",
    "Webhook",
    "build_manifest",
    "build_manifest_from_files",
    "construct_response",
    "encode_request",
    "interpret_response",
    "manifest_skip_codes",
    "next_page_params",
    "normalize_response",
    "response_to_json",
    "sign",
    "sign_standard",
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
        max_payload_bytes: int | None = None,
    ) -> Webhook: ...
    def verify(self, payload: Payload, headers: Headers) -> dict[str, Any]: ...
    def unwrap(self, payload: Payload, headers: Headers) -> dict[str, Any]: ...

def unsafe_unwrap(payload: Payload) -> dict[str, Any]: ...
def sign(secret: bytes | str, timestamp: str | int, payload: Payload) -> str: ...
def sign_standard(secret: str, webhook_id: str, timestamp: int, payload: Payload) -> dict[str, str]: ...
def construct_response(event_type: str, constructor: str, args: list[Any]) -> dict[str, Any]: ...
def normalize_response(event_type: str, body: Any) -> dict[str, Any]: ...
def response_to_json(event_type: str, body: Any) -> str: ...

@final
class Client:
    def __new__(
        cls,
        *,
        runtime: str,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        default_headers: Sequence[tuple[str, str]] | None = None,
        webhook_secret: str | None = None,
    ) -> Client: ...
    @property
    def base_url(self) -> str: ...
    def call(self, operation: str, params: Any) -> Any: ...

def encode_request(operation: str, params: Any) -> dict[str, Any]: ...
def interpret_response(operation: str, status: int, body: bytes | str) -> Any: ...
def next_page_params(params: Any, page: Any) -> dict[str, Any] | None: ...

def build_manifest(study_instance_uid: str, items: Iterable[Any]) -> BuiltManifest: ...
def build_manifest_from_files(
    study_instance_uid: str, paths: Sequence[str | os.PathLike[str]], urls: Sequence[str]
) -> BuiltManifest: ...
def manifest_skip_codes() -> list[str]: ...
