"""Python harness: ``bench.py --out FILE`` measures every operation with ``timeit``
(repeated, each repeat one sample) and writes the raw samples as JSON for
bench/report.py; ``bench.py --quick`` runs each operation a few times and checks its
result, which is what ``make bench-smoke`` does."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import timeit
from importlib.metadata import version
from typing import Any, Callable, Dict, List, Optional

import standardwebhooks

import avara
from avara import _native
from delivery import FIXTURE, bodies, guide_request, standard_request
from peers import TunedVerifier, guide_receive

SAMPLE_SECONDS = 0.01
WARM_UP_SECONDS = 0.2


def is_study_access(event: Any) -> bool:
    if isinstance(event, dict):
        return event["type"] == "study.access_requested" and bool(event["data"]["studyId"])
    return isinstance(event, avara.StudyAccessRequestedEvent) and bool(event.data.study_id)


def operations() -> List[Dict[str, Any]]:
    """Each: the statement timed, its names (re-signed right before it is measured),
    the check of its result, and the sizes it runs on (None: all)."""
    os.environ["AVARA_JWT_WEBHOOK_SECRET"] = FIXTURE["secret"]
    ours = avara.Webhook(FIXTURE["secret"])
    ours_standard = avara.Webhook(FIXTURE["standardSecret"])
    tuned = TunedVerifier(FIXTURE["secret"])
    official = standardwebhooks.Webhook(FIXTURE["standardSecret"])
    guide, standard = guide_request, standard_request

    def op(name: str, stmt: str, call: Any, headers: Optional[Callable[[bytes], Any]],
           check: Callable[[Any], bool], sizes: Optional[List[str]] = None) -> Dict[str, Any]:
        return {"name": name, "stmt": stmt, "call": call, "headers": headers, "check": check, "sizes": sizes}

    return [
        op("ours.verify", "call(body, headers)", ours.verify, guide, lambda r: r.scheme == "guide"),
        op("ours.unwrap", "call(body, headers)", ours.unwrap, guide, is_study_access),
        op("ours.unwrap_standard", "call(body, headers)", ours_standard.unwrap, standard, is_study_access),
        op("guide", "call(body, headers)", guide_receive, guide, is_study_access),
        op("tuned.verify", "call(body, headers)", tuned.verify, guide, lambda r: r is True),
        op("tuned.unwrap", "call(body, headers)", tuned.unwrap, guide, is_study_access),
        op("standardwebhooks", "call(body, headers)", official.verify, standard, is_study_access),
        op("sha256", "call(body).digest()", hashlib.sha256, None, lambda r: len(r) == 32),
        # The cheapest existing call into the native module: its __repr__ returns a
        # static string, so this is the crossing and a str, nothing else.
        op("ffi.noop", "call(native)", repr, None, lambda r: r.startswith("<avara._native"), ["delivery"]),
    ]


def measure(timer: timeit.Timer, samples: int, quick: bool) -> List[float]:
    if quick:
        return [timer.timeit(1) * 1e9 for _ in range(samples)]
    number = 1
    while timer.timeit(number) < SAMPLE_SECONDS:
        number *= 2
    warm_up = max(1, int(number * WARM_UP_SECONDS / SAMPLE_SECONDS))
    timer.timeit(warm_up)
    return [seconds * 1e9 / number for seconds in timer.repeat(repeat=samples, number=number)]


def run(quick: bool, out: Optional[str]) -> None:
    results = []
    native = avara.Webhook(FIXTURE["secret"])._native
    for size, body in bodies():
        for spec in operations():
            if spec["sizes"] and size not in spec["sizes"]:
                continue
            names = {"call": spec["call"], "body": body, "native": native}
            if spec["headers"]:
                names["headers"] = spec["headers"](body)
            if not spec["check"](eval(spec["stmt"], {}, names)):
                raise SystemExit(f"{spec['name']} on the {size} body returned a wrong result")
            timer = timeit.Timer(spec["stmt"], globals=names)
            samples = measure(timer, 2 if quick else 30, quick)
            results.append({"size": size, "bytes": len(body), "op": spec["name"], "samples_ns": samples})
            if quick:
                print(f"ok {size} {spec['name']}")
    if out:
        report = {
            "runtime": "python",
            "versions": {
                "python": platform.python_version(),
                "implementation": platform.python_implementation(),
                "avara": version("avara-sdk"),
                "standardwebhooks": version("standardwebhooks"),
                "openssl": __import__("ssl").OPENSSL_VERSION,
            },
            "native": _native.__file__,
            "results": results,
        }
        with open(out, "w") as file:
            json.dump(report, file, indent=1)
            file.write("\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out")
    arguments = parser.parse_args()
    run(arguments.quick, arguments.out)
