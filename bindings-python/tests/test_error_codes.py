"""The error codes are generated from the core's lists, for Python as for TypeScript, and
every API error code raises its own exception class."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, get_args

import pytest

import avara
from avara._errors import _CLASS_OF_CODE, _api_error
from vectors import cases

TYPESCRIPT = Path(__file__).resolve().parents[2] / "bindings-node" / "generated" / "errors.d.ts"


def _typescript_union(name: str) -> List[str]:
    union = re.search(rf"export type {name} =([^;]+);", TYPESCRIPT.read_text(encoding="utf-8"))
    assert union, name
    return re.findall(r"'([a-z_]+)'", union.group(1))


@pytest.mark.parametrize("name", ["WebhookErrorCode", "APIErrorCode"])
def test_the_literal_lists_the_same_codes_as_typescript_in_the_same_order(name: str) -> None:
    assert list(get_args(getattr(avara, name))) == _typescript_union(name)


def test_every_code_the_vectors_expect_is_declared() -> None:
    expected = {case.case["code"] for case in cases() if "code" in case.case}
    assert expected and expected <= set(get_args(avara.WebhookErrorCode))


def test_every_api_error_code_raises_its_own_class() -> None:
    codes = get_args(avara.APIErrorCode)
    assert sorted(_CLASS_OF_CODE) == sorted(codes)
    assert len(set(_CLASS_OF_CODE.values())) == len(codes)
    for code in codes:
        error = _api_error(code, "message", None, None, None, None, 0)
        assert type(error) is _CLASS_OF_CODE[code] and error.code == code
        assert isinstance(error, avara.APIError) and type(error) is not avara.APIError
