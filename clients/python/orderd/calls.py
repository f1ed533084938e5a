"""One attempt of a call on one connection: unary and server streaming.

Handles the caller's deadline and cancellation: either sends CANCEL for the stream.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from .connection import Connection, End, Headers, Message, Stream
from .deadline import remaining, timeout_field
from .errors import DeadlineExceeded, Internal
from .metadata import Metadata
from .status import StatusCode


async def _next_event(conn: Connection, stream: Stream, deadline: float | None) -> Headers | Message | End:
    """The stream's next event; on deadline or cancellation the stream is CANCELled."""
    try:
        if stream.events.empty():
            await asyncio.wait_for(conn.flush(), remaining(deadline))
        return await asyncio.wait_for(stream.events.get(), remaining(deadline))
    except asyncio.TimeoutError:
        conn.cancel(stream, StatusCode.DEADLINE_EXCEEDED)
        raise DeadlineExceeded(StatusCode.DEADLINE_EXCEEDED, "the call's deadline passed before it finished") from None
    except asyncio.CancelledError:
        conn.cancel(stream, StatusCode.CANCELLED)
        raise


async def open_call(
    conn: Connection, path: str, request: bytes, metadata: Metadata, deadline: float | None
) -> Stream:
    """Opens a stream with its one request message, within the deadline."""
    try:
        await asyncio.wait_for(conn.reserve(), remaining(deadline))
    except asyncio.TimeoutError:
        raise DeadlineExceeded(StatusCode.DEADLINE_EXCEEDED, "the deadline passed waiting for a stream slot") from None
    return conn.open_stream(path, timeout_field(deadline), metadata, request)


async def unary(conn: Connection, path: str, request: bytes, metadata: Metadata, deadline: float | None) -> bytes:
    """One unary attempt: the response message, or the call's `RpcError`."""
    stream = await open_call(conn, path, request, metadata, deadline)
    response: bytes | None = None
    while True:
        event = await _next_event(conn, stream, deadline)
        if isinstance(event, Message):
            if response is not None:
                conn.cancel(stream, StatusCode.INTERNAL)
                raise Internal(StatusCode.INTERNAL, f"{path}: more than one response message")
            response = event.data
        elif isinstance(event, End):
            if event.error is not None:
                raise event.error
            if response is None:
                raise Internal(StatusCode.INTERNAL, f"{path}: OK without a response message")
            return response


async def server_stream(
    conn: Connection,
    path: str,
    request: bytes,
    metadata: Metadata,
    deadline: float | None,
    on_headers: Callable[[], None] | None = None,
) -> AsyncIterator[bytes]:
    """One server-streaming attempt: each response message; stopping early CANCELs the stream.

    `on_headers` is called when the server's HEADERS arrive (the call was accepted).
    """
    stream = await open_call(conn, path, request, metadata, deadline)
    try:
        while True:
            event = await _next_event(conn, stream, deadline)
            if isinstance(event, Headers) and on_headers is not None:
                on_headers()
            elif isinstance(event, Message):
                yield event.data
            elif isinstance(event, End):
                if event.error is not None:
                    raise event.error
                return
    finally:
        conn.cancel(stream, StatusCode.CANCELLED)
