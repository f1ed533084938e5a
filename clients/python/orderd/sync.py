"""`SyncClient`: a blocking facade over `Client`, for scripts without asyncio."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

from ._proto.orders.v1 import notifications_pb2
from .client import Client

T = TypeVar("T")


class SyncClient:
    """Every `Client` method, blocking: `SyncClient(host, port, key).get_order("SO-000001")`.

    The calls run on an event loop in a background thread, over one shared connection, so
    several threads may call at once. `watch_notifications` returns a blocking iterator.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 7411, api_key: str | None = None, **options: Any) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="orderd-client", daemon=True)
        self._thread.start()

        async def make() -> Client:
            return Client(host, port, api_key, **options)

        self._client = self._run(make())

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self._client, name)

        def blocking(*args: Any, **kwargs: Any) -> Any:
            return self._run(method(*args, **kwargs))

        blocking.__name__ = name
        return blocking

    def watch_notifications(self, after: int = 0, account_id: str = "", **options: Any) -> Iterator[notifications_pb2.Notification]:
        """The notification log after `after`, live and resuming, one blocking step at a time."""
        stream = self._client.watch_notifications(after, account_id, **options)

        async def step() -> notifications_pb2.Notification:
            return await anext(stream)

        async def stop() -> None:
            await stream.aclose()

        try:
            while True:
                try:
                    yield self._run(step())
                except StopAsyncIteration:
                    return
        finally:
            self._run(stop())

    def list_all(self, list_method: Callable[..., Any], *, limit: int | None = None, **fields: Any) -> Iterator[Any]:
        """The items of a list call across all its pages: `list_all(client.list_orders)`, blocking.

        `list_method` may be this client's method or the async client's (same name)."""
        method = getattr(self._client, getattr(list_method, "__name__", ""), list_method)
        items = self._client.list_all(method, limit=limit, **fields)

        async def step() -> Any:
            return await anext(items)

        while True:
            try:
                yield self._run(step())
            except StopAsyncIteration:
                return

    def close(self) -> None:
        """Closes the connection and stops the background loop."""
        self._run(self._client.close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
