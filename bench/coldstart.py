"""Cold start: the wall time of a fresh process that loads each verifier, and on the
JVM also the time of its first verification, library loading included (printed by
com.avara.bench.ColdStart). Each command runs once to warm the file cache, then
--runs times; the samples go to --out as JSON for report.py.

    coldstart.py --python PY --classpath CP --runs N --out FILE
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import subprocess
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
FIXTURE = json.loads((BENCH / "delivery.json").read_text())


def signed_delivery() -> list[str]:
    """Secret, body and header lines of a delivery signed now, as ColdStart's arguments."""
    timestamp = str(time.time_ns() // 1_000_000)
    body = FIXTURE["body"]
    signature = hmac.new(FIXTURE["secret"].encode(), (timestamp + body).encode(), hashlib.sha256).hexdigest()
    return [FIXTURE["secret"], body, "X-Avara-Signature", signature, "X-Avara-Timestamp", timestamp]


def standard_delivery() -> list[str]:
    seconds = str(time.time_ns() // 1_000_000_000)
    key = base64.b64decode(FIXTURE["standardSecret"][len("whsec_"):])
    body = FIXTURE["body"]
    to_sign = f"{FIXTURE['webhookId']}.{seconds}.{body}".encode()
    signature = base64.b64encode(hmac.new(key, to_sign, hashlib.sha256).digest()).decode()
    return [FIXTURE["standardSecret"], body, "webhook-id", FIXTURE["webhookId"],
            "webhook-timestamp", seconds, "webhook-signature", f"v1,{signature}"]


def commands(python: str, classpath: str) -> list[tuple[str, str, list[str], Path]]:
    """(runtime, what, command, working directory)."""
    node = BENCH / "node"
    java = ["java", "-cp", classpath, "com.avara.bench.ColdStart"]
    return [
        ("node", "avara", ["node", "-e", "require('avara')"], node),
        ("node", "standardwebhooks", ["node", "-e", "require('standardwebhooks')"], node),
        ("node", "guide (node:crypto)", ["node", "-e", "require('node:crypto')"], node),
        ("python", "avara", [python, "-c", "import avara"], BENCH),
        ("python", "standardwebhooks", [python, "-c", "import standardwebhooks"], BENCH),
        ("python", "guide (hmac, hashlib, json)", [python, "-c", "import hmac, hashlib, json"], BENCH),
        ("jvm", "avara", [*java, "ours", *signed_delivery()], BENCH),
        ("jvm", "standardwebhooks", [*java, "standardwebhooks", *standard_delivery()], BENCH),
        ("jvm", "guide (Jackson + javax.crypto)", [*java, "guide", *signed_delivery()], BENCH),
    ]


def run(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True)
    return (time.perf_counter() - start) * 1e9, done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--python", required=True)
    parser.add_argument("--classpath", required=True)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()
    results = []
    for runtime, what, command, cwd in commands(arguments.python, arguments.classpath):
        run(command, cwd)
        samples = [run(command, cwd) for _ in range(arguments.runs)]
        result = {"runtime": runtime, "what": what, "process_ns": [wall for wall, _ in samples]}
        if runtime == "jvm":
            result["first_verify_ns"] = [float(printed) for _, printed in samples]
        results.append(result)
    Path(arguments.out).write_text(json.dumps({"runs": arguments.runs, "results": results}, indent=1) + "\n")


if __name__ == "__main__":
    main()
