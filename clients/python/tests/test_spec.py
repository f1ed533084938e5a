"""PROTOCOL.md's statements checked against a real orderd with raw frames."""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator

import pytest
from server import OrderdServer

from orderd import frames as f
from orderd.metadata import Metadata

CLOCK = "/orders.v1.ClockService/GetClock"
CREATE_ACCOUNT = "/orders.v1.AccountService/CreateAccount"
WATCH = "/orders.v1.NotificationService/WatchNotifications"


class Raw:
    """A hand-driven connection: frames in, frames out."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, key: str) -> None:
        self.reader, self.writer, self.key = reader, writer, key

    def send(self, ftype: f.FrameType, flags: int, sid: int, payload: bytes = b"") -> None:
        self.writer.write(f.frame(ftype, flags, sid, payload))

    def headers(self, sid: int, path: str, timeout_us: int = 0, md: Metadata | None = None, end: bool = False) -> None:
        entries = Metadata([*(md or ()), ("authorization", f"Bearer {self.key}")])
        self.send(f.FrameType.HEADERS, int(end), sid, f.encode_headers(path, timeout_us, entries))

    def message(self, sid: int, data: bytes = b"", flags: int = f.Flag.END_STREAM) -> None:
        self.send(f.FrameType.MESSAGE, flags, sid, data)

    async def frame(self) -> tuple[f.FrameHeader, bytes]:
        header = f.FrameHeader.decode(await asyncio.wait_for(self.reader.readexactly(10), 10))
        return header, await self.reader.readexactly(header.length)

    async def trailers(self, sid: int) -> tuple[int, str]:
        """The status of stream `sid`, skipping its HEADERS and MESSAGEs."""
        while True:
            header, payload = await self.frame()
            if header.type == f.FrameType.TRAILERS and header.stream_id == sid:
                code, message, _ = f.decode_trailers(payload)
                return code, message

    async def goaway(self) -> tuple[int, int, str]:
        while True:
            header, payload = await self.frame()
            if header.type == f.FrameType.GOAWAY:
                return f.decode_goaway(payload)


@pytest.fixture
async def raw(server: OrderdServer) -> AsyncIterator[Raw]:
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    writer.write(f.Preface(0, 0).encode())
    assert f.Preface.decode(await reader.readexactly(12)).max_concurrent_streams == 100
    yield Raw(reader, writer, server.root_key)
    writer.close()


async def test_empty_and_double_unary_requests(raw: Raw) -> None:
    raw.headers(1, CLOCK, end=True)
    assert await raw.trailers(1) == (13, "Empty stream.")
    raw.headers(3, CLOCK)
    raw.message(3, flags=0)
    raw.message(3, flags=0)
    raw.message(3, flags=f.Flag.END_STREAM | f.Flag.NO_MESSAGE)
    assert await raw.trailers(3) == (13, "Too many messages.")


async def test_no_message_half_close_and_huge_timeout(raw: Raw) -> None:
    raw.headers(1, CLOCK, timeout_us=(1 << 64) - 1)
    raw.message(1, flags=0)
    raw.message(1, flags=f.Flag.END_STREAM | f.Flag.NO_MESSAGE)
    assert (await raw.trailers(1))[0] == 0


async def test_server_deadline_messages(raw: Raw) -> None:
    raw.headers(1, CLOCK, timeout_us=100_000)
    raw.message(1, flags=0)  # the request never finishes: the transport's deadline ends it (§4)
    assert await raw.trailers(1) == (4, "the call's deadline passed before it finished")
    raw.headers(3, WATCH, timeout_us=100_000)
    raw.message(3)  # a watch also ends itself at its deadline, with its own message: either wins
    code, message = await raw.trailers(3)
    assert code == 4
    assert message in ("the call's deadline passed before it finished",
                       "the watch reached its deadline; resume from the last position")  # fmt: skip


async def test_authentication_messages(raw: Raw) -> None:
    raw.send(f.FrameType.HEADERS, 0, 1, f.encode_headers(CLOCK, 0, Metadata()))
    raw.message(1)
    code, message = await raw.trailers(1)
    assert code == 16 and message.startswith("no API key")
    raw.send(f.FrameType.HEADERS, 0, 3, f.encode_headers(CLOCK, 0, Metadata([("authorization", f"bearer {raw.key}")])))
    raw.message(3)
    assert await raw.trailers(3) == (16, "unknown or revoked API key")
    raw.headers(5, "/orders.v1.Nope/Nope")
    raw.message(5)
    assert await raw.trailers(5) == (12, "Requested RPC isn't implemented by this server.")


async def test_idempotency_key_rules(raw: Raw) -> None:
    raw.headers(1, CREATE_ACCOUNT, md=Metadata([("idempotency-key", "")]))
    raw.message(1, b"\n\x01x")
    assert await raw.trailers(1) == (3, "idempotency-key must be 1 to 128 bytes")
    raw.headers(3, "/orders.v1.KeyService/CreateKey", md=Metadata([("idempotency-key", "short")]))
    raw.message(3, b"\x08\x01")
    assert (await raw.trailers(3))[0] == 3


async def test_ping_is_answered_and_client_goaway_only_logged(raw: Raw) -> None:
    raw.send(f.FrameType.PING, 0, 0, b"12345678")
    header, payload = await raw.frame()
    assert (header.type, header.flags, payload) == (f.FrameType.PING, f.Flag.ACK, b"12345678")
    raw.send(f.FrameType.GOAWAY, 0, 0, f.encode_goaway(0, 0, "bye"))
    raw.headers(1, CLOCK)
    raw.message(1)
    assert (await raw.trailers(1))[0] == 0


async def test_stream_id_violations(raw: Raw) -> None:
    raw.headers(5, CLOCK)
    raw.message(5)
    assert (await raw.trailers(5))[0] == 0
    raw.message(3)  # at or below the highest id, not open: ignored
    raw.message(7)  # never opened
    last, code, message = await raw.goaway()
    assert (last, code) == (5, f.GoAwayCode.PROTOCOL_ERROR)
    assert message == "MESSAGE on stream 7, which was never opened"


async def test_lower_headers_id_is_a_protocol_error(raw: Raw) -> None:
    raw.headers(5, CLOCK)
    raw.message(5)
    raw.headers(3, CLOCK)
    _, code, _ = await raw.goaway()
    assert code == f.GoAwayCode.PROTOCOL_ERROR


async def test_too_many_concurrent_streams(raw: Raw) -> None:
    for i in range(101):
        raw.headers(2 * i + 1, WATCH, timeout_us=5_000_000)
        raw.message(2 * i + 1)
    assert await raw.trailers(201) == (14, "too many concurrent calls on this connection (limit 100)")


async def test_bad_magic_gets_preface_then_goaway(server: OrderdServer) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    writer.write(b"GET / HTTP/1.1\r\n\r\n")
    f.Preface.decode(await reader.readexactly(12))
    header = f.FrameHeader.decode(await reader.readexactly(10))
    last, code, message = f.decode_goaway(await reader.readexactly(header.length))
    assert code == f.GoAwayCode.BAD_PREFACE
    assert message.startswith("bad preface: expected the magic 'ORDW' (4f 52 44 57), got 47 45 54 20")
    writer.close()


async def test_corrupt_compressed_request(raw: Raw) -> None:
    raw.headers(1, CREATE_ACCOUNT, md=Metadata([("idempotency-key", "spec-corrupt-0001")]))
    raw.message(1, zlib.compress(b"\n\x01x" * 100)[:-1], flags=f.Flag.END_STREAM | f.Flag.COMPRESSED)
    assert await raw.trailers(1) == (13, "received a corrupt compressed message")


async def test_no_compressed_answers_to_a_client_without_zlib(raw: Raw) -> None:
    raw.headers(1, "/orders.v1.OrderService/GetOrderFlow")
    raw.message(1, b"\x08\x01")  # the SO flow: an answer well over 256 bytes
    while True:
        header, payload = await raw.frame()
        if header.type == f.FrameType.MESSAGE:
            assert len(payload) > 256 and not header.flags & f.Flag.COMPRESSED
            break


async def test_oversized_frame_and_bad_binary_metadata(server: OrderdServer) -> None:
    for frame, expected in (
        ((f.MAX_MESSAGE + 1).to_bytes(4, "big") + bytes([2, 0, 0, 0, 0, 1]), f.GoAwayCode.FRAME_SIZE_ERROR),
        (f.frame(f.FrameType.HEADERS, 0, 1, f.encode_headers(CLOCK, 0, Metadata([("x-trace", b"\x00")]))),
         f.GoAwayCode.PROTOCOL_ERROR),
    ):  # fmt: skip
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(f.Preface(0, 0).encode() + frame)
        await reader.readexactly(12)
        header = f.FrameHeader.decode(await reader.readexactly(10))
        assert f.decode_goaway(await reader.readexactly(header.length))[1] == expected
        writer.close()
