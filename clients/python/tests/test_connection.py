"""Connection behaviour a real orderd rarely shows, against a scripted fake server."""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import pytest

import orderd
from orderd import calls
from orderd import frames as f
from orderd.connection import Connection
from orderd.metadata import Metadata

Script = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def read_frame(reader: asyncio.StreamReader) -> tuple[f.FrameHeader, bytes]:
    header = f.FrameHeader.decode(await reader.readexactly(f.HEADER_SIZE))
    return header, await reader.readexactly(header.length)


@asynccontextmanager
async def fake_server(script: Script, max_streams: int = 100) -> AsyncIterator[Connection]:
    """A server that sends its preface, checks the client's, then runs `script`."""
    done = asyncio.get_running_loop().create_future()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(f.Preface(0, max_streams).encode())
        assert f.Preface.decode(await reader.readexactly(12)).capabilities == f.CAP_ZLIB
        try:
            await script(reader, writer)
            done.set_result(None)
        except BaseException as error:  # noqa: BLE001 (handed to the test)
            done.set_exception(error)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    conn = await Connection.open("127.0.0.1", port)
    try:
        yield conn
        await asyncio.wait_for(done, 5)
    finally:
        await conn.close()
        server.close()


def call(conn: Connection, path: str = "/t.T/M") -> asyncio.Task[bytes]:
    return asyncio.create_task(calls.unary(conn, path, b"req", Metadata(), None))


async def test_answers_ping() -> None:
    async def script(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(f.frame(f.FrameType.PING, 0, 0, b"keepaliv"))
        header, payload = await read_frame(reader)
        assert (header.type, header.flags, payload) == (f.FrameType.PING, f.Flag.ACK, b"keepaliv")

    async with fake_server(script):
        pass


async def test_goaway_no_error_fails_only_unprocessed_streams() -> None:
    async def script(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for expected in (1, 1, 3, 3):  # HEADERS and MESSAGE of streams 1 and 3
            header, _ = await read_frame(reader)
            assert header.stream_id == expected
        writer.write(f.frame(f.FrameType.GOAWAY, 0, 0, f.encode_goaway(1, 0, "shutting down")))
        writer.write(f.frame(f.FrameType.MESSAGE, 0, 1, b"answer"))
        writer.write(f.frame(f.FrameType.TRAILERS, 0, 1, f.encode_trailers(0, "", Metadata())))
        await writer.drain()

    async with fake_server(script) as conn:
        first, second = call(conn), call(conn)
        assert await first == b"answer"
        with pytest.raises(orderd.Unavailable, match="not processed"):
            await second
        assert not conn.usable


async def test_stream_limit_queues_calls() -> None:
    async def script(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for _ in range(2):
            await read_frame(reader), await read_frame(reader)
        with pytest.raises(asyncio.TimeoutError):  # the third waits for a free slot
            await asyncio.wait_for(reader.readexactly(1), 0.2)
        writer.write(f.frame(f.FrameType.TRAILERS, 0, 1, f.encode_trailers(5, "no", Metadata())))
        header, _ = await read_frame(reader)
        assert (header.type, header.stream_id) == (f.FrameType.HEADERS, 5)
        await read_frame(reader)
        for sid in (3, 5):
            writer.write(f.frame(f.FrameType.TRAILERS, 0, sid, f.encode_trailers(5, "no", Metadata())))

    async with fake_server(script, max_streams=2) as conn:
        tasks = [call(conn) for _ in range(3)]
        for task in tasks:
            with pytest.raises(orderd.NotFound):
                await task


async def test_corrupt_compressed_message_fails_the_call_and_cancels() -> None:
    async def script(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_frame(reader), await read_frame(reader)
        writer.write(f.frame(f.FrameType.MESSAGE, f.Flag.COMPRESSED, 1, zlib.compress(b"x" * 300)[:-4]))
        header, payload = await read_frame(reader)
        assert (header.type, header.stream_id, f.decode_cancel(payload)) == (f.FrameType.CANCEL, 1, 13)

    async with fake_server(script) as conn:
        with pytest.raises(orderd.Internal, match="corrupt"):
            await call(conn)


async def test_goaway_with_an_error_fails_every_call() -> None:
    async def script(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_frame(reader), await read_frame(reader)
        writer.write(f.frame(f.FrameType.GOAWAY, 0, 0, f.encode_goaway(1, 1, "you broke it")))

    async with fake_server(script) as conn:
        with pytest.raises(orderd.Unavailable, match="PROTOCOL_ERROR: you broke it"):
            await call(conn)
