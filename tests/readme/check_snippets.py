"""Holds the README's code samples to the example apps they are quoted from.

A fenced block right after a `<!-- from: <path> -->` line must appear, line for line,
in that file (indentation removed evenly, so a method may be quoted out of its
class). A block without a marker is not checked here. Exit status 1 names every
sample that drifted.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^<!-- from: (\S+) -->$")


def quoted_samples(readme: str) -> list[tuple[int, str, str]]:
    """(line number, source path, sample text) for every marked block."""
    lines = readme.splitlines()
    samples = []
    for index, line in enumerate(lines):
        match = MARKER.match(line.strip())
        if not match:
            continue
        fence = index + 1
        if fence >= len(lines) or not lines[fence].startswith("```"):
            raise SystemExit(f"README.md:{index + 1}: a `from:` marker must be followed by a code fence")
        end = next(n for n in range(fence + 1, len(lines)) if lines[n].startswith("```"))
        samples.append((fence + 1, match.group(1), "\n".join(lines[fence + 1 : end])))
    return samples


def normalized(text: str) -> list[str]:
    return [line.rstrip() for line in textwrap.dedent(text).splitlines()]


def contains(source: list[str], sample: list[str]) -> bool:
    """Whether `sample` occurs as consecutive lines of `source`, at one common indent."""
    width = len(sample)
    for start in range(len(source) - width + 1):
        if normalized("\n".join(source[start : start + width])) == sample:
            return True
    return False


def main() -> int:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    samples = quoted_samples(readme)
    if not samples:
        print("README.md quotes no example file", file=sys.stderr)
        return 1
    drifted = []
    for line, path, text in samples:
        source = ROOT / path
        if not source.is_file():
            drifted.append(f"README.md:{line}: quotes {path}, which does not exist")
        elif not contains(source.read_text(encoding="utf-8").splitlines(), normalized(text)):
            drifted.append(f"README.md:{line}: the sample is not, line for line, in {path}")
    for message in drifted:
        print(message, file=sys.stderr)
    print(f"{len(samples) - len(drifted)} of {len(samples)} README samples match their example files")
    return 1 if drifted else 0


if __name__ == "__main__":
    sys.exit(main())
