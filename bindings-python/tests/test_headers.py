"""Header collections of the common frameworks, and malformed ones."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Mapping, Tuple

import pytest

from avara import PayloadNotRawError, WebhookVerificationError
from delivery import BODY, SIGNATURE, TIMESTAMP, webhook


class MultiHeaders(Mapping[str, str]):
    """Like werkzeug's and Starlette's `Headers`: `.items()` yields every line."""

    def __init__(self, lines: List[Tuple[str, str]]) -> None:
        self._lines = lines

    def __getitem__(self, name: str) -> str:
        return next(value for key, value in self._lines if key.lower() == name.lower())

    def __iter__(self) -> Iterator[str]:
        return iter(key for key, _ in self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def items(self) -> List[Tuple[str, str]]:  # type: ignore[override]
        return list(self._lines)


class CaseInsensitiveDict(Dict[str, str]):
    """Like Django's `request.headers`: one entry per name, any case on lookup."""

    def __init__(self, headers: Dict[str, str]) -> None:
        super().__init__({name.title(): value for name, value in headers.items()})


def _code(headers: Any) -> str:
    with pytest.raises(WebhookVerificationError) as raised:
        webhook().verify(BODY, headers)
    return raised.value.code


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Avara-Signature": SIGNATURE, "X-Avara-Timestamp": TIMESTAMP},
        {"x-avara-signature": SIGNATURE, "X-AVARA-TIMESTAMP": TIMESTAMP},
        CaseInsensitiveDict({"x-avara-signature": SIGNATURE, "x-avara-timestamp": TIMESTAMP}),
        MultiHeaders([("Content-Type", "application/json"), ("X-Avara-Signature", SIGNATURE), ("X-Avara-Timestamp", TIMESTAMP)]),
        [("X-Avara-Signature", SIGNATURE), ("X-Avara-Timestamp", TIMESTAMP)],
        (["X-Avara-Signature", SIGNATURE], ["X-Avara-Timestamp", TIMESTAMP]),
        [(b"x-avara-signature", SIGNATURE.encode()), (b"x-avara-timestamp", TIMESTAMP.encode())],
        iter([("X-Avara-Signature", SIGNATURE), ("X-Avara-Timestamp", TIMESTAMP)]),
        {"X-Avara-Signature": [SIGNATURE], "X-Avara-Timestamp": (TIMESTAMP,)},
        {"X-Avara-Signature": bytearray(SIGNATURE.encode()), "X-Avara-Timestamp": TIMESTAMP},
    ],
    ids=["dict", "dict-any-case", "django-like", "werkzeug-like", "pairs", "lists", "asgi-bytes", "iterator", "one-item-lists", "bytearray-value"],
)
def test_header_collections_verify(headers: Any) -> None:
    assert webhook().verify(BODY, headers).scheme == "guide"


def test_werkzeug_style_duplicate_lines_are_rejected() -> None:
    twice = MultiHeaders(
        [("X-Avara-Signature", SIGNATURE), ("x-avara-signature", SIGNATURE), ("X-Avara-Timestamp", TIMESTAMP)]
    )
    assert _code(twice) == "duplicate_header"


def test_a_list_of_values_stands_for_repeated_lines() -> None:
    assert _code({"X-Avara-Signature": [SIGNATURE, SIGNATURE], "X-Avara-Timestamp": TIMESTAMP}) == "duplicate_header"


def test_non_utf8_header_values_are_malformed_not_a_crash() -> None:
    assert _code({"X-Avara-Signature": b"\xff\xfe", "X-Avara-Timestamp": TIMESTAMP}) == "malformed_signature"
    assert _code({"X-Avara-Signature": SIGNATURE, "X-Avara-Timestamp": b"\xff\xfe"}) == "malformed_timestamp"
    assert _code({"X-Avara-Signature": "\udcff" * 64, "X-Avara-Timestamp": TIMESTAMP}) == "malformed_signature"
    assert _code([(b"\xff\xfe", b"\xff"), ("X-Avara-Signature", SIGNATURE)]) == "missing_timestamp"


@pytest.mark.parametrize(
    "headers",
    [None, 42, "X-Avara-Signature: abc", b"raw", [("only-a-name",)], [42], [("X-Avara-Signature", [SIGNATURE, None])],
     {"X-Avara-Signature": 5}, {"X-Avara-Signature": [[SIGNATURE]]}, {42: SIGNATURE}],
    ids=["None", "int", "str", "bytes", "short-pair", "non-pair", "None-in-list", "int-value", "nested-list", "int-name"],
)
def test_bad_header_containers_are_typed_errors(headers: Any) -> None:
    with pytest.raises(PayloadNotRawError) as raised:
        webhook().verify(BODY, headers)
    assert raised.value.code == "payload_not_raw"
    assert "headers" in raised.value.message


def test_none_as_a_value_means_the_header_is_absent() -> None:
    assert _code({"X-Avara-Signature": None, "X-Avara-Timestamp": TIMESTAMP}) == "missing_signature"
    assert _code([("X-Avara-Signature", SIGNATURE), ("X-Avara-Timestamp", None)]) == "missing_timestamp"


def test_values_of_headers_the_core_does_not_read_are_not_looked_at() -> None:
    headers: Dict[str, Any] = {"X-Avara-Signature": SIGNATURE, "X-Avara-Timestamp": TIMESTAMP, "X-Count": 3}
    assert webhook().verify(BODY, headers).scheme == "guide"


def test_exceptions_of_the_collection_itself_propagate() -> None:
    class Broken:
        def items(self) -> List[Tuple[str, str]]:
            raise KeyError("boom")

    with pytest.raises(KeyError):
        webhook().verify(BODY, Broken())


def test_missing_headers() -> None:
    assert _code({}) == "missing_signature"
    assert _code({"X-Avara-Signature": SIGNATURE}) == "missing_timestamp"
    assert _code({"X-Avara-Signature": " ", "X-Avara-Timestamp": TIMESTAMP}) == "missing_signature"
