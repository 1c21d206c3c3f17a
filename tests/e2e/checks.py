"""What every app must do against the emulator: answer signed deliveries of every type
under each signing scheme, refuse a forged one, create a study and send the browser
to the Viewer, whose landing page then shows the app's image URLs."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from processes import Background, Failure

SCHEMES = ("guide", "standard", "both")


@dataclass
class Target:
    """The app under test and the emulator binary that sends it deliveries."""

    app: Background
    base_url: str
    secret: str
    trigger_binary: str

    @property
    def webhook_url(self) -> str:
        return f"{self.base_url}/webhooks/avara"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_: object) -> None:
        return None


def request(url: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, body, headers or {}), timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def trigger(target: Target, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([target.trigger_binary, "trigger", *arguments, "--to", target.webhook_url,
                           "--secret", target.secret], capture_output=True, text=True, timeout=120)


def first_verified_delivery_ms(target: Target, launched: float, timeout: float = 120) -> float:
    """Milliseconds from `launched` (time.monotonic) until a delivery first passes; the
    app is polled with one study.access_requested delivery every 20 ms until then."""
    while time.monotonic() - launched < timeout:
        if trigger(target, "study.access_requested").returncode == 0:
            return (time.monotonic() - launched) * 1000
        if not target.app.running():
            raise Failure(f"{target.app.name} exited before answering a delivery")
        time.sleep(0.02)
    raise Failure(f"{target.app.name} answered no delivery within {timeout:.0f} s")


def every_event_under_every_scheme(target: Target, study_uid: str) -> None:
    for scheme in SCHEMES:
        result = trigger(target, "--all", "--scheme", scheme, "--study-uid", study_uid)
        if result.returncode != 0:
            raise Failure(f"trigger --all --scheme {scheme} exited {result.returncode}:\n{result.stdout}{result.stderr}")


def forged_signature_is_refused(target: Target) -> None:
    """401 with the agreed body, and the error code in the app's log."""
    body = json.dumps({"id": "whe_" + "0" * 32, "type": "report.delivered", "data": {
        "isCritical": False, "presignedUrl": "https://example.com/r.pdf",
        "reportId": "rep_" + "1" * 32, "studyId": "stu_" + "2" * 32}}).encode()
    timestamp = str(int(time.time() * 1000))
    forged = hmac.new(b"not the receiver's secret at all, 32+ bytes", timestamp.encode() + body,
                      hashlib.sha256).hexdigest()
    status, _, answer = request(target.webhook_url, body, {
        "Content-Type": "application/json", "X-Avara-Timestamp": timestamp, "X-Avara-Signature": forged})
    if status != 401 or json.loads(answer or b"null") != {"error": "Invalid signature"}:
        raise Failure(f"a forged delivery got HTTP {status} {answer[:300]!r}; expected 401 "
                      '{"error":"Invalid signature"}')
    deadline = time.monotonic() + 5
    while "signature_mismatch" not in target.app.output():
        if time.monotonic() > deadline:
            raise Failure("the app refused a forged delivery without logging its code, signature_mismatch")
        time.sleep(0.05)


def create_study(target: Target) -> str:
    uid = f"2.25.{random.getrandbits(100)}"
    body = json.dumps({"studyInstanceUid": uid, "studyDescription": "Brain MRI with Contrast",
                       "severity": "normal"}).encode()
    status, _, answer = request(f"{target.base_url}/studies", body, {"Content-Type": "application/json"})
    created = json.loads(answer) if status == 201 else {}
    if created.get("studyInstanceUid") != uid or not str(created.get("studyId", "")).startswith("stu_"):
        raise Failure(f"POST /studies answered HTTP {status} {answer[:500]!r}")
    return uid


def lists_the_studies(target: Target, study_uids: list[str]) -> None:
    status, _, answer = request(f"{target.base_url}/studies")
    listed = {study.get("studyInstanceUid") for study in json.loads(answer)} if status == 200 else set()
    missing = [uid for uid in study_uids if uid not in listed]
    if missing:
        raise Failure(f"GET /studies answered HTTP {status} without {missing}: {answer[:500]!r}")


def viewer_shows_the_apps_images(target: Target, emulator_url: str, study_uid: str) -> None:
    status, headers, _ = request(f"{target.base_url}/studies/{study_uid}/view")
    location = headers.get("Location", "")
    if status != 302 or not location.startswith(f"{emulator_url}/view/"):
        raise Failure(f"GET /studies/{study_uid}/view answered HTTP {status} Location {location!r}; "
                      f"expected 302 to {emulator_url}/view/...")
    status, _, page = request(location)
    image = f"{target.base_url}/images/{study_uid}/1.dcm"
    if status != 200 or image.encode() not in page:
        raise Failure(f"the Viewer's landing page (HTTP {status}) does not show {image}:\n"
                      f"{page.decode(errors='replace')[:3000]}")
    status, _, content = request(image)
    if status != 200 or content[128:132] != b"DICM":
        raise Failure(f"GET {image} answered HTTP {status} with no DICOM magic")
