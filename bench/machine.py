"""Writes what `make bench` ran on as JSON: CPU, SHA extensions, load, tool versions,
and the SHA-256 ceiling, OpenSSL's single-core throughput on a 1 MiB buffer.

    machine.py --out FILE [--seconds N] [--label start|end]

With --label end it adds the end's load to an existing FILE instead. Load is the load
average and the share of CPU time other processes used over two seconds while the
benchmarks were not running: the load average also counts the builds `make bench` ran
just before."""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import time
from pathlib import Path

ONE_MIB = 1024 * 1024
TOOLS = {
    "rustc": ["rustc", "--version"],
    "node": ["node", "--version"],
    "python": ["python3", "--version"],
    "java": ["java", "-version"],
    "maven": ["mvn", "-v"],
    "openssl": ["openssl", "version"],
}


def first_line(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    output = (done.stdout or done.stderr).strip().splitlines()
    return re.sub(r"\x1b\[[0-9;]*m", "", output[0]) if output else "unknown"


def cpu() -> dict:
    info = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", info, re.M)
    flags = set(re.search(r"^flags\s*:\s*(.+)$", info, re.M).group(1).split())
    return {
        "model": model.group(1) if model else platform.processor(),
        "cores": os.cpu_count(),
        "flags": {flag: flag in flags for flag in ("sha_ni", "avx2", "avx512f")},
    }


def busy_share(seconds: float = 2.0) -> float:
    """The share of all cores' time spent outside the idle loop over `seconds`."""

    def times() -> list[int]:
        return [int(field) for field in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]

    before = times()
    time.sleep(seconds)
    spent = [after - start for after, start in zip(times(), before, strict=True)]
    idle = spent[3] + spent[4]
    return 1 - idle / sum(spent) if sum(spent) else 0.0


def load() -> dict:
    return {"average": os.getloadavg(), "busy": busy_share()}


def sha256_ceiling(seconds: int) -> dict:
    command = ["openssl", "speed", "-mr", "-seconds", str(seconds), "-bytes", str(ONE_MIB), "-evp", "sha256"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    per_second = float(re.search(r"^\+F:\d+:sha256:([\d.]+)$", output, re.M).group(1))
    return {"command": " ".join(command), "bytes_per_second": per_second, "ns_per_mib": ONE_MIB / per_second * 1e9}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--label", choices=["start", "end"], default="start")
    arguments = parser.parse_args()
    out = Path(arguments.out)
    if arguments.label == "end":
        machine = json.loads(out.read_text())
        machine["load_end"] = load()
    else:
        machine = {
            "date": time.strftime("%Y-%m-%d %H:%M %Z"),
            "cpu": cpu(),
            "kernel": platform.release(),
            "tools": {name: first_line(command) for name, command in TOOLS.items()},
            "load_start": load(),
            "sha256_ceiling": sha256_ceiling(arguments.seconds),
        }
    out.write_text(json.dumps(machine, indent=1) + "\n")


if __name__ == "__main__":
    main()
