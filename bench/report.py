"""Writes bench/RESULTS.md from the raw samples of one `make bench` run:

    report.py --dir target/bench --criterion target/criterion --out bench/RESULTS.md

Every figure is a median over samples (one sample = the mean of a timed batch of
calls); the spread is half the interquartile range, relative to the median. Ratios
are of medians. bench/notes.md (hand-written: where the time goes, what was fixed,
what remains) is copied in at the end."""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

import manifest_rows
from client import report_rows as client_rows

SIZES = ("delivery", "1MiB")
RUNTIMES = ("rust", "node", "python", "jvm")
TITLES = {"rust": "Rust (criterion)", "node": "Node (process.hrtime.bigint loop)",
          "python": "Python (timeit)", "jvm": "JVM (JMH)"}
OPERATIONS = {
    "ours.verify": "avara `Webhook.verify`",
    "ours.unwrap": "avara `Webhook.unwrap` (verify + typed event)",
    "ours.unwrap_standard": "avara `Webhook.unwrap`, Standard Webhooks headers",
    "guide": "the integration guide's code",
    "tuned.verify": "tuned native verify (raw bytes)",
    "tuned.unwrap": "tuned native verify + parse",
    "standardwebhooks": "`standardwebhooks` package, its own scheme",
    "sha256": "bare SHA-256 of the body, in this runtime",
    "ffi.noop": "empty call across the native boundary",
}
JMH_NAMES = {"oursVerify": "ours.verify", "oursUnwrap": "ours.unwrap",
             "oursUnwrapStandard": "ours.unwrap_standard", "guide": "guide",
             "tunedVerify": "tuned.verify", "tunedUnwrap": "tuned.unwrap",
             "standardwebhooks": "standardwebhooks", "sha256": "sha256", "ffiNoop": "ffi.noop"}
# (runtime, peer, minimum of peer median / ours.unwrap median) on the realistic delivery.
TARGETS = [("node", "guide", 1.5), ("node", "standardwebhooks", 2.0),
           ("python", "guide", 1.5), ("python", "standardwebhooks", 2.0), ("jvm", "guide", 1.0)]
CEILING_TARGET = 0.9
# Share of the CPU other processes may use before the report warns of skewed figures.
BUSY_WARNING = 0.1


class Samples:
    def __init__(self, values: list[float]) -> None:
        quartiles = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
        self.median = statistics.median(values)
        self.spread = (quartiles[2] - quartiles[0]) / 2 / self.median if self.median else 0.0


def load_rust(criterion: Path) -> dict:
    results: dict = {}
    for size in SIZES:
        for sample in sorted((criterion / size).glob("*/new/sample.json")):
            raw = json.loads(sample.read_text())
            values = [time / iters for time, iters in zip(raw["times"], raw["iters"], strict=True)]
            results.setdefault(size, {})[sample.parent.parent.name] = Samples(values)
    return {"results": results, "versions": {}}


def load_harness(path: Path) -> dict:
    raw = json.loads(path.read_text())
    results: dict = {}
    for entry in raw["results"]:
        results.setdefault(entry["size"], {})[entry["op"]] = Samples(entry["samples_ns"])
    return {"results": results, "versions": raw["versions"], "native": raw.get("native")}


def load_jmh(path: Path) -> dict:
    raw = json.loads(path.read_text())
    results: dict = {}
    for entry in raw:
        op = JMH_NAMES[entry["benchmark"].rsplit(".", 1)[1]]
        size = entry.get("params", {}).get("size", "delivery")
        values = [value for fork in entry["primaryMetric"]["rawData"] for value in fork]
        results.setdefault(size, {})[op] = Samples(values)
    first = raw[0] if raw else {}
    versions = {"jdk": first.get("jdkVersion"), "vm": first.get("vmName"), "jmh": first.get("jmhVersion")}
    return {"results": results, "versions": versions}


