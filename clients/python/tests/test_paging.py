"""Paging (PROTOCOL.md, "Paging"): page_size, page_token, next_page_token, and list_all."""

from __future__ import annotations

import pytest
from server import OrderdServer

import orderd


async def test_list_all_walks_every_page_once_in_order(private_server: OrderdServer) -> None:
    async with orderd.Client("127.0.0.1", private_server.port, private_server.root_key) as client:
        created = [(await client.create_account(name=f"Paged {i}")).id for i in range(7)]
        first = await client.list_accounts(page_size=3)
        assert [a.id for a in first.accounts] == created[:3] and first.next_page_token
        second = await client.list_accounts(page_size=3, page_token=first.next_page_token)
        assert [a.id for a in second.accounts] == created[3:6]
        listed = [a.id async for a in client.list_all(client.list_accounts, page_size=3)]
        assert listed == created
        assert [a.id async for a in client.list_all(client.list_accounts, page_size=2, limit=5)] == created[:5]


async def test_bad_token_and_other_filters_are_invalid_argument(client: orderd.Client) -> None:
    with pytest.raises(orderd.InvalidArgument, match="page_token"):
        await client.list_orders(page_token="not-a-token")
    account = await client.create_account(name="Token Filters Ltd")
    other = await client.create_account(name="Other Filters Ltd")
    await client.create_product({"sku": "PAGE-1", "name": "Paged", "kind": orderd.common_pb2.PRODUCT_KIND_ASSET},
                                price="1.00")  # fmt: skip
    for _ in range(2):
        await client.place_order(account_id=account.id, items=[{"sku": "PAGE-1"}])
    page = await client.list_orders(account_id=account.id, page_size=1)
    assert len(page.orders) == 1 and page.next_page_token
    with pytest.raises(orderd.InvalidArgument, match="other filters"):
        await client.list_orders(account_id=other.id, page_token=page.next_page_token)
    with pytest.raises(orderd.InvalidArgument, match="continues ListOrders"):
        await client.list_accounts(page_token=page.next_page_token)
    with pytest.raises(orderd.InvalidArgument, match="page_size"):
        await client.list_accounts(page_size=-1)
    rest = await client.list_orders(account_id=account.id, page_size=1, page_token=page.next_page_token)
    assert len(rest.orders) == 1 and rest.orders[0].id != page.orders[0].id


def test_sync_client_list_all(server: OrderdServer) -> None:
    with orderd.SyncClient("127.0.0.1", server.port, server.root_key) as client:
        client.create_account(name="Sync Paged")
        every = list(client.list_all(client.list_accounts, page_size=1))
        assert len(every) == len({a.id for a in every}) >= 1
