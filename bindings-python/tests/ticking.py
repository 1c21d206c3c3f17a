"""Proves a native call releases the GIL: a second thread keeps ticking during it."""

from __future__ import annotations

import threading
import time
from typing import Callable, List


def other_thread_ran_during(call: Callable[[], object]) -> bool:
    """Runs `call` while another thread records ticks; true when that thread ticked in the
    middle half of the call. With the GIL held, it could only tick just before or just
    after."""
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
        call()
        end = time.perf_counter()
    finally:
        stop.set()
        counter.join()
    quarter = (end - start) / 4
    return any(start + quarter < tick < end - quarter for tick in ticks)
