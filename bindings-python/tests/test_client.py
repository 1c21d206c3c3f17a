"""`Avara`: configuration from arguments and the environment, `client.webhooks`."""

from __future__ import annotations

import time

import pytest

from avara import Avara, AvaraError, StudyAccessRequestedEvent, WebhookVerificationError, sign
from delivery import BODY, OTHER_SECRET, SECRET, headers


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AVARA_API_KEY", "AVARA_JWT_WEBHOOK_SECRET", "AVARA_WEBHOOK_KEY"):
        monkeypatch.delenv(name, raising=False)


def test_api_key_is_read_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    client = Avara()
    monkeypatch.setenv("AVARA_API_KEY", "from-env")
    assert client.api_key == "from-env"
    assert Avara("given").api_key == "given"


def test_missing_api_key_is_an_avara_error() -> None:
    client = Avara()
    with pytest.raises(AvaraError, match="AVARA_API_KEY"):
        _ = client.api_key


def test_webhook_secret_from_argument_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    event = Avara(webhook_secret=SECRET).webhooks.unwrap(BODY, headers=_fresh_headers(SECRET))
    assert isinstance(event, StudyAccessRequestedEvent)
    assert event.data.study_id == "stu_1234567890abcdef1234567890abcdef"

    monkeypatch.setenv("AVARA_WEBHOOK_KEY", OTHER_SECRET)
    assert Avara().webhooks.verify(BODY, _fresh_headers(OTHER_SECRET)).secret_index == 0
    monkeypatch.setenv("AVARA_JWT_WEBHOOK_SECRET", SECRET)
    assert Avara().webhooks.verify(BODY, _fresh_headers(SECRET)).secret_index == 0


def test_a_bad_webhook_secret_fails_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AVARA_JWT_WEBHOOK_SECRET", "")
    with pytest.raises(WebhookVerificationError) as raised:
        Avara()
    assert raised.value.code == "invalid_secret"


def test_without_a_webhook_secret_only_unsafe_unwrap_works() -> None:
    client = Avara()
    with pytest.raises(WebhookVerificationError) as raised:
        client.webhooks.unwrap(BODY, headers())
    assert raised.value.code == "invalid_secret"
    event = client.webhooks.unsafe_unwrap(BODY)
    assert isinstance(event, StudyAccessRequestedEvent)
    assert event.id == "whe_0123456789abcdef0123456789abcdef"


def _fresh_headers(secret: str) -> list[tuple[str, str]]:
    """Signed now: the client verifies against the system clock."""
    timestamp = str(int(time.time() * 1000))
    return headers(sign(secret, timestamp, BODY), timestamp)
