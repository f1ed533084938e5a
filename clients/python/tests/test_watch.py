"""watch_notifications: live entries, and resuming after orderd restarts."""

from __future__ import annotations

import asyncio
import signal

import pytest
from server import OrderdServer

import orderd


async def _place(client: orderd.Client, sku: str) -> orderd.orders_pb2.Order:
    account = await client.create_account(name=f"Watcher of {sku}")
    return await client.place_order(account_id=account.id, items=[{"sku": sku}])


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["killed", "stopped"])
async def test_watch_sees_new_entries_and_resumes_after_restart(private_server: OrderdServer, sig: signal.Signals) -> None:
    srv = private_server
    async with orderd.Client("127.0.0.1", srv.port, srv.root_key) as client:
        await client.create_product({"sku": "W-1", "name": "Watched", "kind": orderd.common_pb2.PRODUCT_KIND_ASSET},
                                    price="5.00")  # fmt: skip
        start = (await client.list_notifications(limit=1000)).last_position
        seen: asyncio.Queue[orderd.notifications_pb2.Notification] = asyncio.Queue()

        async def watch() -> None:
            async for n in client.watch_notifications(after=start):
                seen.put_nowait(n)

        task = asyncio.create_task(watch())
        await asyncio.sleep(0.3)  # the watch is open before anything is written
        first = await _place(client, "W-1")
        got = [await asyncio.wait_for(seen.get(), 10)]
        assert got[0].position > start

        await asyncio.to_thread(srv.restart, sig)
        second = await _place(client, "W-1")  # the client reconnects for this call too
        deadline = asyncio.get_running_loop().time() + 20
        while not any(n.subject_id == second.number for n in got):
            got.append(await asyncio.wait_for(seen.get(), deadline - asyncio.get_running_loop().time()))
        task.cancel()

        positions = [n.position for n in got]
        assert positions == sorted(set(positions)), "nothing twice, in order"
        logged = (await client.list_notifications(after=start, limit=1000)).notifications
        assert [n.position for n in logged][: len(positions)] == positions, "nothing lost"
        assert {first.number, second.number} <= {n.subject_id for n in got}
