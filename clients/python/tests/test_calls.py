"""Calls against a real orderd: concurrency on one connection, deadlines, cancellation, errors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from server import OrderdServer

import orderd
from orderd import calls
from orderd.connection import End
from orderd.metadata import Metadata
from orderd.methods import method_path


async def test_many_concurrent_calls_share_one_connection(client: orderd.Client) -> None:
    # 250 calls at once: more than the server's 100 stream slots, so some wait for a slot.
    results = await asyncio.gather(*(client.get_clock() for _ in range(250)))
    assert all(r.simulated for r in results)
    conn = await client.channel.connection()
    assert conn.server_preface.max_concurrent_streams == 100
    assert conn._next_id == 2 * 250 + 1  # one connection carried them all (ids 1, 3, ..., 499)


async def test_deadline_expires_locally(client: orderd.Client) -> None:
    # A watch never ends by itself: its deadline ends it.
    with pytest.raises(orderd.DeadlineExceeded):
        async for _ in client.channel.server_stream(method_path("NotificationService", "WatchNotifications"),
                                                    b"", timeout=0.3):  # fmt: skip
            pass
    assert (await client.get_clock()).simulated  # the connection is still fine


async def test_server_enforces_the_timeout_field(client: orderd.Client) -> None:
    # Without the client's own timer, the server's TRAILERS DEADLINE_EXCEEDED end the call (§4).
    conn = await client.channel.connection()
    md = client.channel.call_metadata("/orders.v1.NotificationService/WatchNotifications", None, None)
    await conn.reserve()
    stream = conn.open_stream("/orders.v1.NotificationService/WatchNotifications", 200_000, md, b"")
    event = await asyncio.wait_for(stream.events.get(), 5)
    while not isinstance(event, End):
        event = await asyncio.wait_for(stream.events.get(), 5)
    assert isinstance(event, End) and event.error is not None
    assert event.error.code == orderd.StatusCode.DEADLINE_EXCEEDED


async def test_cancelling_the_caller_sends_cancel_and_frees_the_slot(client: orderd.Client) -> None:
    conn = await client.channel.connection()

    async def watch() -> None:
        async for _ in client.watch_notifications():
            pass

    task = asyncio.create_task(watch())
    await asyncio.sleep(0.3)
    assert len(conn._streams) == 1
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert conn._streams == {}  # CANCEL sent: the slot is free
    assert conn._slots._value == 100
    assert (await client.get_clock()).simulated


async def test_cancelled_unary_call(client: orderd.Client) -> None:
    task = asyncio.create_task(client.list_products())
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert (await client.list_products()) is not None


async def test_errors_are_typed(client: orderd.Client, server: OrderdServer) -> None:
    with pytest.raises(orderd.NotFound) as missing:
        await client.get_order("SO-999999")
    assert missing.value.code == orderd.StatusCode.NOT_FOUND
    assert isinstance(missing.value, orderd.RpcError)
    with pytest.raises(orderd.InvalidArgument):
        await client.create_account(name="Too long a key", idempotency_key="k" * 129)
    with pytest.raises(orderd.Unimplemented):
        await client.call("NoSuchService", "Nope", orderd.clock_pb2.GetClockRequest(), orderd.clock_pb2.ClockState)
    async with orderd.Client("127.0.0.1", server.port, "odk_0123456789abcdef_" + "0" * 64) as stranger:
        with pytest.raises(orderd.Unauthenticated):
            await stranger.get_clock()


async def test_generic_call_with_metadata(client: orderd.Client) -> None:
    state = await client.call("orders.v1.ClockService", "GetClock", orderd.clock_pb2.GetClockRequest(),
                              orderd.clock_pb2.ClockState, metadata=[("x-trace", "abc"), ("x-id-bin", b"\x00\x01")],
                              timeout=5)  # fmt: skip
    assert state.simulated


async def test_large_messages_are_compressed_both_ways(client: orderd.Client) -> None:
    name = "A product with a long name " * 40  # > 256 bytes: the request is sent compressed
    product = await client.create_product({"sku": "LONG-1", "name": name, "kind": orderd.common_pb2.PRODUCT_KIND_ASSET},
                                          price="1.00")  # fmt: skip
    assert product.name == name
    listed = await client.list_products()  # > 256 bytes: orderd answers compressed
    assert any(p.name == name for p in listed.products)


async def test_unary_attempt_on_a_closed_connection_is_unavailable(server: OrderdServer) -> None:
    channel = orderd.Channel("127.0.0.1", server.port, server.root_key)
    conn = await channel.connection()
    await conn.close()
    with pytest.raises(orderd.Unavailable):
        await calls.unary(conn, method_path("ClockService", "GetClock"), b"", Metadata(), None)
    await channel.close()


async def test_idle_goaway_then_a_new_connection(tmp_path: Path) -> None:
    srv = OrderdServer(tmp_path / "data", "--idle-timeout", "0.3")
    srv.start()
    try:
        async with orderd.Client("127.0.0.1", srv.port, srv.root_key) as client:
            await client.get_clock()
            first = await client.channel.connection()
            await asyncio.sleep(1.0)  # orderd: GOAWAY NO_ERROR "the connection had no call for 0.3 s"
            assert first.closed and not first.usable
            await client.get_clock()
            assert await client.channel.connection() is not first
    finally:
        srv.stop()
