"""The webhook error codes are generated from the core's list, for Python as for TypeScript."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import avara
from vectors import cases

TYPESCRIPT = Path(__file__).resolve().parents[2] / "bindings-node" / "generated" / "errors.d.ts"


def test_the_literal_lists_the_same_codes_as_typescript_in_the_same_order() -> None:
    declared = re.findall(r"\| '([a-z_]+)'", TYPESCRIPT.read_text(encoding="utf-8"))
    assert list(get_args(avara.WebhookErrorCode)) == declared


def test_every_code_the_vectors_expect_is_declared() -> None:
    expected = {case.case["code"] for case in cases() if "code" in case.case}
    assert expected and expected <= set(get_args(avara.WebhookErrorCode))
