"""The wire format of PROTOCOL.md §1-4: preface, frame header and frame payloads.

Pure functions over bytes, no I/O. Decoders raise `ProtocolError` with the GOAWAY code a
receiver answers.
"""

from __future__ import annotations

import enum
import struct
from dataclasses import dataclass

from .metadata import Metadata

MAGIC = b"ORDW"
VERSION = 1
CAP_ZLIB = 0x0001
PREFACE_SIZE = 12
HEADER_SIZE = 10

MAX_MESSAGE = 4 * 1024 * 1024
MAX_HEADERS = 16 * 1024
MAX_GOAWAY = 64 * 1024
NO_DEADLINE_US = 1 << 50


class FrameType(enum.IntEnum):
    """Frame types (§2)."""

    HEADERS = 0x01
    MESSAGE = 0x02
    TRAILERS = 0x03
    CANCEL = 0x04
    PING = 0x05
    GOAWAY = 0x06


class Flag(enum.IntFlag):
    """Frame flags; their meaning depends on the frame type (§2)."""

    END_STREAM = 0x01  # HEADERS, MESSAGE
    ACK = 0x01  # PING
    COMPRESSED = 0x02  # MESSAGE
    NO_MESSAGE = 0x04  # MESSAGE


class GoAwayCode(enum.IntEnum):
    """GOAWAY codes (§4)."""

    NO_ERROR = 0
    PROTOCOL_ERROR = 1
    INTERNAL_ERROR = 2
    FRAME_SIZE_ERROR = 3
    UNSUPPORTED_VERSION = 4
    BAD_PREFACE = 5


