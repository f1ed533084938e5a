"""Paging through list calls (PROTOCOL.md, "Paging"): follow `next_page_token` to the end."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from google.protobuf.message import Message

# The repeated field that holds each list response's items.
ITEMS = {
    "ListAccountsResponse": "accounts",
    "ListBackordersResponse": "backorders",
    "ListProductsResponse": "products",
    "ListInvoicesResponse": "invoices",
    "ListKeysResponse": "keys",
    "ListNotificationsResponse": "notifications",
    "ListOrdersResponse": "orders",
    "ListOrganizationsResponse": "children",
    "ListSubscriptionsResponse": "subscriptions",
    "ListAssetsResponse": "assets",
    "ListScheduledChangesResponse": "changes",
    "ListSubscriptionFeedResponse": "entries",
}


def items_of(response: Message) -> list[Any]:
    """The items of one page."""
    return list(getattr(response, ITEMS[response.DESCRIPTOR.name]))


async def pages(list_method: Callable[..., Awaitable[Message]], **fields: Any) -> AsyncIterator[Message]:
    """Every page of a list call, from `page_token` (default: the first page) on."""
    while True:
        page = await list_method(**fields)
        yield page
        token = getattr(page, "next_page_token")
        if not token:
            return
        fields = {**fields, "page_token": token}


async def list_all(
    list_method: Callable[..., Awaitable[Message]], *, limit: int | None = None, **fields: Any
) -> AsyncIterator[Any]:
    """The items of a list call across its pages, at most `limit` of them (default: all).

    `async for order in list_all(client.list_orders, status="completed"): ...`
    """
    if limit is not None and limit <= 0:
        return
    seen = 0
    size = int(fields.pop("page_size", 0))
    if limit is not None:
        size = min(size or 100, limit)
    async for page in pages(list_method, page_size=size, **fields):
        for item in items_of(page):
            yield item
            seen += 1
            if limit is not None and seen >= limit:
                return
