"""Every case of `tests/vectors/api/*.json` through the package's public low-level
functions `avara.encode_request` and `avara.interpret_response`."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

import avara
from vectors import VECTORS, load

API_FILES = ["requests.json", "responses.json"]


def _cases() -> List[Any]:
    params = []
    for name in API_FILES:
        document = load(VECTORS / "api" / name)
        cases = [case for group in document["testGroups"] for case in group["tests"]]
        assert len(cases) == document["numberOfTests"], name
        params += [pytest.param(name, case, id=f"api/{name}:{case['tcId']}") for case in cases]
    return params


def _encode(case: Dict[str, Any]) -> None:
    if case["result"] == "valid":
        request = avara.encode_request(case["operation"], case["params"])
        assert {
            "method": request["method"],
            "path": request["path"],
            "query": [list(pair) for pair in request["query"]],
            "body": request["body"],
            "pathAndQuery": request["path_and_query"],
        } == case["expected"]
    else:
        with pytest.raises(avara.InvalidParamsError) as raised:
            avara.encode_request(case["operation"], case["params"])
        assert raised.value.code == case["code"]
        if "field" in case:
            assert raised.value.field == case["field"]


def _interpret(case: Dict[str, Any]) -> None:
    if case["result"] == "valid":
        assert avara.interpret_response(case["operation"], case["status"], case["body"]) == case["expected"]
    else:
        with pytest.raises(avara.APIError) as raised:
            avara.interpret_response(case["operation"], case["status"], case["body"])
        assert raised.value.code == case["code"]
        if "status" in case and case["code"] != "invalid_response":
            assert raised.value.status_code == case["status"]


@pytest.mark.parametrize(("file", "case"), _cases())
def test_vector(file: str, case: Dict[str, Any]) -> None:
    if file == "requests.json":
        _encode(case)
    else:
        _interpret(case)
