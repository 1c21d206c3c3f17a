"""Secrets and API keys never show up in repr, str or error messages."""

from __future__ import annotations

import pytest

from avara import Avara, Webhook, WebhookVerificationError, sign
from delivery import BODY, OTHER_SECRET, SECRET, headers, webhook


def _shown(value: object) -> str:
    return repr(value) + str(value)


def test_webhook_repr_hides_secrets() -> None:
    wh = Webhook([SECRET, OTHER_SECRET])
    text = _shown(wh) + _shown(wh._native) + repr([getattr(wh, slot) for slot in Webhook.__slots__])
    assert SECRET not in text and OTHER_SECRET not in text
    assert "<2 redacted>" in repr(wh)


@pytest.mark.parametrize(
    "bad_secret",
    ["short-secret-value", SECRET + "\n", " " + SECRET, "x" * 31],
    ids=["short", "newline", "leading-space", "31-bytes"],
)
def test_invalid_secret_errors_do_not_echo_the_secret(bad_secret: str) -> None:
    for secrets in (bad_secret, [SECRET, bad_secret]):
        with pytest.raises(WebhookVerificationError) as raised:
            Webhook(secrets)
        error = raised.value
        assert error.code == "invalid_secret"
        for shown in (str(error), repr(error), error.message, repr(error.args)):
            assert bad_secret.strip() not in shown and SECRET not in shown


def test_verification_errors_do_not_echo_the_secret() -> None:
    with pytest.raises(WebhookVerificationError) as raised:
        webhook().verify(BODY + b"tampered", headers())
    assert SECRET not in _shown(raised.value)


def test_client_repr_hides_key_and_secret() -> None:
    client = Avara("avara_live_api_key_0123456789", webhook_secret=SECRET)
    text = _shown(client) + _shown(client.webhooks)
    assert "avara_live_api_key_0123456789" not in text and SECRET not in text


def test_sign_refuses_a_secret_without_utf8_form_without_echoing_it() -> None:
    unencodable = SECRET + "\udcff"
    with pytest.raises(WebhookVerificationError) as raised:
        sign(unencodable, 1, BODY)
    error = raised.value
    assert error.code == "invalid_secret"
    cause = error.__cause__ or error.__context__
    for shown in (str(error), repr(error), error.message, repr(error.args), repr(cause)):
        assert SECRET not in shown


@pytest.mark.parametrize("secrets", [SECRET + "\udcff", [SECRET, "\ud800" + SECRET]], ids=["one", "rotation"])
def test_a_verifier_refuses_a_secret_without_utf8_form_without_echoing_it(secrets: object) -> None:
    with pytest.raises(WebhookVerificationError) as raised:
        Webhook(secrets)  # type: ignore[arg-type]
    error = raised.value
    assert error.code == "invalid_secret"
    assert error.__cause__ is None and error.__context__ is None
    for shown in (str(error), repr(error), error.message, repr(error.args)):
        assert SECRET not in shown
