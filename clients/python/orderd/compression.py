"""zlib compression of MESSAGE payloads (PROTOCOL.md §4 MESSAGE, §12)."""

from __future__ import annotations

import zlib

from .errors import Internal, ResourceExhausted
from .status import StatusCode

MIN_COMPRESSED_SIZE = 256


def maybe_compress(message: bytes, peer_accepts_zlib: bool) -> tuple[bytes, bool]:
    """The payload to send and whether it is compressed: only large messages that shrink."""
    if not peer_accepts_zlib or len(message) < MIN_COMPRESSED_SIZE:
        return message, False
    packed = zlib.compress(message)
    return (packed, True) if len(packed) < len(message) else (message, False)


def decompress(payload: bytes, limit: int) -> bytes:
    """Inflates one whole zlib stream, at most `limit` bytes.

    Raises `Internal` for a corrupt stream (cut short, trailing bytes, bad checksum, preset
    dictionary) and `ResourceExhausted` when it inflates beyond `limit`.
    """
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(payload, limit + 1)
    except zlib.error as error:
        raise Internal(StatusCode.INTERNAL, f"received a corrupt compressed message ({error})") from None
    if len(out) > limit:
        raise ResourceExhausted(StatusCode.RESOURCE_EXHAUSTED, f"a compressed message inflates beyond {limit} bytes")
    if not inflater.eof or inflater.unused_data or inflater.unconsumed_tail:
        raise Internal(StatusCode.INTERNAL, "received a corrupt compressed message")
    return out
