"""Call metadata: an ordered list of (key, value) entries, repeated keys allowed (§3)."""

from __future__ import annotations

from collections.abc import Iterable

Value = str | bytes


class Metadata(list[tuple[str, Value]]):
    """Ordered metadata entries. Text values are `str`; binary values (`-bin` keys) `bytes`."""

    def __init__(self, entries: Iterable[tuple[str, Value]] = ()) -> None:
        super().__init__((key.lower(), value) for key, value in entries)

    def get(self, key: str, default: Value | None = None) -> Value | None:
        """The first value of `key` (compared without regard to ASCII case), or `default`."""
        key = key.lower()
        for k, v in self:
            if k == key:
                return v
        return default

    def get_all(self, key: str) -> list[Value]:
        """Every value of `key`, in order."""
        key = key.lower()
        return [v for k, v in self if k == key]
