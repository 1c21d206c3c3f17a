"""The API client section of bench/RESULTS.md, from the JSON bench/client/run.py writes."""

from __future__ import annotations

import json
from pathlib import Path

# (runtime, peer label, minimum of ours ÷ peer requests per second, sequential).
TARGETS = [("python", "official avara 0.3.0 (httpx)", 2.0), ("node", "fetch + JSON.parse", 1.0),
           ("jvm", "java.net.http + Jackson", 1.0)]
COLUMNS = [("create", "1"), ("create", "16"), ("list", "1"), ("list", "16")]


def section(path: Path) -> list[str]:
    if not path.exists():
        return ["Not measured in this run (`make bench` runs bench/client/run.py).", ""]
    data = json.loads(path.read_text())
    runtimes = data["runtimes"]
    lines = [f"Requests per second against a release build of the emulator on loopback, "
             f"{data['seconds']:g} s per figure, a fresh emulator holding 40 studies for each; "
             "`list` reads one page of 20. ×16: sixteen calls in flight on one client "
             "(threads in Python and the JVM, Promises in Node).", "",
             "| Runtime | Client | create ×1 | create ×16 | list ×1 | list ×16 |", "|---|---|---:|---:|---:|---:|"]
    for runtime, clients in runtimes.items():
        for label, rates in clients.items():
            cells = " | ".join(f"{rates[op][flight]:,.0f}" for op, flight in COLUMNS)
            lines.append(f"| {runtime} | {label} | {cells} |")
    lines += ["", "| Target (sequential) | create | list | goal | met |", "|---|---:|---:|---:|---|"]
    for runtime, peer, goal in TARGETS:
        if runtime not in runtimes or peer not in runtimes[runtime]:
            continue
        ratios = [runtimes[runtime]["avara"][op]["1"] / runtimes[runtime][peer][op]["1"] for op in ("create", "list")]
        met = "yes" if min(ratios) >= goal else "**no**"
        lines.append(f"| {runtime}: avara ÷ {peer} | {ratios[0]:.2f}× | {ratios[1]:.2f}× | ≥ {goal:g}× | {met} |")
    lines += ["", "Per-call overhead above the runtime's bare loopback round trip (sequential, "
              "microseconds: 1/rate − 1/raw rate). The bare client runs in the runtime itself, so a "
              "native client can beat it: a negative figure is time saved against it.", "", "| Runtime | Client | create | list |", "|---|---|---:|---:|"]
    for runtime, clients in runtimes.items():
        raw = next((rates for label, rates in clients.items() if label.startswith("raw")), None)
        if raw is None:
            continue
        for label, rates in clients.items():
            if label.startswith("raw"):
                continue
            cells = [f"{(1 / rates[op]['1'] - 1 / raw[op]['1']) * 1e6:,.0f}" for op in ("create", "list")]
            lines.append(f"| {runtime} | {label} | {cells[0]} | {cells[1]} |")
    start = data.get("pythonStart", {})
    if start:
        lines += ["", "Python start-up, medians of fresh processes:", "",
                  "| Package | version | `import avara` | first call (client + `studies.create`) |",
                  "|---|---|---:|---:|"]
        for label, times in start.items():
            lines.append(f"| {label} | {times['version']} | {times['importMs']:.1f} ms | {times['firstCallMs']:.1f} ms |")
    return lines + [""]
