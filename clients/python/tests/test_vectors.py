"""The frame codec against protocol/vectors (PROTOCOL.md §9)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from orderd import frames as f
from orderd.metadata import Metadata

VECTORS = Path(__file__).resolve().parents[3] / "protocol" / "vectors"
FLAG_NAMES = {"endStream": f.Flag.END_STREAM, "compressed": f.Flag.COMPRESSED, "noMessage": f.Flag.NO_MESSAGE}


def _load(valid: bool) -> list[Any]:
    out = []
    for path in sorted(VECTORS.glob("*.json")):
        vector = json.loads(path.read_text())
        if ("frame" in vector) == valid:
            out.append(pytest.param(vector, id=path.stem))
    return out


def _metadata_json(md: Metadata) -> list[dict[str, str]]:
    return [{"key": k, "binary": v.hex()} if isinstance(v, bytes) else {"key": k, "string": v} for k, v in md]


def decode(data: bytes, after_preface: bool) -> dict[str, Any]:
    """One frame (or a preface) as the vectors' JSON describes it; every byte consumed."""
    if not after_preface:
        p = f.Preface.decode(data)
        return {"type": "preface", "version": p.version, "capabilities": p.capabilities,
                "maxConcurrentStreams": p.max_concurrent_streams}  # fmt: skip
    h = f.FrameHeader.decode(data[:10])
    payload = data[10:]
    assert len(payload) == h.length
    t = f.FrameType(h.type)
    if t == f.FrameType.HEADERS:
        path, timeout, md = f.decode_headers(payload)
        return {"type": "headers", "streamID": h.stream_id, "endStream": bool(h.flags & 1), "path": path,
                "timeoutMicroseconds": timeout or None, "metadata": _metadata_json(md)}  # fmt: skip
    if t == f.FrameType.MESSAGE:
        flags = [name for name, bit in FLAG_NAMES.items() if h.flags & bit]
        return {"type": "message", "streamID": h.stream_id, "flags": flags, "payload": payload.hex()}
    if t == f.FrameType.TRAILERS:
        code, message, md = f.decode_trailers(payload)
        return {"type": "trailers", "streamID": h.stream_id, "code": code, "message": message,
                "metadata": _metadata_json(md)}  # fmt: skip
    if t == f.FrameType.CANCEL:
        return {"type": "cancel", "streamID": h.stream_id, "code": f.decode_cancel(payload)}
    if t == f.FrameType.PING:
        return {"type": "ping", "ack": bool(h.flags & f.Flag.ACK), "data": payload.hex()}
    last, code, message = f.decode_goaway(payload)
    return {"type": "goaway", "lastStreamID": last, "code": code, "message": message}


def encode(fr: dict[str, Any]) -> bytes:
    """The bytes of a vector's `frame`."""
    t = fr["type"]
    md = Metadata((e["key"], bytes.fromhex(e["binary"]) if "binary" in e else e["string"]) for e in fr.get("metadata", []))
    if t == "preface":
        return f.Preface(fr["capabilities"], fr["maxConcurrentStreams"], fr["version"]).encode()
    if t == "headers":
        payload = f.encode_headers(fr["path"], fr["timeoutMicroseconds"] or 0, md)
        return f.frame(f.FrameType.HEADERS, int(fr["endStream"]), fr["streamID"], payload)
    if t == "message":
        flags = sum(FLAG_NAMES[n] for n in fr["flags"])
        return f.frame(f.FrameType.MESSAGE, flags, fr["streamID"], bytes.fromhex(fr["payload"]))
    if t == "trailers":
        return f.frame(f.FrameType.TRAILERS, 0, fr["streamID"], f.encode_trailers(fr["code"], fr["message"], md))
    if t == "cancel":
        return f.frame(f.FrameType.CANCEL, 0, fr["streamID"], f.encode_cancel(fr["code"]))
    if t == "ping":
        return f.frame(f.FrameType.PING, int(fr["ack"]), 0, bytes.fromhex(fr["data"]))
    return f.frame(f.FrameType.GOAWAY, 0, 0, f.encode_goaway(fr["lastStreamID"], fr["code"], fr["message"]))


@pytest.mark.parametrize("vector", _load(valid=True))
def test_valid_vector_round_trips(vector: dict[str, Any]) -> None:
    data = bytes.fromhex(vector["hex"])
    assert decode(data, vector["afterPreface"]) == vector["frame"]
    assert encode(vector["frame"]) == data


@pytest.mark.parametrize("vector", _load(valid=False))
def test_invalid_vector_is_refused(vector: dict[str, Any]) -> None:
    with pytest.raises(f.ProtocolError) as refused:
        decode(bytes.fromhex(vector["hex"]), vector["afterPreface"])
    assert refused.value.code.name == vector["error"]
