"""A full flow: a product, an account, an order, the order listed; idempotent replay."""

from __future__ import annotations

import pytest

import orderd
from orderd import calls
from orderd.errors import Unavailable
from orderd.status import StatusCode


async def test_product_account_order_listed(client: orderd.Client) -> None:
    await client.create_product({"sku": "FLOW-1", "name": "Flow plan", "kind": orderd.common_pb2.PRODUCT_KIND_SUBSCRIPTION},
                                price="25.00")  # fmt: skip
    account = await client.create_account(name="Flow Inc")
    order = await client.place_order(account_id=account.id, items=[{"sku": "FLOW-1", "quantity": 3}])
    assert order.number.startswith("SO-")
    assert order.total.minor_units == 7500
    listed = await client.list_orders(account_id=account.id)
    assert [o.id for o in listed.orders] == [order.id]
    assert (await client.get_order(order.number)).id == order.id
    subs = await client.list_subscriptions(account_id=account.id)
    assert subs.subscriptions[0].quantity == 3


async def test_same_idempotency_key_replays_the_answer(client: orderd.Client) -> None:
    first = await client.create_account(name="Once", idempotency_key="py-replay-0001")
    again = await client.create_account(name="Once", idempotency_key="py-replay-0001")
    assert again == first
    with pytest.raises(orderd.InvalidArgument):  # same key, another request
        await client.create_account(name="Other", idempotency_key="py-replay-0001")


async def test_retry_after_a_lost_answer_keeps_the_key(client: orderd.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first attempt is done by the server but its answer is lost (connection dropped):
    the retry sends the same idempotency key and gets the first answer, nothing twice."""
    real_unary = calls.unary
    keys: list[str] = []

    async def lossy_unary(conn, path, request, metadata, deadline):  # type: ignore[no-untyped-def]
        keys.append(str(metadata.get("idempotency-key")))
        answer = await real_unary(conn, path, request, metadata, deadline)
        if len(keys) == 1:
            await conn.close()
            raise Unavailable(StatusCode.UNAVAILABLE, "connection lost (simulated)")
        return answer

    before = len((await client.list_accounts()).accounts)
    monkeypatch.setattr(calls, "unary", lossy_unary)
    account = await client.create_account(name="Retried")
    monkeypatch.undo()
    assert len(keys) == 2 and keys[0] == keys[1] and len(keys[0]) >= 16
    after = (await client.list_accounts()).accounts
    assert len(after) == before + 1
    assert [a.id for a in after if a.name == "Retried"] == [account.id]


async def test_unavailable_server_is_retried_then_raised(server) -> None:  # type: ignore[no-untyped-def]
    policy = orderd.RetryPolicy(max_attempts=3, initial_backoff=0.01)
    async with orderd.Client("127.0.0.1", 1, server.root_key, retry=policy) as nowhere:
        with pytest.raises(orderd.Unavailable):
            await nowhere.get_clock(timeout=2)
