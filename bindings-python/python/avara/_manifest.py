"""The manifest builder: the optional sidecar of a ``study.access_requested`` answer,
built from the study's DICOM headers.

Headers are read and checked by the native core with the GIL released, so several
threads can build manifests at the same time.
"""

from __future__ import annotations

import os
from typing import Any, Callable, ClassVar, Dict, Iterable, List, Mapping, Tuple, TypeVar, Union

from . import _native
from ._manifest_fields import BUILT_MANIFEST_FIELDS, SKIPPED_INPUT_FIELDS, SkipCode
from ._model_base import _CLASSES, FieldSpec, Model
from ._models import StudyManifest

__all__ = [
    "BuiltManifest",
    "SkipCode",
    "SkippedInput",
    "build_manifest",
    "build_manifest_from_files",
]

Bytes = Union[bytes, bytearray, memoryview]
"""An object's whole file, or any prefix of it that reaches Pixel Data. ``bytes`` is read
in place; ``bytearray`` and ``memoryview`` are copied first."""

_Path = TypeVar("_Path", bound=Union[str, "os.PathLike[str]"])


class SkippedInput(Tuple[str, str]):
    """An input left out of the sidecar. It unpacks as ``url, reason`` (and compares
    equal to that pair); ``code`` is the stable reason, ``listed`` whether ``url`` is
    still among the built ``urls`` (it is of the requested study and no duplicate)."""

    code: SkipCode
    listed: bool

    def __new__(cls, url: str, reason: str, *, code: SkipCode, listed: bool) -> SkippedInput:
        skipped = super().__new__(cls, (url, reason))
        skipped.code = code
        skipped.listed = listed
        return skipped

    @property
    def url(self) -> str:
        return self[0]

    @property
    def reason(self) -> str:
        return self[1]

    @classmethod
    def from_dict(cls, wire: Mapping[str, Any]) -> SkippedInput:
        return cls(**{spec.attribute: wire[spec.wire] for spec in SKIPPED_INPUT_FIELDS})

    def to_dict(self) -> Dict[str, Any]:
        return {spec.wire: getattr(self, spec.attribute) for spec in SKIPPED_INPUT_FIELDS}

    def __repr__(self) -> str:
        return f"SkippedInput(url={self.url!r}, reason={self.reason!r}, code={self.code!r}, listed={self.listed!r})"


# Loaded by name like the models, by `Model.from_dict` and the native builder alike.
_CLASSES["SkippedInput"] = SkippedInput  # type: ignore[assignment]


class BuiltManifest(Model):
    """What the builder made of a study's objects. Answer with
    ``StudyAccessRequestedResponse.authorize(built)``: it sends ``urls``, and the
    manifest when it has a series."""

    urls: List[str]
    """Every object of the requested study (duplicates aside), in the sidecar's order:
    series by number, then slices by instance number."""
    manifest: StudyManifest
    """The series and SOPs the Viewer can load progressively (none when nothing qualifies)."""
    skipped: List[SkippedInput]
    """Every input left out of the sidecar, in the order given."""

    _FIELDS: ClassVar[Tuple[FieldSpec, ...]] = BUILT_MANIFEST_FIELDS

    def __init__(self, *, urls: List[str], manifest: StudyManifest, skipped: List[SkippedInput]) -> None:
        Model.__init__(self, urls=urls, manifest=manifest, skipped=skipped)

    def to_dict(self) -> Dict[str, Any]:
        """The core's wire form: ``{urls, manifest, skipped: [{url, code, reason, listed}]}``."""
        wire = super().to_dict()
        wire["skipped"] = [skipped.to_dict() for skipped in self.skipped]
        return wire


def build_manifest(study_instance_uid: str, items: Iterable[Tuple[str, Bytes]]) -> BuiltManifest:
    """Builds the manifest of ``study_instance_uid`` from ``(url, bytes)`` pairs, where
    ``bytes`` is each object's whole file or a prefix that reaches Pixel Data (such as a
    ranged read of its first 64 KiB).

    An input that cannot be used is skipped with a reason, never raised. Raises
    ``InvalidParamsError`` (field ``studyInstanceUid``) for a study UID that is not a
    DICOM UID, and ``TypeError`` naming the index of an item that is not a pair.
    """
    return _native.build_manifest(study_instance_uid, items)


def build_manifest_from_files(
    study_instance_uid: str, paths: Iterable[_Path], *, url_for: Callable[[_Path], str]
) -> BuiltManifest:
    """Builds the manifest of ``study_instance_uid`` from files, reading each only as far
    as its header goes. ``url_for(path)`` gives the URL the Viewer fetches a file from.

    Raises ``OSError`` (naming the path) when a file cannot be read, and otherwise as
    ``build_manifest``.
    """
    paths = list(paths)
    urls = []
    for path in paths:
        url = url_for(path)
        if not isinstance(url, str):
            raise TypeError(f"url_for({path!r}) must return a str, got {type(url).__name__}")
        urls.append(url)
    return _native.build_manifest_from_files(study_instance_uid, paths, urls)
