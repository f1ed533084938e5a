"""Deadlines: an absolute time on the event loop's clock, or None for no deadline."""

from __future__ import annotations

import asyncio

from .frames import NO_DEADLINE_US


def deadline_after(timeout: float | None) -> float | None:
    """The deadline `timeout` seconds from now (None: no deadline)."""
    return None if timeout is None else asyncio.get_running_loop().time() + timeout


def remaining(deadline: float | None) -> float | None:
    """Seconds left before `deadline` (never negative), or None."""
    return None if deadline is None else max(0.0, deadline - asyncio.get_running_loop().time())


def timeout_field(deadline: float | None) -> int:
    """The HEADERS `timeout` field (µs, 0 = none) for the time left; at least 1 µs."""
    left = remaining(deadline)
    return 0 if left is None else min(NO_DEADLINE_US - 1, max(1, int(left * 1_000_000)))
