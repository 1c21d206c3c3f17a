#!/usr/bin/env python3
"""Writes a synthetic CT series for the manifest benchmarks:

    synthetic_series.py --out target/manifest/ct-series --count 2000

Every instance is pydicom's CT_small.dcm (a real CT header of about 250 elements and a
128x128 image) with its own SOP Instance UID, instance number and slice position, in
one new study and series. The UIDs derive from the index, so reruns write the same
bytes. Beside the folder, `<folder>.json` gives the study UID and the count of instances
to harnesses that read no DICOM themselves; it stays out of the folder, where every file
is an instance. Runs with the repository's .venv (it has pydicom)."""

import argparse
import json
import shutil
from pathlib import Path

import pydicom
from pydicom.data import get_testdata_file
from pydicom.uid import generate_uid

ROOT = "1.2.826.0.1.3680043.8.498."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--count", type=int, default=2000)
    arguments = parser.parse_args()
    if arguments.out.exists():
        shutil.rmtree(arguments.out)
    arguments.out.mkdir(parents=True)
    template = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    template.StudyInstanceUID = generate_uid(ROOT, ["avara synthetic study"])
    template.SeriesInstanceUID = generate_uid(ROOT, ["avara synthetic series"])
    template.SeriesDescription = "Synthetic axial series"
    template.SeriesNumber = 2
    for index in range(1, arguments.count + 1):
        uid = generate_uid(ROOT, [f"avara synthetic instance {index}"])
        template.SOPInstanceUID = uid
        template.file_meta.MediaStorageSOPInstanceUID = uid
        template.InstanceNumber = index
        template.ImagePositionPatient = [-158.1, -179.0, -0.5 * index]
        template.SliceLocation = -0.5 * index
        template.save_as(arguments.out / f"ct-{index:04d}.dcm", enforce_file_format=True)
    description = {"studyInstanceUid": template.StudyInstanceUID, "instances": arguments.count}
    arguments.out.with_name(f"{arguments.out.name}.json").write_text(json.dumps(description, indent=1) + "\n")
    print(f"wrote {arguments.count} instances to {arguments.out}")


if __name__ == "__main__":
    main()
