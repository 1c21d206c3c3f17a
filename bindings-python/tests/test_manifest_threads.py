"""Headers are parsed with the GIL released: other threads run meanwhile, and a
1 000-file study can be built from several threads at once."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List, Tuple

from avara import build_manifest
from ticking import other_thread_ran_during

CT_FILE = Path(os.environ.get("AVARA_DICOM_FILES", "AVARA_DICOM_FILES is not set")) / "CT_small.dcm"
CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"
CT_SOP = b"1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322"


def study(count: int) -> List[Tuple[str, bytes]]:
    """`count` instances of CT_small.dcm, each with its own SOP Instance UID (same length)."""
    data = CT_FILE.read_bytes()
    return [
        (f"ct/{index}.dcm", data.replace(CT_SOP, CT_SOP[:-5] + b"%05d" % index))
        for index in range(count)
    ]


def test_other_threads_run_while_headers_are_parsed() -> None:
    items = study(1000)
    assert other_thread_ran_during(lambda: build_manifest(CT_STUDY, items)), "no other thread ran during the build"


def test_a_1000_file_study_builds_the_same_from_several_threads() -> None:
    items = study(1000)
    alone = build_manifest(CT_STUDY, items)
    assert len(alone.urls) == 1000 and alone.skipped == []
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: build_manifest(CT_STUDY, items), range(4)))
    assert all(result == alone for result in results)
