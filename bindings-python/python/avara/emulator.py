"""Runs the local Avara API emulator: ``python -m avara.emulator [flags]``.

The binary comes from ``AVARA_EMULATOR_BIN`` when set, else from the companion
package ``avara-sdk-emulator`` (``pip install "avara-sdk[emulator]"``), which installs
an ``avara-emulator`` executable beside the interpreter's other scripts.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

__all__ = ["EmulatorError", "binary_path", "main"]

EXECUTABLE = "avara-emulator"
INSTALL_HINT = 'pip install "avara-sdk[emulator]"'


class EmulatorError(RuntimeError):
    """The emulator could not be found or started.

    ``code`` is stable: ``emulator_not_found``, ``emulator_start_failed`` or
    ``emulator_start_timeout``.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _script_dirs() -> Iterator[Path]:
    # A venv's interpreter sits beside its scripts; a system or --user install puts
    # them in the scheme's scripts folder.
    yield Path(sys.executable).parent
    yield Path(sysconfig.get_path("scripts"))
    yield Path(sysconfig.get_path("scripts", sysconfig.get_preferred_scheme("user")))


def binary_path() -> Path:
    """The emulator executable, or ``EmulatorError("emulator_not_found")`` saying how to get one."""
    override = os.environ.get("AVARA_EMULATOR_BIN")
    if override:
        path = Path(override)
        if not _is_executable(path):
            raise EmulatorError(
                "emulator_not_found", f"AVARA_EMULATOR_BIN points to {path}, which is missing or not executable"
            )
        return path
    for folder in _script_dirs():
        if _is_executable(folder / EXECUTABLE):
            return folder / EXECUTABLE
    found = shutil.which(EXECUTABLE)
    if found is not None:
        return Path(found)
    raise EmulatorError(
        "emulator_not_found",
        f"no {EXECUTABLE} executable found: run `{INSTALL_HINT}` or set AVARA_EMULATOR_BIN",
    )


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Replaces this process with the emulator, so its output, signals and exit status are the emulator's own."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        binary = binary_path()
    except EmulatorError as error:
        print(f"avara-emulator: {error}", file=sys.stderr)
        raise SystemExit(1) from None
    sys.stdout.flush()
    os.execv(binary, [str(binary), *arguments])


if __name__ == "__main__":
    main()
