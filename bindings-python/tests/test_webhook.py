"""The verifier's options and results."""

from __future__ import annotations

from datetime import timedelta

import pytest

from avara import Verified, Webhook, WebhookVerificationError, sign
from delivery import BODY, NOW_MS, OTHER_SECRET, SECRET, TIMESTAMP, headers, webhook

MINUTE_MS = 60_000


def _code(wh: Webhook, timestamp_ms: int) -> str:
    signed = headers(sign(SECRET, str(timestamp_ms), BODY), str(timestamp_ms))
    with pytest.raises(WebhookVerificationError) as raised:
        wh.verify(BODY, signed)
    return raised.value.code


def _verifies(wh: Webhook, timestamp_ms: int) -> bool:
    signed = headers(sign(SECRET, str(timestamp_ms), BODY), str(timestamp_ms))
    return wh.verify(BODY, signed).timestamp_ms == timestamp_ms


def test_verified_result() -> None:
    assert webhook().verify(BODY, headers()) == Verified(
        scheme="guide", secret_index=0, timestamp_ms=NOW_MS, webhook_id=None
    )


def test_default_tolerance_is_five_minutes_both_ways() -> None:
    wh = webhook()
    assert _verifies(wh, NOW_MS - 5 * MINUTE_MS) and _verifies(wh, NOW_MS + 5 * MINUTE_MS)
    assert _code(wh, NOW_MS - 5 * MINUTE_MS - 1) == "timestamp_too_old"
    assert _code(wh, NOW_MS + 5 * MINUTE_MS + 1) == "timestamp_too_new"


def test_tolerance_per_side_and_off() -> None:
    wh = webhook(tolerance=timedelta(minutes=1), future_tolerance=timedelta(0))
    assert _verifies(wh, NOW_MS - MINUTE_MS)
    assert _code(wh, NOW_MS - MINUTE_MS - 1) == "timestamp_too_old"
    assert _code(wh, NOW_MS + 1) == "timestamp_too_new"
    only_past = webhook(future_tolerance=None)
    assert _verifies(only_past, NOW_MS + 365 * 24 * 60 * MINUTE_MS)
    assert _code(only_past, NOW_MS - 5 * MINUTE_MS - 1) == "timestamp_too_old"
    off = webhook(tolerance=None)
    assert _verifies(off, 1_000_000_000_000) and _verifies(off, NOW_MS + 10**9)


def test_negative_tolerance_is_refused() -> None:
    with pytest.raises(ValueError, match="past_tolerance"):
        Webhook(SECRET, past_tolerance=timedelta(seconds=-1))


def test_system_clock_by_default() -> None:
    with pytest.raises(WebhookVerificationError) as raised:
        Webhook(SECRET).verify(BODY, headers())
    assert raised.value.code in ("timestamp_too_old", "timestamp_too_new")


def test_rotation_reports_the_matching_secret() -> None:
    rotated = headers(sign(OTHER_SECRET, TIMESTAMP, BODY))
    assert Webhook([SECRET, OTHER_SECRET], now_ms=NOW_MS).verify(BODY, rotated).secret_index == 1
    assert Webhook((OTHER_SECRET,), now_ms=NOW_MS).verify(BODY, rotated).secret_index == 0


def test_max_payload_bytes() -> None:
    with pytest.raises(WebhookVerificationError) as raised:
        webhook(max_payload_bytes=len(BODY) - 1).verify(BODY, headers())
    assert raised.value.code == "payload_too_large"
    assert webhook(max_payload_bytes=len(BODY)).verify(BODY, headers()).scheme == "guide"


@pytest.mark.parametrize(
    ("secrets", "message"),
    [
        (None, "the webhook secret is missing"),
        (42, "the webhook secret must be a str or a list of str, got an int"),
        (b"avara_jwt_secret_7Qm2xV9pL4tR8sK1nB6dF3hJ", "the webhook secret must be"),
        ((SECRET, None), "webhook secret #2 is missing"),
        ([SECRET, 42], "webhook secret #2 must be a str, got an int"),
    ],
)
def test_secrets_of_the_wrong_type_are_invalid_secret(secrets: object, message: str) -> None:
    with pytest.raises(WebhookVerificationError) as raised:
        Webhook(secrets)  # type: ignore[arg-type]
    assert raised.value.code == "invalid_secret"
    assert raised.value.message.startswith(message)
    assert "7Qm2x" not in raised.value.message


@pytest.mark.parametrize(("option", "value"), [("tolerance", 5), ("now_ms", "5"), ("max_payload_bytes", True)])
def test_options_of_the_wrong_type_are_type_errors(option: str, value: object) -> None:
    with pytest.raises(TypeError, match=option):
        Webhook(SECRET, **{option: value})  # type: ignore[arg-type]


@pytest.mark.parametrize(("option", "value"), [("now_ms", -1), ("max_payload_bytes", -1), ("max_payload_bytes", 2**64)])
def test_counts_out_of_range_are_value_errors(option: str, value: int) -> None:
    with pytest.raises(ValueError, match=option):
        Webhook(SECRET, **{option: value})  # type: ignore[arg-type]


@pytest.mark.parametrize("secrets", ["", "short", " " + SECRET, [], [SECRET, ""]])
def test_bad_secrets_fail_at_construction(secrets: object) -> None:
    with pytest.raises(WebhookVerificationError) as raised:
        Webhook(secrets)  # type: ignore[arg-type]
    assert raised.value.code == "invalid_secret"


def test_sign_takes_int_or_text_timestamps_and_str_or_bytes_keys() -> None:
    assert sign(SECRET, NOW_MS, BODY) == sign(SECRET.encode(), TIMESTAMP, BODY.decode())
    assert len(sign(b"", "", b"")) == 64


@pytest.mark.parametrize("timestamp", [True, False, 1.5, None])
def test_sign_refuses_timestamps_that_are_neither_int_nor_text(timestamp: object) -> None:
    with pytest.raises(TypeError, match="timestamp"):
        sign(SECRET, timestamp, BODY)  # type: ignore[arg-type]
