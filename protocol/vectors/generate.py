#!/usr/bin/env python3
"""Writes the byte-exact example frames of protocol/PROTOCOL.md, one JSON file per vector.

An independent encoder of the wire format (no Swift involved): the Swift tests decode every
vector and re-encode it, so both implementations must agree byte for byte.
Run: python3 protocol/vectors/generate.py
"""
import json, os, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
# SwiftPM copies resources but not through symlinks, so the tests keep a copy.
TEST_COPY = os.path.join(HERE, "..", "..", "Tests", "OrderWireTests", "Vectors")
TYPES = {"headers": 1, "message": 2, "trailers": 3, "cancel": 4, "ping": 5, "goaway": 6}


def frame(ftype, flags, stream_id, payload):
    return struct.pack(">IBBI", len(payload), TYPES[ftype], flags, stream_id) + payload


def str16(s):
    b = s.encode()
    return struct.pack(">H", len(b)) + b


def metadata(entries):
    out = struct.pack(">H", len(entries))
    for e in entries:
        if "string" in e:
            value, tag = e["string"].encode(), 0
        else:
            value, tag = bytes.fromhex(e["binary"]), 1
        out += struct.pack(">B", tag) + str16(e["key"]) + struct.pack(">I", len(value)) + value
    return out


def encode(f):
    t = f["type"]
    if t == "preface":
        return b"ORDW" + struct.pack(">HHI", f["version"], f["capabilities"], f["maxConcurrentStreams"])
    if t == "headers":
        timeout = f["timeoutMicroseconds"] or 0
        payload = str16(f["path"]) + struct.pack(">Q", timeout) + metadata(f["metadata"])
        return frame(t, 1 if f["endStream"] else 0, f["streamID"], payload)
    if t == "message":
        flags = {"endStream": 1, "compressed": 2, "noMessage": 4}
        return frame(t, sum(flags[x] for x in f["flags"]), f["streamID"], bytes.fromhex(f["payload"]))
    if t == "trailers":
        payload = struct.pack(">I", f["code"]) + str16(f["message"]) + metadata(f["metadata"])
        return frame(t, 0, f["streamID"], payload)
    if t == "cancel":
        return frame(t, 0, f["streamID"], struct.pack(">I", f["code"]))
    if t == "ping":
        return frame(t, 1 if f["ack"] else 0, 0, bytes.fromhex(f["data"]))
    if t == "goaway":
        payload = struct.pack(">II", f["lastStreamID"], f["code"]) + f["message"].encode()
        return frame(t, 0, 0, payload)
    raise ValueError(t)


VALID = [
    ("01-client-preface", "Client preface: magic ORDW, version 1, accepts zlib, accepts no streams.",
     {"type": "preface", "version": 1, "capabilities": 1, "maxConcurrentStreams": 0}),
    ("02-server-preface-no-compression", "Server preface: version 1, accepts no compression, "
     "at most 100 concurrent streams.",
     {"type": "preface", "version": 1, "capabilities": 0, "maxConcurrentStreams": 100}),
    ("03-headers-request", "Client opens stream 1 for /echo.Echo/Get with a 1.5 s timeout and "
     "one text and one binary metadata entry.",
     {"type": "headers", "streamID": 1, "endStream": False, "path": "/echo.Echo/Get",
      "timeoutMicroseconds": 1500000,
      "metadata": [{"key": "x-tenant", "string": "acme"}, {"key": "x-trace-bin", "binary": "00ff10"}]}),
    ("04-headers-response", "Server sends the initial metadata of stream 1 (no path, no timeout).",
     {"type": "headers", "streamID": 1, "endStream": False, "path": "", "timeoutMicroseconds": None,
      "metadata": [{"key": "x-served-by", "string": "node-a"}]}),
    ("05-headers-no-messages", "Client opens stream 3 with no metadata and END_STREAM: no request messages follow.",
     {"type": "headers", "streamID": 3, "endStream": True, "path": "/echo.Echo/Expand",
      "timeoutMicroseconds": None, "metadata": []}),
    ("06-message", "A 5-byte message 'hello' on stream 1.",
     {"type": "message", "streamID": 1, "flags": [], "payload": "68656c6c6f"}),
    ("07-message-end-stream", "The last request message 'bye' on stream 1, half-closing the request stream.",
     {"type": "message", "streamID": 1, "flags": ["endStream"], "payload": "627965"}),
    ("08-message-empty", "An empty message (zero bytes) on stream 5: a message, not a half-close.",
     {"type": "message", "streamID": 5, "flags": [], "payload": ""}),
    ("09-half-close", "Half-close of stream 1 after earlier messages: END_STREAM + NO_MESSAGE, empty payload.",
     {"type": "message", "streamID": 1, "flags": ["endStream", "noMessage"], "payload": ""}),
    ("10-message-compressed", "The message 'aaaa...' (64 bytes) compressed with zlib on stream 7.",
     {"type": "message", "streamID": 7, "flags": ["compressed"], "payload": zlib.compress(b"a" * 64).hex()}),
    ("11-trailers-ok", "Stream 1 ends with status OK (0), no message, one trailing metadata entry.",
     {"type": "trailers", "streamID": 1, "code": 0, "message": "",
      "metadata": [{"key": "x-cost", "string": "3"}]}),
    ("12-trailers-unavailable", "Stream 201 refused: UNAVAILABLE (14), safe to retry.",
     {"type": "trailers", "streamID": 201, "code": 14,
      "message": "too many concurrent calls on this connection (limit 100)", "metadata": []}),
    ("13-cancel", "Client abandons stream 9 with CANCELLED (1).",
     {"type": "cancel", "streamID": 9, "code": 1}),
    ("14-ping", "PING with opaque data 0x0102030405060708.",
     {"type": "ping", "ack": False, "data": "0102030405060708"}),
    ("15-ping-ack", "The answer to the PING above.",
     {"type": "ping", "ack": True, "data": "0102030405060708"}),
    ("16-goaway-graceful", "Graceful shutdown: streams up to 41 complete, NO_ERROR.",
     {"type": "goaway", "lastStreamID": 41, "code": 0, "message": "the server is shutting down"}),
    ("17-goaway-protocol-error", "PROTOCOL_ERROR after a stream id was reused.",
     {"type": "goaway", "lastStreamID": 7, "code": 1,
      "message": "stream 5: ids must increase (highest so far 7); ids are never reused"}),
]

