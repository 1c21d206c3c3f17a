"""Bodies: every raw type is accepted, anything parsed or odd is a typed error."""

from __future__ import annotations

from typing import Any

import pytest

from avara import (
    PayloadNotRawError,
    StudyAccessRequestedEvent,
    WebhookVerificationError,
    sign,
    unsafe_unwrap,
)
from delivery import BODY, SECRET, TIMESTAMP, headers, webhook


@pytest.mark.parametrize(
    "payload",
    [BODY, bytearray(BODY), memoryview(BODY), BODY.decode("utf-8"), memoryview(b"xx" + BODY + b"yy")[2:-2]],
    ids=["bytes", "bytearray", "memoryview", "str", "memoryview-slice"],
)
def test_raw_payload_types_verify(payload: Any) -> None:
    assert webhook().verify(payload, headers()).secret_index == 0
    event = webhook().unwrap(payload, headers())
    assert isinstance(event, StudyAccessRequestedEvent)
    assert event.id == "whe_0123456789abcdef0123456789abcdef"
    assert sign(SECRET, TIMESTAMP, payload) == sign(SECRET, TIMESTAMP, BODY)


@pytest.mark.parametrize(
    "payload",
    [{"id": "whe_x"}, [1, 2], 42, 4.2, None, object(), {b"a"}],
    ids=["dict", "list", "int", "float", "None", "object", "set"],
)
def test_parsed_or_foreign_payloads_are_rejected(payload: Any) -> None:
    for call in (
        lambda: webhook().verify(payload, headers()),
        lambda: webhook().unwrap(payload, headers()),
        lambda: unsafe_unwrap(payload),
        lambda: sign(SECRET, TIMESTAMP, payload),
    ):
        with pytest.raises(PayloadNotRawError) as raised:
            call()
        assert raised.value.code == "payload_not_raw"
        assert isinstance(raised.value, TypeError)
        assert isinstance(raised.value, WebhookVerificationError)


def test_str_without_utf8_form_is_rejected() -> None:
    with pytest.raises(PayloadNotRawError, match="unpaired UTF-16 surrogate"):
        webhook().verify("{\udcff}", headers())


def test_ten_megabytes_are_too_large() -> None:
    huge = b"x" * (10 * 1024 * 1024)
    with pytest.raises(WebhookVerificationError) as raised:
        webhook().verify(huge, headers())
    assert raised.value.code == "payload_too_large"
    with pytest.raises(WebhookVerificationError) as raised:
        unsafe_unwrap(huge)
    assert raised.value.code == "payload_too_large"


def test_invalid_utf8_body_verifies_then_fails_to_parse() -> None:
    body = b"\xff\xfe{}"
    signed = headers(sign(SECRET, TIMESTAMP, body))
    assert webhook().verify(body, signed).scheme == "guide"
    with pytest.raises(WebhookVerificationError) as raised:
        webhook().unwrap(body, signed)
    assert raised.value.code == "invalid_payload"


def test_errors_carry_code_and_message() -> None:
    with pytest.raises(WebhookVerificationError) as raised:
        webhook().verify(BODY + b" ", headers())
    error = raised.value
    assert error.code == "signature_mismatch"
    assert "X-Avara-Signature" in error.message
    assert str(error) == f"{error.code}: {error.message}"
