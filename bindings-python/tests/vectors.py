"""Loading of the shared test vectors in `tests/vectors/` (format: `tests/README.md`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterator, List, NamedTuple

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


class Case(NamedTuple):
    file: str
    schema: str
    group: Dict[str, Any]
    case: Dict[str, Any]


def files() -> List[Path]:
    found = sorted(VECTORS.glob("*.json"))
    if not found:
        raise FileNotFoundError(f"no test vectors in {VECTORS}")
    return found


def load(path: Path) -> Dict[str, Any]:
    document: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def cases() -> Iterator[Case]:
    for path in files():
        document = load(path)
        for group in document["testGroups"]:
            for case in group["tests"]:
                yield Case(path.name, document["schema"], group, case)
