"""Python values to and from the core's JSON values, for responses and events."""

from __future__ import annotations

import json
from collections import OrderedDict
from types import MappingProxyType
from typing import Any

import pytest

from avara import WebhookVerificationError, _native, unsafe_unwrap

STUDY = "study.access_requested"


def _schema_error(body: Any) -> str:
    with pytest.raises(WebhookVerificationError) as raised:
        _native.normalize_response(STUDY, body)
    assert raised.value.code == "schema_error"
    return raised.value.message


def test_numbers_keep_their_python_type() -> None:
    event = _native.unsafe_unwrap(
        b'{"type":"later.event","n":[1,-1,18446744073709551615,-9223372036854775808,2.5,1e300,0.0],"b":[true,false,null]}'
    )
    numbers = event["raw"]["n"]
    assert numbers == [1, -1, 2**64 - 1, -(2**63), 2.5, 1e300, 0.0]
    assert [type(n) for n in numbers] == [int, int, int, int, float, float, float]
    assert event["raw"]["b"] == [True, False, None]


def test_tuples_mappings_and_bools_convert() -> None:
    body = MappingProxyType({"authorized": True, "urls": ("https://a", "https://b")})
    assert _native.normalize_response(STUDY, body) == {"authorized": True, "urls": ["https://a", "https://b"]}
    text = _native.response_to_json(STUDY, OrderedDict(authorized=False, error="no"))
    assert json.loads(text) == {"authorized": False, "urls": [], "error": "no"}
    assert ", " not in text and ": " not in text
    assert "authorized" in _schema_error({"authorized": 1, "urls": []})


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"authorized": True, "urls": [float("nan")]}, "body.urls[0]: NaN"),
        ({"authorized": True, "urls": [2**64]}, "body.urls[0]: the integer does not fit"),
        ({"authorized": True, 1: "x"}, "keys must be str"),
        ({"authorized": True, "urls": {"https://a"}}, "body.urls: a set has no JSON form"),
        ({"authorized": True, "urls": [b"https://a"]}, "a bytes has no JSON form"),
        ({"authorized": True, "urls": ["\udcff"]}, "unpaired surrogates"),
        ({"authorized": True, "x\udcff": 1}, "unpaired surrogates"),
        ([object()], "body[0]: an object has no JSON form"),
    ],
)
def test_values_without_json_form_are_schema_errors(body: Any, fragment: str) -> None:
    assert fragment in _schema_error(body)


def test_self_containing_and_deep_values_stop_before_the_stack_does() -> None:
    loop: dict[str, Any] = {"authorized": True}
    loop["urls"] = [loop]
    assert "deeper than" in _schema_error(loop)
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    assert "deeper than" in _schema_error({"authorized": True, "urls": deep})


def test_construct_args_are_named_in_errors() -> None:
    with pytest.raises(WebhookVerificationError) as raised:
        _native.construct_response(STUDY, "authorized", [[object()]])
    assert raised.value.code == "schema_error"
    assert raised.value.message.startswith("args[0][0]:")


def test_unknown_events_are_kept_whole() -> None:
    event = unsafe_unwrap(b'{"type":"study.created","id":"x","data":{"a":[1]}}')
    assert event.to_dict() == {
        "type": "unknown",
        "eventType": "study.created",
        "raw": {"type": "study.created", "id": "x", "data": {"a": [1]}},
    }


def test_doubles_in_an_unknown_event_are_read_exactly() -> None:
    # serde_json's fast float parser reads this one a bit off (956.0342718892492).
    drifting = "956.0342718892493"
    event = unsafe_unwrap(f'{{"type":"later.event","data":{{"n":{drifting}}}}}'.encode())
    assert repr(event.to_dict()["raw"]["data"]["n"]) == drifting