def duration(ns: float) -> str:
    for unit, scale in (("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}" if ns / scale < 100 else f"{ns / scale:.0f} {unit}"
    return f"{ns:.3g} ns"


def percent(value: float) -> str:
    return f"±{value * 100:.1f}%"


def runtime_table(name: str, data: dict, ceiling_ns: float, sizes_bytes: dict) -> list[str]:
    small, large = data["results"].get("delivery", {}), data["results"].get("1MiB", {})
    ours = small.get("ours.unwrap")
    lines = [f"### {TITLES[name]}", "",
             f"| operation | {sizes_bytes['delivery']} B delivery | spread | ÷ ours.unwrap "
             f"| 1 MiB body | spread | MB/s | of SHA-256 ceiling |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for op, label in OPERATIONS.items():
        if op not in small and op not in large:
            continue
        cells = [f"`{op}`: {label}"]
        if op in small:
            ratio = f"{small[op].median / ours.median:.2f}×" if ours else ""
            cells += [duration(small[op].median), percent(small[op].spread), ratio]
        else:
            cells += ["", "", ""]
        if op in large:
            median = large[op].median
            cells += [duration(median), percent(large[op].spread),
                      f"{sizes_bytes['1MiB'] / median * 1e3:.0f}", f"{ceiling_ns / median:.2f}"]
        else:
            cells += ["", "", "", ""]
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def targets_table(runs: dict, ceiling_ns: float) -> list[str]:
    lines = ["| target | measured | met |", "|---|---:|:---:|"]
    for runtime, peer, minimum in TARGETS:
        small = runs.get(runtime, {}).get("results", {}).get("delivery", {})
        if "ours.unwrap" in small and peer in small:
            ratio = small[peer].median / small["ours.unwrap"].median
            lines.append(f"| {runtime}: `ours.unwrap` ≥ {minimum}× faster than `{peer}` (delivery) "
                         f"| {ratio:.2f}× | {'yes' if ratio >= minimum else '**no**'} |")
    for runtime in RUNTIMES:
        large = runs.get(runtime, {}).get("results", {}).get("1MiB", {})
        if "ours.verify" in large:
            share = ceiling_ns / large["ours.verify"].median
            lines.append(f"| {runtime}: `ours.verify` on 1 MiB ≥ {CEILING_TARGET} of the SHA-256 ceiling "
                         f"| {share:.2f} | {'yes' if share >= CEILING_TARGET else '**no**'} |")
    return lines + [""]


def coldstart_table(path: Path) -> list[str]:
    if not path.exists():
        return ["Not measured in this run.", ""]
    raw = json.loads(path.read_text())
    lines = [f"Median of {raw['runs']} fresh processes after one warm-up run; spread as above.", "",
             "| runtime | loads | whole process | spread | first verification in-process |",
             "|---|---|---:|---:|---:|"]
    for entry in raw["results"]:
        process = Samples(entry["process_ns"])
        first = Samples(entry["first_verify_ns"]) if "first_verify_ns" in entry else None
        first_cell = f"{duration(first.median)} {percent(first.spread)}" if first else ""
        lines.append(f"| {entry['runtime']} | {entry['what']} | {duration(process.median)} "
                     f"| {percent(process.spread)} | {first_cell} |")
    return lines + [""]


def distribution_section(path: Path | None) -> list[str]:
    if path is None or not path.exists():
        return ["Not measured in this run (`make dist-test` writes target/e2e/report.json).", ""]
    raw = json.loads(path.read_text())
    lines = [f"From `make dist-test` ({raw['date']}): each example app is installed from dist/ in a "
             "fresh folder and started against the emulator. Cold start: from launching the app's "
             "process to its first verified webhook delivery, median of the launches listed.", "",
             "| app | cold start | launches | installed in |", "|---|---:|---|---:|"]
    for name, app in raw["apps"].items():
        if app["passed"]:
            samples = ", ".join(f"{sample:.0f}" for sample in app["cold_start_samples_ms"])
            lines.append(f"| {name} | {app['cold_start_ms']:.0f} ms | {samples} ms | {app['install_s']} s |")
        else:
            lines.append(f"| {name} | **failed** | | |")
    lines += ["", "| artifact | size |", "|---|---:|"]
    lines += [f"| `{artifact}` | {size / 1e6:.2f} MB |" for artifact, size in raw["artifacts"].items()]
    return lines + [""]


def machine_section(machine: dict, runs: dict, command: str) -> list[str]:
    cpu = machine["cpu"]
    flags = ", ".join(f"{flag} {'yes' if present else 'no'}" for flag, present in cpu["flags"].items())
    start, end = machine["load_start"], machine.get("load_end", machine["load_start"])
    lines = [f"- Command: `{command}`, {machine['date']}.",
             f"- CPU: {cpu['model']}, {cpu['cores']} cores; {flags}; Linux {machine['kernel']}.",
             f"- Other processes' CPU use while no benchmark ran: {start['busy'] * 100:.0f}% before, "
             f"{end['busy'] * 100:.0f}% after; load average (1/5/15 min, counting this run's own "
             f"builds) {'/'.join(f'{value:.2f}' for value in start['average'])} before, "
             f"{'/'.join(f'{value:.2f}' for value in end['average'])} after."]
    if max(start["busy"], end["busy"]) > BUSY_WARNING:
        lines.append("  **Other processes were running: absolute figures may be inflated; ratios "
                     "between operations measured back to back are the more reliable.**")
    lines.append("- Tools: " + "; ".join(machine["tools"].values()) + ".")
    for runtime in RUNTIMES:
        versions = runs.get(runtime, {}).get("versions") or {}
        if versions:
            lines.append(f"- {runtime}: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".")
        if runs.get(runtime, {}).get("native"):
            lines.append(f"  Native library measured: `{runs[runtime]['native']}`.")
    ceiling = machine["sha256_ceiling"]
    lines.append(f"- SHA-256 ceiling: `{ceiling['command']}` → {ceiling['bytes_per_second'] / 1e6:.0f} MB/s, "
                 f"{duration(ceiling['ns_per_mib'])} per MiB.")
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", required=True, type=Path)
    parser.add_argument("--criterion", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--command", default="make bench")
    parser.add_argument("--e2e", type=Path, help="report.json of `make dist-test`")
    arguments = parser.parse_args()
    machine = json.loads((arguments.dir / "machine.json").read_text())
    fixture = json.loads((Path(__file__).resolve().parent / "delivery.json").read_text())
    sizes_bytes = {"delivery": len(fixture["body"].encode()), "1MiB": fixture["largeBytes"]}
    ceiling_ns = machine["sha256_ceiling"]["ns_per_mib"]
    runs = {}
    if (arguments.criterion / "delivery").exists():
        runs["rust"] = load_rust(arguments.criterion)
    for runtime, loader in (("node", load_harness), ("python", load_harness), ("jvm", load_jmh)):
        if (arguments.dir / f"{runtime}.json").exists():
            runs[runtime] = loader(arguments.dir / f"{runtime}.json")
    out = ["# Benchmark results", "",
           "Generated by `bench/report.py` from the run below; `make bench` rewrites this file, "
           "so edit `bench/notes.md` instead.", "",
           "## Machine and versions", "", *machine_section(machine, runs, arguments.command),
           "## Targets", "", *targets_table(runs, ceiling_ns),
           "## Per runtime", "",
           "Each operation starts from the raw body bytes and the request's headers as the "
           "framework holds them (8 lines: 6 ordinary, 2 signature headers; 9 for Standard "
           "Webhooks) and ends with a verified delivery (verify) or a parsed event (unwrap, "
           "guide, standardwebhooks in Node and Python; the Java library only verifies). "
           "`÷ ours.unwrap` above 1 means slower than avara's unwrap. \"of SHA-256 ceiling\" is "
           "OpenSSL's time for 1 MiB divided by the operation's: 1.00 means hashing at the "
           "CPU's speed.", ""]
    for runtime in RUNTIMES:
        if runtime in runs:
            out += runtime_table(runtime, runs[runtime], ceiling_ns, sizes_bytes)
    out += ["## Cold start", "", *coldstart_table(arguments.dir / "coldstart.json")]
    out += ["## API client", "", *client_rows.section(arguments.dir / "client.json")]
    out += ["## DICOM manifest", "",
            *manifest_rows.section(arguments.criterion, arguments.dir)]
    out += ["## Distribution", "", *distribution_section(arguments.e2e)]
    notes = Path(__file__).resolve().parent / "notes.md"
    out += [notes.read_text().rstrip(), ""]
    arguments.out.write_text("\n".join(out))


if __name__ == "__main__":
    main()
