"""Requests per second of one Python client against a running emulator.

    python_load.py --client sdk|raw --op create|list --in-flight N --seconds S
                   --base-url URL --api-key KEY

`sdk` is whichever `avara` the interpreter imports: ours in the benchmark venv, the
official 0.3.0 in the peer venv (both spell the calls the same way). `raw` is the
standard library's http.client on one kept-alive connection per worker, reading the
body without parsing it: the loopback round trip every client pays. Prints one JSON
object: calls, seconds, and for `sdk` the import and first-call times.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

CREATE_BODY = {"severity": "normal", "studyDescription": "Benchmark CT"}
# Distinct per process so repeated runs against one emulator never collide on a UID.
UID_PREFIX = f"1.2.826.0.1.3680043.{time.time_ns() % 10**9}"


def sdk_call(arguments: argparse.Namespace) -> tuple[Callable[[int], None], dict]:
    started = time.perf_counter()
    import avara

    imported = time.perf_counter()
    client = avara.Avara(api_key=arguments.api_key, base_url=arguments.base_url, max_retries=0)
    studies = client.viewer.studies

    def call(index: int) -> None:
        if arguments.op == "create":
            studies.create(severity="normal", study_description="Benchmark CT",
                           study_instance_uid=f"{UID_PREFIX}.{index}")
        else:
            page = studies.list(limit=20)
            assert len(page.studies) == 20

    call(0)
    first = time.perf_counter()
    return call, {"importMs": (imported - started) * 1000, "firstCallMs": (first - imported) * 1000,
                  "version": getattr(avara, "__version__", "?")}


def raw_call(arguments: argparse.Namespace) -> tuple[Callable[[int], None], dict]:
    url = urllib.parse.urlsplit(arguments.base_url)
    local = threading.local()
    headers = {"Authorization": f"Bearer {arguments.api_key}", "Content-Type": "application/json",
               "Accept": "application/json"}

    def call(index: int) -> None:
        connection = getattr(local, "connection", None)
        if connection is None:
            connection = local.connection = http.client.HTTPConnection(url.hostname, url.port)
        if arguments.op == "create":
            body = json.dumps({**CREATE_BODY, "studyInstanceUid": f"{UID_PREFIX}.{index}"})
            connection.request("POST", "/v1/viewer/studies", body, headers)
        else:
            connection.request("GET", "/v1/viewer/studies?limit=20", headers=headers)
        response = connection.getresponse()
        response.read()
        assert response.status < 300, response.status

    call(0)
    return call, {}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--client", choices=("sdk", "raw"), required=True)
    parser.add_argument("--op", choices=("create", "list"), required=True)
    parser.add_argument("--in-flight", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--api-key", required=True)
    arguments = parser.parse_args()
    call, extra = (sdk_call if arguments.client == "sdk" else raw_call)(arguments)
    counter = itertools.count(1)
    deadline = time.perf_counter() + arguments.seconds
    done = [0] * arguments.in_flight

    def worker(slot: int) -> None:
        while time.perf_counter() < deadline:
            call(next(counter))
            done[slot] += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(arguments.in_flight) as pool:
        for future in [pool.submit(worker, slot) for slot in range(arguments.in_flight)]:
            future.result()
    elapsed = time.perf_counter() - started
    print(json.dumps({"calls": sum(done), "seconds": elapsed, **extra}))


if __name__ == "__main__":
    main()
