"""Large bodies are hashed with the GIL released, so other threads keep running."""

from __future__ import annotations

import threading
import time
from typing import List

import pytest

from avara import Webhook, WebhookVerificationError
from delivery import SECRET, TIMESTAMP


def test_other_threads_run_while_a_large_body_is_hashed() -> None:
    # Four secrets and a wrong signature: every secret hashes the whole body.
    webhook = Webhook([SECRET] * 4, tolerance=None, max_payload_bytes=8 << 20)
    body = b"x" * (4 << 20)
    headers = {"X-Avara-Signature": "0" * 64, "X-Avara-Timestamp": TIMESTAMP}
    ticks: List[float] = []
    stop = threading.Event()

    def count() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())

    counter = threading.Thread(target=count)
    counter.start()
    try:
        while not ticks:
            time.sleep(0.001)
        start = time.perf_counter()
        with pytest.raises(WebhookVerificationError):
            webhook.verify(body, headers)
        end = time.perf_counter()
    finally:
        stop.set()
        counter.join()
    # With the GIL held, the counter could only run just before or just after the
    # call; ticks in the middle half prove it ran during the hashing itself.
    quarter = (end - start) / 4
    during = [tick for tick in ticks if start + quarter < tick < end - quarter]
    assert during, f"no other thread ran during a {end - start:.3f} s verification"
