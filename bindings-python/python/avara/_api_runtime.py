"""Runtime of the generated API resources (``_api_resources.py``).

A generated method builds the wire-form parameters of its operation (camelCase keys,
arguments left out still ``NOT_GIVEN``) and hands them here. This module drops what was
not given, sends the rest through the native client (which validates, encodes, retries
and decodes), wraps the result in its model class, and walks the pages of list calls
with the core's paging rule. Nothing here knows any single operation.
"""

from __future__ import annotations

import asyncio
import datetime
import platform
import threading
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Dict,
    Generator,
    Generic,
    Iterator,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Type,
    TypeVar,
)

from . import _native
from ._errors import InvalidParamsError
from ._model_base import Model, _wire

__all__ = [
    "NOT_GIVEN",
    "AsyncPage",
    "AsyncPager",
    "AsyncResource",
    "Caller",
    "Listing",
    "NotGiven",
    "SyncPage",
    "SyncResource",
    "day_text",
]

_M = TypeVar("_M", bound=Model)
_SyncPageT = TypeVar("_SyncPageT", bound="SyncPage[Any]")
_AsyncPageT = TypeVar("_AsyncPageT", bound="AsyncPage[Any]")


class NotGiven:
    """The default of optional arguments: the field is left out of the request, where
    ``None`` sends an explicit null (which clears a field in an update)."""

    _instance: Optional["NotGiven"] = None

    def __new__(cls) -> "NotGiven":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


def _given(params: Mapping[str, Any]) -> Dict[str, Any]:
    """The wire parameters without those left out; nested models become dicts."""
    return {key: _wire(value) for key, value in params.items() if value is not NOT_GIVEN}


def day_text(field: str, value: Any) -> Any:
    """A date filter's argument on the wire: a ``datetime.date`` as its ``YYYY-MM-DD``
    text, anything else as given (the core judges text). A ``datetime`` is refused,
    although Python counts it as a date: it is an instant, and the day it falls on
    depends on the time zone, which only the caller knows."""
    if isinstance(value, datetime.datetime):
        raise InvalidParamsError(
            "invalid_params",
            f"{field}: expected a day (a datetime.date or YYYY-MM-DD text), got a datetime; the day of an "
            "instant depends on the time zone, so pass its .date() in the zone you mean (nothing was sent)",
            field=field,
        )
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class Caller:
    """Builds the native client on the first API call and runs calls on it.

    Lazily, so that a client used only for webhooks needs no API key. The native
    client is safe to share between threads; the lock only keeps two first calls from
    building two connection pools.
    """

    __slots__ = ("_settings", "_native", "_lock")

    def __init__(self, settings: Dict[str, Any]) -> None:
        self._settings = settings
        self._native: Optional[_native.Client] = None
        self._lock = threading.Lock()

    def native(self) -> _native.Client:
        client = self._native
        if client is None:
            with self._lock:
                if self._native is None:
                    self._native = _native.Client(
                        runtime=f"python {platform.python_version()}", **self._settings
                    )
                client = self._native
        return client

    def call(self, operation: str, params: Dict[str, Any]) -> Any:
        """Runs the call; the native client releases the GIL while it waits."""
        return self.native().call(operation, params)

    async def call_async(self, operation: str, params: Dict[str, Any]) -> Any:
        """Runs the blocking call in the event loop's default executor, so the loop
        keeps running; that executor's size bounds how many calls run at once."""
        client = self.native()
        return await asyncio.get_running_loop().run_in_executor(None, client.call, operation, params)


class Listing(NamedTuple):
    """What a list operation returns: the page model and the attribute of its items."""

    operation: str
    page: Type[Model]
    items: str


