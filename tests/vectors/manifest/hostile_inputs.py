#!/usr/bin/env python3
"""Writes headers built to cost a reader as much as possible, for the manifest benchmark's
per-input budget (no input may take more than 50 ms):

    hostile_inputs.py --out target/manifest/hostile

- many-elements.dcm: 150 000 private elements before Pixel Data;
- deep-sequences.dcm: sequences nested 200 levels deep, all of undefined length;
- many-items.dcm: one undefined-length sequence of 120 000 empty undefined-length items;
- large-element.dcm: a 64 MiB private value before Pixel Data;
- deflate-bomb.dcm: a deflated data set whose 256 MiB of zeros deflate to a few hundred KiB.

Each starts like a real CT slice, so the reader gets past the first elements. Runs with
the repository's .venv (it has pydicom)."""

import argparse
import shutil
from pathlib import Path

import pydicom
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.uid import DeflatedExplicitVRLittleEndian, ExplicitVRLittleEndian


def base() -> Dataset:
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    return ds


def undefined_sequence(ds: Dataset, tag: int, items: list[Dataset]) -> None:
    """Adds a sequence written with undefined lengths, which a reader must walk item by item."""
    for item in items:
        item.is_undefined_length_sequence_item = True
    ds.add_new(tag, "SQ", Sequence(items))
    ds[tag].is_undefined_length = True


def nested(depth: int) -> Dataset:
    item = Dataset()
    if depth:
        undefined_sequence(item, 0x00291010, [nested(depth - 1)])
    return item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    out = parser.parse_args().out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    ds = base()
    ds.add_new(0x00290010, "LO", "AVARA HOSTILE")
    for group in range(0x0031, 0x0031 + 2 * 6, 2):
        for element in range(0x1000, 0x1000 + 25_000):
            ds.add_new((group << 16) | element, "OB", b"")
    ds.save_as(out / "many-elements.dcm", enforce_file_format=True)

    ds = base()
    undefined_sequence(ds, 0x00291010, [nested(200)])
    ds.save_as(out / "deep-sequences.dcm", enforce_file_format=True)

    ds = base()
    undefined_sequence(ds, 0x00291020, [Dataset() for _ in range(120_000)])
    ds.save_as(out / "many-items.dcm", enforce_file_format=True)

    ds = base()
    ds.add_new(0x00291030, "OB", bytes(64 << 20))
    ds.save_as(out / "large-element.dcm", enforce_file_format=True)

    ds = base()
    ds.add_new(0x00291030, "OB", bytes(256 << 20))
    ds.file_meta.TransferSyntaxUID = DeflatedExplicitVRLittleEndian
    ds.save_as(out / "deflate-bomb.dcm", enforce_file_format=True)
    print(f"wrote {len(list(out.iterdir()))} hostile inputs to {out}")


if __name__ == "__main__":
    main()
