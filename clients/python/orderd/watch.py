"""watch_notifications that resumes from its last position after a lost connection."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator

from ._proto.orders.v1 import notifications_pb2 as pb
from .channel import Channel
from .errors import Unavailable
from .methods import method_path

WATCH = method_path("NotificationService", "WatchNotifications")


async def watch_notifications(
    channel: Channel, after: int = 0, account_id: str = "", *, give_up_after: float | None = 60.0
) -> AsyncGenerator[pb.Notification, None]:
    """Every notification after position `after`, live, for ever.

    When the call fails with UNAVAILABLE (connection lost, server restarted or shutting
    down) it is opened again with `after` = the last position received, after a backoff,
    so nothing is lost or repeated. Gives up (raising `Unavailable`) when the server did not
    accept a watch for `give_up_after` seconds (None: never). Other errors are raised.
    """
    loop = asyncio.get_running_loop()
    failing_since: float | None = None
    attempt = 0

    def accepted() -> None:
        nonlocal failing_since, attempt
        failing_since, attempt = None, 0

    while True:
        request = pb.WatchNotificationsRequest(after=after, account_id=account_id).SerializeToString()
        try:
            async for data in channel.server_stream(WATCH, request, on_headers=accepted):
                notification = pb.Notification.FromString(data)
                after = notification.position
                yield notification
            return
        except Unavailable:
            now = loop.time()
            failing_since = failing_since if failing_since is not None else now
            if give_up_after is not None and now - failing_since >= give_up_after:
                raise
            attempt += 1
            await asyncio.sleep(channel.retry.backoff(min(attempt, 8)))