class _Page(Generic[_M]):
    __slots__ = ("result", "items", "has_more", "cursor", "_caller", "_listing", "_params", "_wire")

    result: Model
    """The whole page as its model (``StudyListPage``, ...)."""
    items: List[_M]
    """This page's items only; iterate the page itself for every item of every page."""
    has_more: bool
    cursor: Optional[str]

    def __init__(self, caller: Caller, listing: Listing, params: Dict[str, Any], wire: Dict[str, Any]) -> None:
        self._caller = caller
        self._listing = listing
        self._params = params
        self._wire = wire
        self.result = listing.page.from_dict(wire)
        self.items = getattr(self.result, listing.items)
        # `Model` declares no page fields; every page model has these two.
        self.has_more = getattr(self.result, "has_more")  # noqa: B009
        self.cursor = getattr(self.result, "cursor")  # noqa: B009

    def next_page_params(self) -> Optional[Dict[str, Any]]:
        """The parameters of the next page (same filters, next cursor), or None on the
        last page; the stop rule is the core's."""
        following: Optional[Dict[str, Any]] = _native.next_page_params(self._params, self._wire)
        return following

    def has_next_page(self) -> bool:
        return self.next_page_params() is not None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={self.items!r}, has_more={self.has_more!r}, cursor={self.cursor!r})"


class SyncPage(_Page[_M]):
    """One page of a list call; iterating it yields every item of this and the
    following pages, fetching them as needed."""

    __slots__ = ()

    def get_next_page(self: _SyncPageT) -> Optional[_SyncPageT]:
        params = self.next_page_params()
        if params is None:
            return None
        return type(self)(self._caller, self._listing, params, self._caller.call(self._listing.operation, params))

    def iter_pages(self: _SyncPageT) -> Iterator[_SyncPageT]:
        page: Optional[_SyncPageT] = self
        while page is not None:
            yield page
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_M]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_Page[_M]):
    """One page of an async list call; ``async for`` yields every item of this and the
    following pages."""

    __slots__ = ()

    async def get_next_page(self: _AsyncPageT) -> Optional[_AsyncPageT]:
        params = self.next_page_params()
        if params is None:
            return None
        wire = await self._caller.call_async(self._listing.operation, params)
        return type(self)(self._caller, self._listing, params, wire)

    async def iter_pages(self: _AsyncPageT) -> AsyncIterator[_AsyncPageT]:
        page: Optional[_AsyncPageT] = self
        while page is not None:
            yield page
            page = await page.get_next_page()

    async def _every_item(self) -> AsyncIterator[_M]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    def __aiter__(self) -> AsyncIterator[_M]:
        return self._every_item()


class AsyncPager(Generic[_AsyncPageT, _M]):
    """What an async list method returns: ``await`` it for the first page, or
    ``async for`` over it for every item of every page."""

    __slots__ = ("_first",)

    def __init__(self, first: Callable[[], Awaitable[_AsyncPageT]]) -> None:
        self._first = first

    async def _first_page(self) -> _AsyncPageT:
        return await self._first()

    def __await__(self) -> Generator[Any, None, _AsyncPageT]:
        return self._first_page().__await__()

    async def _every_item(self) -> AsyncIterator[_M]:
        async for item in await self._first_page():
            yield item

    def __aiter__(self) -> AsyncIterator[_M]:
        return self._every_item()


class _Resource:
    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller


class SyncResource(_Resource):
    """Base of the generated resources of ``Avara``."""

    __slots__ = ()

    def _request(self, operation: str, result: Type[_M], params: Mapping[str, Any]) -> _M:
        return result.from_dict(self._caller.call(operation, _given(params)))

    def _page(self, listing: Listing, page: Type[_SyncPageT], params: Mapping[str, Any]) -> _SyncPageT:
        given = _given(params)
        return page(self._caller, listing, given, self._caller.call(listing.operation, given))


class AsyncResource(_Resource):
    """Base of the generated resources of ``AsyncAvara``."""

    __slots__ = ()

    async def _request(self, operation: str, result: Type[_M], params: Mapping[str, Any]) -> _M:
        return result.from_dict(await self._caller.call_async(operation, _given(params)))

    def _pager(self, listing: Listing, page: Type[_AsyncPageT], params: Mapping[str, Any]) -> AsyncPager[_AsyncPageT, Any]:
        given = _given(params)

        async def first() -> _AsyncPageT:
            wire = await self._caller.call_async(listing.operation, given)
            return page(self._caller, listing, given, wire)

        return AsyncPager(first)
