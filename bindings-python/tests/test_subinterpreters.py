"""One interpreter per process: the first that imports avara owns it (README, "Subinterpreters").

Each scenario runs in a fresh process, because which interpreter owns the native module
is decided once per process. Subinterpreters are made with CPython's own module for them
(`_interpreters` from 3.13, `_xxsubinterpreters` before), the kind mod_wsgi runs each
application group in: they share the GIL with the main interpreter.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

PRELUDE = """
try:
    import _interpreters as interpreters
except ImportError:
    import _xxsubinterpreters as interpreters

SECRET = "avara_jwt_secret_7Qm2xV9pL4tR8sK1nB6dF3hJ"

def code_of_a_failed_verification():
    import avara
    try:
        avara.Webhook(SECRET).verify(b"{}", {})
    except avara.WebhookVerificationError as error:
        return error.code
    raise AssertionError("verification passed")

def in_subinterpreter(code):
    interpreter = interpreters.create()
    try:
        interpreters.run_string(interpreter, PRELUDE + code)
    finally:
        interpreters.destroy(interpreter)
"""

IMPORT_IN_SUBINTERPRETER = """
try:
    import avara
except ImportError as error:
    print("refused:", error)
else:
    print("imported:", code_of_a_failed_verification())
"""


def _run(main: str) -> list[str]:
    script = f"PRELUDE = {PRELUDE!r}\n" + PRELUDE + textwrap.dedent(main)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_subinterpreter_gets_a_clear_import_error_and_the_main_interpreter_keeps_working() -> None:
    lines = _run(
        f"""
        print("main:", code_of_a_failed_verification())
        in_subinterpreter({IMPORT_IN_SUBINTERPRETER!r})
        print("main:", code_of_a_failed_verification())
        """
    )
    assert lines[0] == "main: missing_signature"
    assert lines[1].startswith("refused: avara cannot be imported in a second Python interpreter")
    assert "WSGIApplicationGroup %{GLOBAL}" in lines[1]
    assert lines[2] == "main: missing_signature"


def test_the_first_interpreter_to_import_owns_avara_even_when_it_is_a_subinterpreter() -> None:
    lines = _run(
        f"""
        in_subinterpreter({IMPORT_IN_SUBINTERPRETER!r})
        in_subinterpreter({IMPORT_IN_SUBINTERPRETER!r})
        try:
            print("main:", code_of_a_failed_verification())
        except ImportError as error:
            print("main refused:", error)
        """
    )
    assert lines[0] == "imported: missing_signature"
    assert lines[1].startswith("refused: avara cannot be imported in a second Python interpreter")
    # Before, the class cached by the destroyed subinterpreter was raised here, and
    # failed with NameError: name 'super' is not defined.
    assert lines[2].startswith("main refused: avara cannot be imported in a second Python interpreter")
