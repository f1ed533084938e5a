"""gRPC status codes, as carried by TRAILERS and CANCEL frames (PROTOCOL.md §4)."""

from __future__ import annotations

import enum


class StatusCode(enum.IntEnum):
    """The gRPC status codes, by their canonical names."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16

    @classmethod
    def of(cls, value: int) -> StatusCode:
        """The code for a wire value; codes outside 0-16 read as UNKNOWN, as in gRPC."""
        try:
            return cls(value)
        except ValueError:
            return cls.UNKNOWN
