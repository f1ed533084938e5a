"""One TCP connection to orderd carrying many concurrent streams (PROTOCOL.md §5-7, §12).

A `Connection` owns the socket, a reader task that dispatches frames to streams, and the
stream slots the server announced. Calls are built on it by `calls.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field

from . import frames as f
from .compression import decompress, maybe_compress
from .errors import Internal, ResourceExhausted, RpcError, Unavailable
from .metadata import Metadata
from .status import StatusCode

log = logging.getLogger("orderd.connection")

MAX_STREAM_ID = (1 << 31) - 1
NO_LIMIT_STREAMS = 1 << 20


@dataclass
class Headers:
    """The server's initial metadata (a HEADERS frame)."""

    metadata: Metadata


@dataclass
class Message:
    """One response message, decompressed."""

    data: bytes


@dataclass
class End:
    """The end of a stream: `error` is None for OK trailers."""

    error: RpcError | None
    trailers: Metadata = field(default_factory=Metadata)


Event = Headers | Message | End


class Stream:
    """The client's side of one open stream: the events the server sent, in order."""

    def __init__(self, stream_id: int) -> None:
        self.id = stream_id
        self.events: asyncio.Queue[Event] = asyncio.Queue()
        self.ended = False


class Connection:
    """A connection: preface exchange, stream ids, slots, PING, GOAWAY, the reader loop."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, server: f.Preface) -> None:
        self._reader = reader
        self._writer = writer
        self.server_preface = server
        self._zlib = bool(server.capabilities & f.CAP_ZLIB)
        limit = server.max_concurrent_streams or NO_LIMIT_STREAMS
        self._slots = asyncio.Semaphore(limit)
        self._streams: dict[int, Stream] = {}
        self._next_id = 1
        self.draining = False  # GOAWAY NO_ERROR received: no new streams here
        self.closed = False
        self._close_reason = "connection closed"
        self._task = asyncio.get_running_loop().create_task(self._read_loop())

    @classmethod
    async def open(cls, host: str, port: int, connect_timeout: float = 10.0) -> Connection:
        """Connects, sends the client preface and waits for the server's (§1)."""
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), connect_timeout)
        except (OSError, asyncio.TimeoutError) as error:
            raise Unavailable(StatusCode.UNAVAILABLE, f"cannot connect to {host}:{port}: {error}") from None
        writer.write(f.Preface(capabilities=f.CAP_ZLIB, max_concurrent_streams=0).encode())
        try:
            data = await asyncio.wait_for(reader.readexactly(f.PREFACE_SIZE), connect_timeout)
            preface = f.Preface.decode(data)
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError) as error:
            writer.close()
            raise Unavailable(StatusCode.UNAVAILABLE, f"no preface from {host}:{port}: {error!r}") from None
        except f.ProtocolError as error:
            writer.write(f.frame(f.FrameType.GOAWAY, 0, 0, f.encode_goaway(0, error.code, str(error))))
            writer.close()
            raise Unavailable(StatusCode.UNAVAILABLE, str(error)) from None
        return cls(reader, writer, preface)

    @property
    def usable(self) -> bool:
        """Whether new calls may open streams here."""
        return not self.closed and not self.draining and self._next_id < MAX_STREAM_ID

    async def reserve(self) -> None:
        """Waits for a free stream slot (the server's announced limit, §6)."""
        await self._slots.acquire()

    def open_stream(self, path: str, timeout_us: int, metadata: Metadata, request: bytes) -> Stream:
        """Sends HEADERS and the one request message with END_STREAM, in a reserved slot.

        The id is taken when the HEADERS are written, so ids reach the server in order (§5).
        Raises `Unavailable` (nothing was sent) when the connection cannot take the call,
        `ResourceExhausted` when the request is over a limit; either frees the slot.
        """
        try:
            if not self.usable:
                raise Unavailable(StatusCode.UNAVAILABLE, f"connection not usable: {self._close_reason}")
            if len(request) > f.MAX_MESSAGE:
                raise ResourceExhausted(StatusCode.RESOURCE_EXHAUSTED, f"request of {len(request)} bytes over 4 MiB")
            headers = f.encode_headers(path, timeout_us, metadata)
            if len(headers) > f.MAX_HEADERS:
                raise ResourceExhausted(StatusCode.RESOURCE_EXHAUSTED, "request metadata over 16 KiB")
        except RpcError:
            self._slots.release()
            raise
        payload, compressed = maybe_compress(request, self._zlib)
        stream = Stream(self._next_id)
        self._next_id += 2
        self._streams[stream.id] = stream
        flags = f.Flag.END_STREAM | (f.Flag.COMPRESSED if compressed else 0)
        self._writer.write(
            f.frame(f.FrameType.HEADERS, 0, stream.id, headers) + f.frame(f.FrameType.MESSAGE, flags, stream.id, payload)
        )
        return stream

    async def flush(self) -> None:
        """Waits while the socket's send buffer is full (TCP backpressure)."""
        with contextlib.suppress(ConnectionError):
            await self._writer.drain()

    def cancel(self, stream: Stream, code: StatusCode = StatusCode.CANCELLED) -> None:
        """Abandons a stream: sends CANCEL and frees its slot (no-op once it ended)."""
        if stream.ended:
            return
        self._finish(stream, None)
        if not self.closed:
            self._writer.write(f.frame(f.FrameType.CANCEL, 0, stream.id, f.encode_cancel(code)))

    async def close(self) -> None:
        """Closes the socket; open streams fail with UNAVAILABLE."""
        self._fail_all("the client closed the connection")
        self._task.cancel()
        with contextlib.suppress(BaseException):
            await self._task
        await self._close_socket()

    # -- internals --------------------------------------------------------------------

    def _finish(self, stream: Stream, end: End | None) -> None:
        """Ends a stream once: frees its slot and, unless None, delivers `end`."""
        if stream.ended:
            return
        stream.ended = True
        self._streams.pop(stream.id, None)
        self._slots.release()
        if end is not None:
            stream.events.put_nowait(end)
        if self.draining and not self._streams:
            self.closed = True
            self._writer.close()

    def _fail_all(self, reason: str, above: int = -1) -> None:
        """Fails every open stream with an id above `above` with UNAVAILABLE."""
        for stream in [s for s in self._streams.values() if s.id > above]:
            self._finish(stream, End(Unavailable(StatusCode.UNAVAILABLE, reason)))

    async def _close_socket(self) -> None:
        self.closed = True
        self._writer.close()
        with contextlib.suppress(Exception):
            await self._writer.wait_closed()

    async def _read_loop(self) -> None:
        try:
            while True:
                header = f.FrameHeader.decode(await self._reader.readexactly(f.HEADER_SIZE))
                payload = await self._reader.readexactly(header.length)
                self._dispatch(header, payload)
        except f.ProtocolError as error:
            log.warning("orderd broke the protocol: %s", error)
            self._close_reason = f"protocol error: {error}"
            self._writer.write(f.frame(f.FrameType.GOAWAY, 0, 0, f.encode_goaway(0, error.code, str(error))))
        except (asyncio.IncompleteReadError, ConnectionError, OSError) as error:
            if not self.closed:
                self._close_reason = f"connection lost ({error!r})"
        except _GoneAway:
            pass
        self._fail_all(self._close_reason)
        await self._close_socket()

    def _dispatch(self, header: f.FrameHeader, payload: bytes) -> None:
        ftype, sid = header.type, header.stream_id
        if ftype == f.FrameType.PING:
            if not header.flags & f.Flag.ACK:
                self._writer.write(f.frame(f.FrameType.PING, f.Flag.ACK, 0, payload))
            return
        if ftype == f.FrameType.GOAWAY:
            self._on_goaway(*f.decode_goaway(payload))
            return
        if sid % 2 == 0 or sid >= self._next_id:
            raise f.ProtocolError(f.GoAwayCode.PROTOCOL_ERROR, f"frame type {ftype} on stream {sid}, never opened")
        stream = self._streams.get(sid)
        if stream is None:
            return  # an ended or cancelled stream: frames may cross our CANCEL (§5)
        if ftype == f.FrameType.HEADERS:
            stream.events.put_nowait(Headers(f.decode_headers(payload)[2]))
        elif ftype == f.FrameType.MESSAGE:
            self._on_message(stream, header.flags, payload)
        elif ftype == f.FrameType.TRAILERS:
            code, message, trailers = f.decode_trailers(payload)
            error = None if code == 0 else RpcError.of(code, message, trailers)
            self._finish(stream, End(error, trailers))
        elif ftype == f.FrameType.CANCEL:
            code = f.decode_cancel(payload)
            code = code if 1 <= code <= 16 else StatusCode.CANCELLED  # 0 and unknown codes (§12)
            self._finish(stream, End(RpcError.of(code, "the server cancelled the call")))
        else:
            raise f.ProtocolError(f.GoAwayCode.PROTOCOL_ERROR, f"frame type {ftype} from a server")

    def _on_message(self, stream: Stream, flags: int, payload: bytes) -> None:
        if flags & f.Flag.NO_MESSAGE:
            return
        data = payload
        if flags & f.Flag.COMPRESSED:
            try:
                data = decompress(payload, f.MAX_MESSAGE)
            except (Internal, ResourceExhausted) as error:
                self.cancel(stream, error.code)
                stream.events.put_nowait(End(error))
                return
        stream.events.put_nowait(Message(data))

    def _on_goaway(self, last_stream_id: int, code: int, message: str) -> None:
        reason = f"GOAWAY {f.GoAwayCode(code).name if code in f.GoAwayCode._value2member_map_ else code}: {message}"
        self._close_reason = reason
        self.draining = True
        if code != f.GoAwayCode.NO_ERROR:
            raise _GoneAway()
        self._fail_all(reason + " (not processed)", above=last_stream_id)
        if not self._streams:
            self.closed = True
            self._writer.close()


class _GoneAway(Exception):
    """A GOAWAY with an error code: the reader stops and fails every call."""
