"""Runs every case of every file in `tests/vectors/` through the Python package."""

from __future__ import annotations

import json
from datetime import timedelta
from functools import partial
from typing import Any, Callable, Dict, Optional, Tuple, Union

import pytest

from avara import Webhook, WebhookVerificationError, _models, _native, sign, sign_standard, unsafe_unwrap
from vectors import Case, cases, files, load


def test_number_of_tests_matches_every_file() -> None:
    for path in files():
        document = load(path)
        counted = sum(len(group["tests"]) for group in document["testGroups"])
        assert counted == document["numberOfTests"], path.name


def _payload(case: Dict[str, Any]) -> bytes:
    if "payloadHex" in case:
        return bytes.fromhex(case["payloadHex"])
    text: str = case["payload"]
    return text.encode("utf-8")


def _tolerance(milliseconds: Optional[int]) -> Optional[timedelta]:
    return None if milliseconds is None else timedelta(milliseconds=milliseconds)


def _webhook(group: Dict[str, Any]) -> Webhook:
    config = group["config"]
    options: Dict[str, Any] = {"now_ms": group["nowMs"]}
    for key, option in (
        ("toleranceMs", "tolerance"),
        ("pastToleranceMs", "past_tolerance"),
        ("futureToleranceMs", "future_tolerance"),
    ):
        if key in config:
            options[option] = _tolerance(config[key])
    if "maxPayloadBytes" in config:
        options["max_payload_bytes"] = config["maxPayloadBytes"]
    return Webhook(_secrets(group["secrets"]), **options)


def _secrets(secrets: list[str]) -> Union[str, list[str]]:
    """One secret is given alone, several as a list (rotation), as the format says."""
    return secrets[0] if len(secrets) == 1 else secrets


def _expect_code(case: Dict[str, Any], run: Callable[[], object]) -> None:
    with pytest.raises(WebhookVerificationError) as raised:
        run()
    assert raised.value.code == case["code"], raised.value.message


def run_verify(group: Dict[str, Any], case: Dict[str, Any]) -> None:
    webhook = _webhook(group)
    payload = _payload(case)
    headers = case["headers"]
    # A text payload must give the same answer whether passed as bytes or as str.
    payloads: list[Union[bytes, str]] = [payload] if "payloadHex" in case else [payload, case["payload"]]
    for given in payloads:
        if case["result"] == "valid":
            verified = webhook.verify(given, headers)
            assert (verified.scheme, verified.secret_index, verified.webhook_id) == (
                case["scheme"],
                case["secretIndex"],
                case.get("webhookId"),
            )
        else:
            _expect_code(case, partial(webhook.verify, given, headers))


def run_secret(group: Dict[str, Any], case: Dict[str, Any]) -> None:
    secrets = _secrets(case["secrets"])
    if case["result"] == "valid":
        Webhook(secrets)
    else:
        _expect_code(case, lambda: Webhook(secrets))


def run_sign(group: Dict[str, Any], case: Dict[str, Any]) -> None:
    key = bytes.fromhex(case["keyHex"])
    assert sign(key, case["timestamp"], bytes.fromhex(case["payloadHex"])) == case["signature"]


def run_sign_standard(group: Dict[str, Any], case: Dict[str, Any]) -> None:
    secret, webhook_id, seconds, payload = case["secret"], case["webhookId"], case["timestamp"], _payload(case)
    if case["result"] != "valid":
        _expect_code(case, lambda: sign_standard(secret, webhook_id, seconds, payload))
        return
    headers = sign_standard(secret=secret, webhook_id=webhook_id, timestamp=seconds, payload=payload)
    assert [list(pair) for pair in headers.items()] == case["headers"]
    # What signs also verifies, under the same secret.
    verified = Webhook(secret, now_ms=seconds * 1000).verify(payload, headers)
    assert (verified.scheme, verified.webhook_id) == ("standard", webhook_id)


def run_parse(group: Dict[str, Any], case: Dict[str, Any]) -> None:
    payload = _payload(case)
    if case["result"] == "valid":
        assert _native.unsafe_unwrap(payload) == case["expected"]
        assert unsafe_unwrap(payload).to_dict() == case["expected"]
    else:
        _expect_code(case, lambda: unsafe_unwrap(payload))


def run_construct(group: Dict[str, Any], case: Dict[str, Any]) -> None:
    event_type, constructor, args = case["eventType"], case["constructor"], case["args"]
    response_class = _models.RESPONSE_CLASSES.get(event_type)
    method = getattr(response_class, _models.CONSTRUCTOR_NAMES.get(constructor, ""), None)
    if case["result"] == "valid":
        assert _native.construct_response(event_type, constructor, args) == case["expected"]
        assert method is not None, f"{event_type} has no Python constructor for {constructor}"
        assert method(*args).to_dict() == case["expected"]
    else:
        _expect_code(case, lambda: _native.construct_response(event_type, constructor, args))
        if method is not None:
            _expect_code(case, lambda: method(*args))


def run_normalize(group: Dict[str, Any], case: Dict[str, Any]) -> None:
    event_type, body = case["eventType"], case["body"]
    response_class = _models.RESPONSE_CLASSES.get(event_type)
    if case["result"] == "valid":
        assert _native.normalize_response(event_type, body) == case["expected"]
        assert json.loads(_native.response_to_json(event_type, body)) == case["expected"]
        assert response_class is not None
        assert response_class.from_dict(body).validated().to_dict() == case["expected"]
    else:
        _expect_code(case, lambda: _native.normalize_response(event_type, body))
        _expect_code(case, lambda: _native.response_to_json(event_type, body))
        if response_class is not None:
            _expect_code(case, lambda: response_class.from_dict(body).to_json())


RUNNERS: Dict[Tuple[str, str], Callable[[Dict[str, Any], Dict[str, Any]], None]] = {
    ("webhook_signatures_v1", "verify"): run_verify,
    ("webhook_signatures_v1", "secret"): run_secret,
    ("webhook_signatures_v1", "sign"): run_sign,
    ("webhook_signatures_v1", "signStandard"): run_sign_standard,
    ("webhook_events_v1", "parse"): run_parse,
    ("webhook_responses_v1", "construct"): run_construct,
    ("webhook_responses_v1", "normalize"): run_normalize,
}


@pytest.mark.parametrize(
    "vector", [pytest.param(c, id=f"{c.file}:{c.case['tcId']}") for c in cases()]
)
def test_vector(vector: Case) -> None:
    runner = RUNNERS.get((vector.schema, vector.group["type"]))
    if runner is None:
        pytest.fail(f"no Python runner for schema {vector.schema!r}, group type {vector.group['type']!r}")
    runner(vector.group, vector.case)
