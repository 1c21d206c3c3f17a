"""The sizes of what `make dist` ships: the packages at the top of dist/ and the
emulator binary. dist/maven holds the same jars again, so it is not counted."""

from pathlib import Path


def artifact_sizes(dist: Path) -> dict[str, int]:
    files = [path for path in dist.iterdir() if path.is_file()]
    files += [path for path in (dist / "bin").iterdir() if path.is_file()]
    return {str(path.relative_to(dist)): path.stat().st_size for path in sorted(files)}
