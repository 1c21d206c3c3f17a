"""A `study.access_requested` receiver that answers with a manifest, so the Viewer loads
the study progressively. Only the first kilobytes of each file (its header) are read.

Usage: python manifest_receiver.py STUDY_INSTANCE_UID IMAGE_DIR
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from avara import StudyAccessRequestedEvent, StudyAccessRequestedResponse, build_manifest_from_files

IMAGE_BASE_URL = "https://pacs.example.org/studies"
log = logging.getLogger(__name__)


def answer_study_access(event: StudyAccessRequestedEvent, image_dir: Path) -> StudyAccessRequestedResponse:
    study_uid = event.data.study_instance_uid
    built = build_manifest_from_files(
        study_uid,
        sorted((image_dir / study_uid).glob("*.dcm")),
        url_for=lambda path: f"{IMAGE_BASE_URL}/{study_uid}/{path.name}",  # presign here
    )
    for skipped in built.skipped:
        log.info("not in the manifest: %s (%s: %s)", skipped.url, skipped.code, skipped.reason)
    return StudyAccessRequestedResponse.authorize(built)


if __name__ == "__main__":
    uid, folder = sys.argv[1:3]
    event = StudyAccessRequestedEvent.from_dict({"id": "evt_1", "data": {"studyId": "s1", "studyInstanceUid": uid}})
    print(answer_study_access(event, Path(folder)).to_json())
