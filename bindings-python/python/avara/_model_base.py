"""Runtime of the generated model classes in `_models`.

Each class lists its fields once (`_FIELDS`: attribute, wire key, nested class); this
module turns that into keyword construction, `from_dict`/`to_dict` between snake_case
attributes and the camelCase wire form, equality and a readable repr. Validation and
serialization rules stay in the native core.
"""

from __future__ import annotations

from typing import Any, ClassVar, Dict, List, Mapping, NamedTuple, Tuple, Type, TypeVar, Union

from . import _native

_CLASSES: Dict[str, Type["Model"]] = {}
_M = TypeVar("_M", bound="Model")
_R = TypeVar("_R", bound="Response")


class ListOf(NamedTuple):
    item: "Kind"


Kind = Union[None, str, ListOf]
"""How a field converts: None as is, a class name for a nested model, ListOf for lists."""


class FieldSpec(NamedTuple):
    attribute: str
    wire: str
    kind: Kind


def _load(kind: Kind, value: Any) -> Any:
    if value is None or kind is None:
        return value
    if isinstance(kind, ListOf):
        return [_load(kind.item, item) for item in value]
    return _CLASSES[kind].from_dict(value)


def _wire(value: Any) -> Any:
    """The wire form of a value: models become dicts, lists are converted item by item."""
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_wire(item) for item in value]
    return value


class Model:
    _FIELDS: ClassVar[Tuple[FieldSpec, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _CLASSES[cls.__name__] = cls

    def __init__(self, **values: Any) -> None:
        for spec in self._FIELDS:
            setattr(self, spec.attribute, values.get(spec.attribute))

    @classmethod
    def from_dict(cls: Type[_M], wire: Mapping[str, Any]) -> _M:
        """Builds the object from its wire form (camelCase keys); unknown keys are ignored.

        Fills the attributes directly instead of calling ``__init__``, which would only
        set the same ones: every webhook event passes through here.
        """
        model = cls.__new__(cls)
        attributes = model.__dict__
        for attribute, key, kind in cls._FIELDS:
            value = wire.get(key)
            attributes[attribute] = value if kind is None or value is None else _load(kind, value)
        return model

    def to_dict(self) -> Dict[str, Any]:
        """The wire form (camelCase keys), leaving out fields that are None."""
        wire: Dict[str, Any] = {}
        if isinstance(getattr(type(self), "type", None), str):
            wire["type"] = type(self).type  # type: ignore[attr-defined]
        for spec in self._FIELDS:
            value = getattr(self, spec.attribute)
            if value is not None:
                wire[spec.wire] = _wire(value)
        return wire

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.to_dict() == other.to_dict()  # type: ignore[attr-defined]

    __hash__ = None

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{spec.attribute}={getattr(self, spec.attribute)!r}"
            for spec in self._FIELDS
            if getattr(self, spec.attribute) is not None
        )
        return f"{type(self).__name__}({fields})"


class Response(Model):
    """A receiver's answer; the core checks it against the contract when serialized."""

    event_type: ClassVar[str]

    @classmethod
    def _construct(cls: Type[_R], constructor: str, args: List[Any]) -> _R:
        return cls.from_dict(_native.construct_response(cls.event_type, constructor, args))

    def to_json(self) -> str:
        """The exact JSON body to send back, after the contract's checks."""
        return _native.response_to_json(self.event_type, self.to_dict())

    def validated(self: _R) -> _R:
        """A copy in canonical form; raises WebhookVerificationError (schema_error) if invalid."""
        return type(self).from_dict(_native.normalize_response(self.event_type, self.to_dict()))
