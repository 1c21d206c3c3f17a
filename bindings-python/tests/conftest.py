"""Shared fixtures, and the per-file count of vector cases printed after every run."""

from __future__ import annotations

from collections import Counter

import pytest

_VECTOR_TEST = "::test_vector["
_ran: Counter[str] = Counter()
_failed: Counter[str] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" or _VECTOR_TEST not in report.nodeid:
        return
    file = report.nodeid.split(_VECTOR_TEST, 1)[1].split(":", 1)[0]
    _ran[file] += 1
    if report.failed:
        _failed[file] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for file in sorted(_ran):
        terminalreporter.write_line(
            f"python vectors: {file} {_ran[file]} cases ({_failed[file]} failed)"
        )