class ProtocolError(Exception):
    """The peer broke a rule of PROTOCOL.md; `code` is the GOAWAY code to answer with."""

    def __init__(self, code: GoAwayCode, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Preface:
    """A connection preface (§1)."""

    capabilities: int
    max_concurrent_streams: int
    version: int = VERSION

    def encode(self) -> bytes:
        """The 12 preface bytes."""
        return MAGIC + struct.pack(">HHI", self.version, self.capabilities, self.max_concurrent_streams)

    @staticmethod
    def decode(data: bytes) -> Preface:
        """Reads a preface, checking the magic and the version as soon as they are there (§1)."""
        if data[:4] != MAGIC[: len(data)]:
            raise ProtocolError(GoAwayCode.BAD_PREFACE, f"bad preface: expected 'ORDW', got {data[:4].hex(' ')}")
        if len(data) >= 6 and int.from_bytes(data[4:6], "big") != VERSION:
            version = int.from_bytes(data[4:6], "big")
            raise ProtocolError(GoAwayCode.UNSUPPORTED_VERSION, f"unsupported protocol version {version}")
        if len(data) != PREFACE_SIZE:
            raise ProtocolError(GoAwayCode.PROTOCOL_ERROR, f"preface of {len(data)} bytes")
        version, caps, streams = struct.unpack(">HHI", data[4:12])
        return Preface(caps, streams, version)


@dataclass(frozen=True)
class FrameHeader:
    """The 10-byte header before every frame's payload (§2)."""

    length: int
    type: int
    flags: int
    stream_id: int

    @staticmethod
    def decode(data: bytes) -> FrameHeader:
        """Reads and checks a header before its payload is buffered."""
        length, ftype, flags, stream_id = struct.unpack(">IBBI", data)
        if ftype not in FrameType._value2member_map_:
            raise ProtocolError(GoAwayCode.PROTOCOL_ERROR, f"unknown frame type {ftype}")
        on_connection = ftype in (FrameType.PING, FrameType.GOAWAY)
        if on_connection != (stream_id == 0):
            raise ProtocolError(GoAwayCode.PROTOCOL_ERROR, f"frame type {ftype} on stream {stream_id}")
        limit = {FrameType.MESSAGE: MAX_MESSAGE, FrameType.GOAWAY: MAX_GOAWAY}.get(FrameType(ftype), MAX_HEADERS)
        if length > limit:
            raise ProtocolError(GoAwayCode.FRAME_SIZE_ERROR, f"frame of {length} bytes over the limit {limit}")
        fixed = {FrameType.CANCEL: 4, FrameType.PING: 8}.get(FrameType(ftype))
        if fixed is not None and length != fixed:
            raise ProtocolError(GoAwayCode.FRAME_SIZE_ERROR, f"frame type {ftype} of {length} bytes")
        if ftype == FrameType.MESSAGE and flags & Flag.NO_MESSAGE and (length or not flags & Flag.END_STREAM):
            raise ProtocolError(GoAwayCode.PROTOCOL_ERROR, "NO_MESSAGE needs END_STREAM and an empty payload")
        if ftype == FrameType.GOAWAY and length < 8:
            raise ProtocolError(GoAwayCode.FRAME_SIZE_ERROR, f"GOAWAY of {length} bytes")
        return FrameHeader(length, ftype, flags, stream_id)


def frame(ftype: FrameType, flags: int, stream_id: int, payload: bytes = b"") -> bytes:
    """A whole frame: header and payload."""
    return struct.pack(">IBBI", len(payload), ftype, flags, stream_id) + payload


class _Reader:
    """Reads a payload's building blocks, failing with PROTOCOL_ERROR when it is short."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise ProtocolError(GoAwayCode.PROTOCOL_ERROR, "truncated frame payload")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def uint(self, size: int) -> int:
        return int.from_bytes(self.take(size), "big")

    def str16(self) -> str:
        return self.take(self.uint(2)).decode("utf-8", errors="replace")

    def metadata(self) -> Metadata:
        entries: list[tuple[str, str | bytes]] = []
        for _ in range(self.uint(2)):
            tag = self.uint(1)
            key = self.str16()
            value = self.take(self.uint(4))
            if tag == 1 and not key.endswith("-bin"):
                raise ProtocolError(GoAwayCode.PROTOCOL_ERROR, f"binary metadata value for key {key!r}")
            if tag not in (0, 1):
                raise ProtocolError(GoAwayCode.PROTOCOL_ERROR, f"unknown metadata value tag {tag}")
            entries.append((key, value if tag == 1 else value.decode("utf-8", errors="replace")))
        return Metadata(entries)

    def end(self) -> None:
        if self.pos != len(self.data):
            raise ProtocolError(GoAwayCode.PROTOCOL_ERROR, "bytes after the frame payload")


def _str16(text: str) -> bytes:
    raw = text.encode()
    return struct.pack(">H", len(raw)) + raw


def encode_metadata(metadata: Metadata) -> bytes:
    """A metadata block (§3)."""
    out = [struct.pack(">H", len(metadata))]
    for key, value in metadata:
        binary = isinstance(value, bytes)
        raw = value if isinstance(value, bytes) else value.encode()
        out.append(struct.pack(">B", 1 if binary else 0) + _str16(key) + struct.pack(">I", len(raw)) + raw)
    return b"".join(out)


def encode_headers(path: str, timeout_us: int, metadata: Metadata) -> bytes:
    """A HEADERS payload (§4): path, timeout in microseconds (0 = none), metadata."""
    return _str16(path) + struct.pack(">Q", timeout_us) + encode_metadata(metadata)


def decode_headers(payload: bytes) -> tuple[str, int, Metadata]:
    """Path, timeout (µs) and metadata of a HEADERS payload."""
    r = _Reader(payload)
    result = (r.str16(), r.uint(8), r.metadata())
    r.end()
    return result


def decode_trailers(payload: bytes) -> tuple[int, str, Metadata]:
    """Status code, message and metadata of a TRAILERS payload."""
    r = _Reader(payload)
    result = (r.uint(4), r.str16(), r.metadata())
    r.end()
    return result


def encode_trailers(code: int, message: str, metadata: Metadata) -> bytes:
    """A TRAILERS payload (servers send them; here for tests and vectors)."""
    return struct.pack(">I", code) + _str16(message) + encode_metadata(metadata)


def encode_cancel(code: int) -> bytes:
    """A CANCEL payload."""
    return struct.pack(">I", code)


def decode_cancel(payload: bytes) -> int:
    """The status code of a CANCEL payload."""
    return int.from_bytes(payload, "big")


def encode_goaway(last_stream_id: int, code: int, message: str) -> bytes:
    """A GOAWAY payload."""
    return struct.pack(">II", last_stream_id, code) + message.encode()


def decode_goaway(payload: bytes) -> tuple[int, int, str]:
    """Last stream id, code and message of a GOAWAY payload."""
    last, code = struct.unpack(">II", payload[:8])
    return last, code, payload[8:].decode("utf-8", errors="replace")