INVALID = [
    ("50-bad-magic", "An HTTP/1 request instead of the preface.", True,
     "474554202f20485454502f312e310d0a", "BAD_PREFACE"),
    ("51-unknown-version", "A preface announcing version 2 (refused once the version bytes arrived).", True,
     "4f5244570002", "UNSUPPORTED_VERSION"),
    ("52-unknown-frame-type", "A frame of type 0x09.", False, "00000000" "09" "00" "00000001", "PROTOCOL_ERROR"),
    ("53-ping-on-stream", "PING must be on stream 0.", False,
     "00000008" "05" "00" "00000001" "0000000000000000", "PROTOCOL_ERROR"),
    ("54-message-on-stream-zero", "MESSAGE must not be on stream 0.", False,
     "00000000" "02" "00" "00000000", "PROTOCOL_ERROR"),
    ("55-oversized-message", "A MESSAGE announcing 4 MiB + 1 bytes (rejected from the header alone).", False,
     "00400001" "02" "00" "00000001", "FRAME_SIZE_ERROR"),
    ("56-cancel-wrong-length", "CANCEL with a 2-byte payload.", False,
     "00000002" "04" "00" "00000001" "0001", "FRAME_SIZE_ERROR"),
    ("57-no-message-with-payload", "NO_MESSAGE flag with a payload.", False,
     "00000001" "02" "05" "00000001" "61", "PROTOCOL_ERROR"),
    ("58-headers-truncated", "HEADERS whose path length says 16 bytes but only 2 follow.", False,
     "00000004" "01" "00" "00000001" "0010" "2f61", "PROTOCOL_ERROR"),
    ("59-goaway-too-short", "GOAWAY with a 7-byte payload: last stream id and code need 8.", False,
     "00000007" "06" "00" "00000000" "00000000000000", "FRAME_SIZE_ERROR"),
    ("60-binary-value-without-bin-key", "HEADERS with a binary metadata value under the key 'x-key' "
     "(binary values need keys ending in -bin).", False,
     frame("headers", 0, 1, str16("/echo.Echo/Get") + struct.pack(">Q", 0)
           + metadata([{"key": "x-key", "binary": "01"}])).hex(), "PROTOCOL_ERROR"),
]


def write(name, vector):
    for directory in (HERE, TEST_COPY):
        with open(os.path.join(directory, name + ".json"), "w") as out:
            json.dump(vector, out, indent=2)
            out.write("\n")


def main():
    os.makedirs(TEST_COPY, exist_ok=True)
    for directory in (HERE, TEST_COPY):
        for name in os.listdir(directory):
            if name.endswith(".json"):
                os.remove(os.path.join(directory, name))
    for name, description, f in VALID:
        write(name, {"description": description, "afterPreface": f["type"] != "preface",
                     "hex": encode(f).hex(), "frame": f})
    for name, description, preface, hex_, error in INVALID:
        write(name, {"description": description, "afterPreface": not preface, "hex": hex_, "error": error})


if __name__ == "__main__":
    main()
