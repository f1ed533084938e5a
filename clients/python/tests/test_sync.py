"""The blocking SyncClient."""

from __future__ import annotations

import pytest
from server import OrderdServer

import orderd


def test_sync_client_calls_errors_and_watch(server: OrderdServer) -> None:
    with orderd.SyncClient("127.0.0.1", server.port, server.root_key) as client:
        assert client.get_clock().simulated
        with pytest.raises(orderd.NotFound):
            client.get_account("ACC-999999")
        account = client.create_account(name="Sync Ltd")
        assert client.get_account(account.id).name == "Sync Ltd"
        client.create_product({"sku": "SYNC-1", "name": "Sync", "kind": orderd.common_pb2.PRODUCT_KIND_ASSET},
                              price="3.00")  # fmt: skip
        order = client.place_order(account_id=account.id, items=[{"sku": "SYNC-1"}])
        for n in client.watch_notifications(after=0):
            if n.subject_id == order.number:
                break
