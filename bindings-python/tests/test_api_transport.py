"""What the native client puts on the wire from the Python settings (User-Agent naming
Python, default headers, bearer key), and that calls release the GIL."""

from __future__ import annotations

import json
import platform
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, Iterator, List

import pytest

import avara
from emulator import Emulator


class _Recorder(BaseHTTPRequestHandler):
    seen: List[Dict[str, str]] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.seen.append({name.lower(): value for name, value in self.headers.items()})
        body = json.dumps({"url": "https://viewer.example/view/1"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_settings_reach_the_request(recorder: str) -> None:
    client = avara.Avara(api_key="sk_test_recorded", base_url=recorder, default_headers={"X-Clinic": "north"})
    result = client.viewer.studies.reroute_url(study_id="stu_1234567890abcdef1234567890abcdef")
    assert result.url == "https://viewer.example/view/1"
    headers = _Recorder.seen[-1]
    assert headers["user-agent"] == f"avara-sdk/{avara.__version__} (python {platform.python_version()})"
    assert headers["authorization"] == "Bearer sk_test_recorded"
    assert headers["x-clinic"] == "north"
    assert headers["idempotency-key"]


def test_calls_release_the_gil() -> None:
    # Each answer takes 300 ms; eight calls from eight threads overlap only if the GIL
    # is released while they wait.
    with Emulator(faults={"latencyMs": 300}) as slow:
        client = avara.Avara(api_key=slow.keys[0], base_url=slow.base_url)
        client.viewer.studies.list()  # builds the client and warms the pool
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=8) as pool:
            pages = list(pool.map(lambda _: client.viewer.studies.list(), range(8)))
        elapsed = time.monotonic() - started
    assert len(pages) == 8
    assert elapsed < 1.2, f"8 calls of 300 ms took {elapsed:.2f}s: the GIL was held"
