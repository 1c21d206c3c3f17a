"""Runs tests/vectors/bindings/inputs.json: wrong-typed and unusable arguments and the
error each gives (format: tests/README.md; policy: ARCHITECTURE.md)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import avara

FILE = Path(__file__).resolve().parents[2] / "tests" / "vectors" / "bindings" / "inputs.json"
DOCUMENT: Dict[str, Any] = json.loads(FILE.read_text(encoding="ascii"))
ABSENT = object()

Group = Dict[str, Any]
Case = Dict[str, Any]


def _value(spec: Dict[str, Any]) -> Any:
    kind = spec["kind"]
    if kind == "text":
        return spec["text"]
    if kind == "bytes":
        return bytes.fromhex(spec["hex"])
    if kind == "number":
        return spec["number"]
    if kind == "boolean":
        return spec["boolean"]
    if kind == "null":
        return None
    if kind == "absent":
        return ABSENT
    if kind == "object":
        return json.loads(json.dumps(spec["object"]))
    if kind == "list":
        return [_value(item) for item in spec["items"]]
    if kind == "milliseconds":
        return timedelta(milliseconds=spec["ms"])
    raise AssertionError(f"no Python value for kind {kind}")


def _required(value: Any) -> Any:
    """A required positional argument cannot be left out in Python: missing is None."""
    return None if value is ABSENT else value


_OPTION_NAMES = {"tolerance": "tolerance", "maxPayloadBytes": "max_payload_bytes"}


def _construct(group: Group, case: Case) -> Any:
    secret = _value(case["secrets"]) if "secrets" in case else _value(case["secret"])
    options = {_OPTION_NAMES[name]: _value(spec) for name, spec in case.get("options", {}).items()}
    return avara.Webhook(_required(secret), **options)


def _deliver(group: Group, case: Case) -> Any:
    webhook = avara.Webhook(group["secret"], now_ms=group["nowMs"])
    headers: Any = dict(group["headers"])
    if "headers" in case:
        headers = _value(case["headers"])
    if "header" in case:
        line = _value(case["header"]["value"])
        if line is ABSENT:
            del headers[case["header"]["name"]]
        else:
            headers[case["header"]["name"]] = line
    body = _value(case["body"]) if "body" in case else group["payload"].encode()
    return getattr(webhook, case["call"])(body, headers)


def _sign(group: Group, case: Case) -> Any:
    secret = _value(case["secret"]) if "secret" in case else group["secret"]
    timestamp = _value(case["timestamp"]) if "timestamp" in case else group["timestamp"]
    body = _value(case["body"]) if "body" in case else group["payload"].encode()
    return avara.sign(_required(secret), _required(timestamp), _required(body))


def _sign_standard(group: Group, case: Case) -> Any:
    secret = _value(case["secret"]) if "secret" in case else group["secret"]
    webhook_id = _value(case["webhookId"]) if "webhookId" in case else group["webhookId"]
    timestamp = _value(case["timestamp"]) if "timestamp" in case else group["timestamp"]
    body = _value(case["body"]) if "body" in case else group["payload"].encode()
    return avara.sign_standard(_required(secret), _required(webhook_id), _required(timestamp), _required(body))


_CONSTRUCTORS = {"authorized": "authorize", "denied": "deny"}


def _respond(group: Group, case: Case) -> Any:
    words = case["eventType"].replace(".", "_").split("_")
    responses = getattr(avara, "".join(word.capitalize() for word in words) + "Response")
    built = getattr(responses, _CONSTRUCTORS[case["constructor"]])(*[_value(arg) for arg in case["args"]])
    return built.to_dict()


_RUNNERS: Dict[str, Callable[[Group, Case], Any]] = {
    "webhook": _construct,
    "verify": _deliver,
    "unsafe_unwrap": lambda group, case: avara.unsafe_unwrap(_value(case["body"])),
    "sign": _sign,
    "sign_standard": _sign_standard,
    "response": _respond,
}

_ARGUMENT_ERRORS = {"argument_type": TypeError, "argument_range": ValueError, "argument_value": ValueError}


def _cases() -> Iterator[Tuple[Group, Case]]:
    for group in DOCUMENT["testGroups"]:
        for case in group["tests"]:
            yield group, case


CASES: List[Tuple[Group, Case]] = list(_cases())


def test_the_file_counts_its_cases() -> None:
    assert DOCUMENT["schema"] == "binding_inputs_v1"
    assert len(CASES) == DOCUMENT["numberOfTests"]


@pytest.mark.parametrize(
    ("group", "case"), CASES, ids=[f"{case['tcId']}-{group['type']}-{case['comment']}" for group, case in CASES]
)
def test_input(group: Group, case: Case) -> None:
    run = _RUNNERS[group["type"]]
    if case["result"] == "valid":
        result = run(group, case)
        if "signature" in case:
            assert result == case["signature"]
        if "expected" in case:
            assert result == case["expected"]
        if "signedHeaders" in case:
            assert result == case["signedHeaders"]
        return
    if case["error"] == "webhook":
        with pytest.raises(avara.WebhookVerificationError) as raised:
            run(group, case)
        assert raised.value.code == case["code"], raised.value.message
        assert case.get("messageIncludes", "") in raised.value.message
        return
    with pytest.raises(_ARGUMENT_ERRORS[case["error"]]) as argument_error:
        run(group, case)
    assert not isinstance(argument_error.value, avara.AvaraError), repr(argument_error.value)
    message = str(argument_error.value).lower().replace("_", "")
    assert case["argument"].lower() in message, str(argument_error.value)
