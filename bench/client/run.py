"""API client throughput: requests per second against the emulator, ours beside the
client each user would otherwise pick, sequentially and with 16 calls in flight, for
`studies.create` and `studies.list`; plus the bare loopback round trip of each runtime
and the Python import / first-call times beside the official SDK.

    run.py --emulator BIN --python PY --peer-python PY --classpath CP --seconds S
           --runs N --out FILE

Every measurement gets a fresh emulator holding 40 studies, so lists always read the
same data and creates never grow one store across runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
SEEDED_STUDIES = 40
IN_FLIGHT = (1, 16)
OPERATIONS = ("create", "list")


class Emulator:
    def __init__(self, binary: str) -> None:
        self.process = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
        assert self.process.stdout is not None
        settings = dict(self.process.stdout.readline().strip().split("=", 1) for _ in range(2))
        self.base_url = settings["AVARA_BASE_URL"]
        self.api_key = settings["AVARA_API_KEY"]
        for index in range(SEEDED_STUDIES):
            body = json.dumps({"severity": "normal", "studyDescription": "seed",
                               "studyInstanceUid": f"1.2.826.0.1.3680043.99.{index}"}).encode()
            request = urllib.request.Request(f"{self.base_url}/v1/viewer/studies", body, method="POST", headers={
                "Authorization": f"Bearer {self.api_key}", "Content-Type": "application/json"})
            urllib.request.urlopen(request).read()

    def __enter__(self) -> "Emulator":
        return self

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def harnesses(arguments: argparse.Namespace) -> dict[str, dict[str, list[str]]]:
    """runtime → client label → command (the measurement's flags are appended)."""
    python_load = str(BENCH / "client" / "python_load.py")
    java = ["java", "-cp", arguments.classpath, "com.avara.bench.ClientLoad"]
    node = ["node", str(BENCH / "node" / "client_load.mjs")]
    return {
        "python": {"avara": [arguments.python, python_load, "--client", "sdk"],
                   "official avara 0.3.0 (httpx)": [arguments.peer_python, python_load, "--client", "sdk"],
                   "raw round trip (http.client)": [arguments.python, python_load, "--client", "raw"]},
        "node": {"avara": [*node, "--client", "sdk"],
                 "fetch + JSON.parse": [*node, "--client", "fetch"],
                 "raw round trip (node:http)": [*node, "--client", "raw"]},
        "jvm": {"avara": [*java, "--client", "sdk"],
                "java.net.http + Jackson": [*java, "--client", "jdk"],
                "raw round trip (HttpURLConnection)": [*java, "--client", "raw"]},
    }


def measure(binary: str, command: list[str], operation: str, in_flight: int, seconds: float) -> dict:
    with Emulator(binary) as emulator:
        output = subprocess.run(
            [*command, "--op", operation, "--in-flight", str(in_flight), "--seconds", str(seconds),
             "--base-url", emulator.base_url, "--api-key", emulator.api_key],
            check=True, capture_output=True, text=True, cwd=BENCH / "node", timeout=300).stdout
    return json.loads(output.strip().splitlines()[-1])


def python_start(binary: str, python: str, runs: int) -> dict:
    """Medians of `import avara` and of the first call, each in a fresh process."""
    samples = [measure(binary, [python, str(BENCH / "client" / "python_load.py"), "--client", "sdk"], "create", 1, 0)
               for _ in range(runs)]
    return {"importMs": statistics.median(s["importMs"] for s in samples),
            "firstCallMs": statistics.median(s["firstCallMs"] for s in samples),
            "version": samples[0]["version"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    for flag in ("--emulator", "--python", "--peer-python", "--classpath", "--out"):
        parser.add_argument(flag, required=True)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    results: dict = {"seconds": arguments.seconds, "runtimes": {}}
    for runtime, clients in harnesses(arguments).items():
        for label, command in clients.items():
            for operation in OPERATIONS:
                for in_flight in IN_FLIGHT:
                    sample = measure(arguments.emulator, command, operation, in_flight, arguments.seconds)
                    rate = sample["calls"] / sample["seconds"]
                    results["runtimes"].setdefault(runtime, {}).setdefault(label, {}) \
                        .setdefault(operation, {})[str(in_flight)] = rate
                    print(f"{runtime:6} {label:38} {operation:6} x{in_flight:<2} {rate:9.0f} req/s", flush=True)
    results["pythonStart"] = {
        "avara": python_start(arguments.emulator, arguments.python, arguments.runs),
        "official avara 0.3.0 (httpx)": python_start(arguments.emulator, arguments.peer_python, arguments.runs),
    }
    Path(arguments.out).parent.mkdir(parents=True, exist_ok=True)
    Path(arguments.out).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
