"""A channel: the current connection to one server, reconnection, metadata and retries."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar

from . import calls
from .connection import Connection
from .deadline import deadline_after, remaining
from .errors import Unavailable
from .metadata import Metadata
from .methods import is_mutating, is_safe_to_retry
from .retry import RetryPolicy

T = TypeVar("T")


class Channel:
    """Calls to one orderd server over one shared connection, reopened when it is lost.

    Every call carries `authorization: Bearer <api_key>`. Mutating methods get a fresh
    `idempotency-key` per logical call (unless the caller gives one), kept on every retry,
    so retrying UNAVAILABLE never does the work twice.
    """

    def __init__(
        self,
        host: str,
        port: int,
        api_key: str | None = None,
        *,
        retry: RetryPolicy = RetryPolicy(),
        connect_timeout: float = 10.0,
    ) -> None:
        self.host, self.port = host, port
        self.api_key = api_key
        self.retry = retry
        self.connect_timeout = connect_timeout
        self._conn: Connection | None = None
        self._old: list[Connection] = []
        self._lock = asyncio.Lock()

    async def connection(self) -> Connection:
        """The connection new calls use, opened (again) when needed."""
        async with self._lock:
            if self._conn is None or not self._conn.usable:
                if self._conn is not None:
                    self._old = [c for c in self._old if not c.closed] + [self._conn]
                self._conn = await Connection.open(self.host, self.port, self.connect_timeout)
            return self._conn

    async def close(self) -> None:
        """Closes every connection; open calls fail with UNAVAILABLE."""
        for conn in [*self._old, *([self._conn] if self._conn else [])]:
            await conn.close()
        self._conn, self._old = None, []

    def call_metadata(self, path: str, metadata: Metadata | None, idempotency_key: str | None) -> Metadata:
        """The metadata a call sends: the caller's, the API key, an idempotency key if mutating."""
        md = Metadata(metadata or ())
        if self.api_key is not None and md.get("authorization") is None:
            md.append(("authorization", f"Bearer {self.api_key}"))
        if md.get("idempotency-key") is None:
            key = idempotency_key or (uuid.uuid4().hex if is_mutating(path) else None)
            if key is not None:
                md.append(("idempotency-key", key))
        return md

    async def unary(
        self,
        path: str,
        request: bytes,
        *,
        timeout: float | None = None,
        metadata: Metadata | None = None,
        idempotency_key: str | None = None,
    ) -> bytes:
        """A unary call with retries of UNAVAILABLE; raises `RpcError` subclasses."""
        md = self.call_metadata(path, metadata, idempotency_key)
        deadline = deadline_after(timeout)
        retryable = is_safe_to_retry(path, md.get("idempotency-key") is not None)

        async def attempt() -> bytes:
            return await calls.unary(await self.connection(), path, request, md, deadline)

        return await self.with_retries(attempt, deadline, retryable)

    async def server_stream(
        self,
        path: str,
        request: bytes,
        *,
        timeout: float | None = None,
        metadata: Metadata | None = None,
        on_headers: Callable[[], None] | None = None,
    ) -> AsyncIterator[bytes]:
        """One server-streaming call (no retry: see `watch.py` for resuming)."""
        md = self.call_metadata(path, metadata, None)
        deadline = deadline_after(timeout)
        conn = await self.connection()
        async for message in calls.server_stream(conn, path, request, md, deadline, on_headers):
            yield message

    async def with_retries(self, attempt: Callable[[], Awaitable[T]], deadline: float | None, retryable: bool) -> T:
        """Runs `attempt`, again after a backoff while it fails with UNAVAILABLE and time allows."""
        tries = 0
        while True:
            tries += 1
            try:
                return await attempt()
            except Unavailable:
                if not retryable or tries >= self.retry.max_attempts:
                    raise
                pause = self.retry.backoff(tries)
                left = remaining(deadline)
                if left is not None and pause >= left:
                    raise
                await asyncio.sleep(pause)
