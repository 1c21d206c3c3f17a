"""End-to-end test of the distribution: each example app (Express, Flask, Spring Boot) is
copied to a fresh folder outside the repository, installed from dist/ only, and run
against the emulator started through that language's companion package.

    python3 tests/e2e/run.py --dist dist --out target/e2e/report.json [--app flask] [--runs 3]

Cold start = from launching the app process to its first verified delivery (the first
study.access_requested the emulator's `trigger` sees pass), median of --runs launches.
Writes the report (cold starts, dist artifact sizes) and exits 1 if any app failed."""

from __future__ import annotations

import argparse
import base64
import json
import secrets
import statistics
import sys
import tempfile
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

import checks
from apps import INSTALLERS, Installed
from artifacts import artifact_sizes
from processes import Failure, Processes, clean_environment, free_port, wait_for_variables

EMULATOR_VARIABLES = ("AVARA_BASE_URL", "AVARA_API_KEY", "AVARA_JWT_WEBHOOK_SECRET")
LOG_TAIL = 6000


def test_app(name: str, installed: Installed, dist: Path, logs: Path, runs: int) -> dict:
    port = free_port()
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    with Processes(logs) as processes:
        emulator = processes.start(f"{name}-emulator", [
            *installed.emulator, "--port", "0", "--webhook-secret", secret,
            "--webhook-url", f"http://127.0.0.1:{port}/webhooks/avara"], installed.folder, clean_environment())
        variables = wait_for_variables(emulator, EMULATOR_VARIABLES)
        app_env = clean_environment(**variables, PORT=str(port))
        cold_starts = []
        for launch in range(runs):
            launched = time.monotonic()
            app = processes.start(name, installed.app, installed.folder, app_env)
            target = checks.Target(app, f"http://127.0.0.1:{port}", secret, str(dist / "bin" / "avara-emulator"))
            try:
                cold_starts.append(checks.first_verified_delivery_ms(target, launched))
                if launch < runs - 1:
                    app.stop()
            except Failure as failure:
                raise Failure(f"{failure}\n--- {name} log ---\n{app.output()[-LOG_TAIL:]}") from None
        try:
            checks.forged_signature_is_refused(target)
            study_uid = checks.create_study(target)
            checks.lists_the_studies(target, [study_uid, checks.create_study(target)])
            checks.every_event_under_every_scheme(target, study_uid)
            checks.viewer_shows_the_apps_images(target, variables["AVARA_BASE_URL"], study_uid)
        except Failure as failure:
            raise Failure(f"{failure}\n--- {name} log ---\n{app.output()[-LOG_TAIL:]}\n"
                          f"--- emulator log ---\n{emulator.output()[-LOG_TAIL:]}") from None
    return {"cold_start_ms": round(statistics.median(cold_starts), 1),
            "cold_start_samples_ms": [round(sample, 1) for sample in cold_starts]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--app", action="append", choices=sorted(INSTALLERS), help="default: every app")
    parser.add_argument("--runs", type=int, default=3, help="launches per app for the cold start")
    arguments = parser.parse_args()
    if arguments.runs < 1:
        parser.error("--runs must be at least 1")
    dist = arguments.dist.resolve()
    report: dict = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "artifacts": artifact_sizes(dist), "apps": {}}
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    for name in arguments.app or INSTALLERS:
        started = time.monotonic()
        print(f"== {name}: installing from {dist}", flush=True)
        with tempfile.TemporaryDirectory(prefix=f"avara-e2e-{name}-") as work:
            try:
                installed = INSTALLERS[name](dist, Path(work))
                install_s = time.monotonic() - started
                print(f"== {name}: installed in {install_s:.1f} s; testing", flush=True)
                result = test_app(name, installed, dist, Path(work), arguments.runs)
                result |= {"passed": True, "install_s": round(install_s, 1)}
            except Exception as error:  # every failure is reported, then the next app runs
                detail = str(error) if isinstance(error, Failure) else traceback.format_exc()
                print(f"== {name}: FAILED\n{detail}", file=sys.stderr, flush=True)
                result = {"passed": False, "error": detail[:LOG_TAIL]}
        result["total_s"] = round(time.monotonic() - started, 1)
        report["apps"][name] = result
    arguments.out.write_text(json.dumps(report, indent=2) + "\n")
    print_summary(report, arguments.out)
    return 0 if all(app["passed"] for app in report["apps"].values()) else 1


def print_summary(report: dict, path: Path) -> None:
    print(f"\nDistribution ({path}):")
    for artifact, size in report["artifacts"].items():
        print(f"  {artifact:<78} {size / 1e6:8.2f} MB")
    for name, app in report["apps"].items():
        if app["passed"]:
            print(f"  {name:<12} PASS  cold start {app['cold_start_ms']:7.0f} ms "
                  f"(samples {app['cold_start_samples_ms']}), install {app['install_s']} s, total {app['total_s']} s")
        else:
            print(f"  {name:<12} FAIL  after {app['total_s']} s")


if __name__ == "__main__":
    sys.exit(main())
