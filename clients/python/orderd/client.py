"""`Client`: the typed surface of the orders.v1 services."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar

from google.protobuf.message import Message

from ._proto.orders.v1 import accounts_pb2 as accounts
from ._proto.orders.v1 import catalog_pb2 as catalog
from ._proto.orders.v1 import clock_pb2 as clock
from ._proto.orders.v1 import keys_pb2 as keys
from ._proto.orders.v1 import notifications_pb2 as notifications
from ._proto.orders.v1 import orders_pb2 as orders
from ._proto.orders.v1 import organizations_pb2 as organizations
from ._proto.orders.v1 import subscriptions_pb2 as subscriptions
from .channel import Channel
from .metadata import Metadata
from .methods import method_path
from .paging import list_all
from .retry import RetryPolicy
from .watch import watch_notifications

R = TypeVar("R", bound=Message)


class Client:
    """An orderd client: one connection shared by concurrent calls (asyncio).

    ```
    async with Client("127.0.0.1", 7411, api_key) as client:
        order = await client.place_order(account_id="ACC-000001", items=[{"sku": "M365-E3"}])
    ```
    Convenience methods take the request's fields as keyword arguments; `call` reaches
    every method. Each accepts `timeout` (seconds), `metadata` and, for mutating methods,
    `idempotency_key` (default: a new key per call, kept on its retries).
    """

    def __init__(
        self, host: str = "127.0.0.1", port: int = 7411, api_key: str | None = None, *, retry: RetryPolicy = RetryPolicy()
    ) -> None:
        self.channel = Channel(host, port, api_key, retry=retry)

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Closes the connection."""
        await self.channel.close()

    async def call(
        self,
        service: str,
        method: str,
        request: Message,
        response_type: type[R],
        *,
        timeout: float | None = None,
        metadata: Metadata | list[tuple[str, str | bytes]] | None = None,
        idempotency_key: str | None = None,
    ) -> R:
        """Any unary method: `call("OrderService", "GetOrder", GetOrderRequest(id=...), Order)`."""
        data = await self.channel.unary(
            method_path(service, method),
            request.SerializeToString(),
            timeout=timeout,
            metadata=Metadata(metadata or ()),
            idempotency_key=idempotency_key,
        )
        return response_type.FromString(data)

    async def _call(self, service: str, method: str, request: Message, response_type: type[R], opts: dict[str, Any]) -> R:
        return await self.call(service, method, request, response_type, **opts)

    # -- clock --------------------------------------------------------------------------

    async def get_clock(self, **opts: Any) -> clock.ClockState:
        """The server's clock."""
        return await self._call("ClockService", "GetClock", clock.GetClockRequest(), clock.ClockState, opts)

    async def advance_clock(self, *, to: datetime | None = None, by: str | None = None, **opts: Any) -> clock.ClockState:
        """Moves a simulated clock to an instant or by an ISO 8601 duration (root admin)."""
        request = clock.AdvanceClockRequest(by=by) if by is not None else clock.AdvanceClockRequest()
        if to is not None:
            request.to.FromDatetime(to)
        return await self._call("ClockService", "AdvanceClock", request, clock.ClockState, opts)

    # -- organizations and keys -----------------------------------------------------------

    async def create_organization(self, **fields: Any) -> organizations.CreateOrganizationResponse:
        """A child organization and its first admin key (admin)."""
        request, opts = _split(organizations.CreateOrganizationRequest, fields)
        return await self._call(
            "OrganizationService", "CreateOrganization", request, organizations.CreateOrganizationResponse, opts
        )

    async def list_organizations(self, **fields: Any) -> organizations.ListOrganizationsResponse:
        """The caller's organization and a page of its direct children (`page_size`, `page_token`)."""
        request, opts = _split(organizations.ListOrganizationsRequest, fields)
        return await self._call(
            "OrganizationService", "ListOrganizations", request, organizations.ListOrganizationsResponse, opts
        )

    async def create_key(self, **fields: Any) -> organizations.IssuedKey:
        """A new API key of the caller's organization (admin); its secret is shown once."""
        request, opts = _split(keys.CreateKeyRequest, fields)
        return await self._call("KeyService", "CreateKey", request, organizations.IssuedKey, opts)

    async def revoke_key(self, id: str, **opts: Any) -> organizations.ApiKey:
        """Revokes a key at once (admin)."""
        return await self._call("KeyService", "RevokeKey", keys.RevokeKeyRequest(id=id), organizations.ApiKey, opts)

    async def list_keys(self, **fields: Any) -> keys.ListKeysResponse:
        """A page of the organization's keys (admin)."""
        request, opts = _split(keys.ListKeysRequest, fields)
        return await self._call("KeyService", "ListKeys", request, keys.ListKeysResponse, opts)

    # -- accounts and catalog ---------------------------------------------------------------

    async def create_account(self, **fields: Any) -> accounts.Account:
        """A customer or standard-reseller account (admin)."""
        request, opts = _split(accounts.CreateAccountRequest, fields)
        return await self._call("AccountService", "CreateAccount", request, accounts.Account, opts)

    async def list_accounts(self, **fields: Any) -> accounts.ListAccountsResponse:
        """A page of the accounts the key may see."""
        request, opts = _split(accounts.ListAccountsRequest, fields)
        return await self._call("AccountService", "ListAccounts", request, accounts.ListAccountsResponse, opts)

    async def get_account(self, id: str, **opts: Any) -> accounts.Account:
        """One account; `NotFound` when it does not exist for the caller."""
        return await self._call("AccountService", "GetAccount", accounts.GetAccountRequest(id=id), accounts.Account, opts)

    async def create_product(self, product: catalog.Product | dict[str, Any], **fields: Any) -> catalog.Product:
        """A catalog product (admin); `price="12.50"` sets a decimal unit price."""
        request, opts = _split(catalog.CreateProductRequest, {"product": product, **fields})
        return await self._call("CatalogService", "CreateProduct", request, catalog.Product, opts)

    async def list_products(self, **fields: Any) -> catalog.ListProductsResponse:
        """A page of the organization's catalog."""
        request, opts = _split(catalog.ListProductsRequest, fields)
        return await self._call("CatalogService", "ListProducts", request, catalog.ListProductsResponse, opts)

    async def get_product(self, sku: str, **opts: Any) -> catalog.Product:
        """One product by SKU."""
        return await self._call("CatalogService", "GetProduct", catalog.GetProductRequest(sku=sku), catalog.Product, opts)

    # -- orders -------------------------------------------------------------------------

    async def place_order(self, **fields: Any) -> orders.Order:
        """A sales order: `account_id`, `items=[{"sku": ..., "quantity": ...}]`, `scheduled_for`, `dry_run`."""
        request, opts = _split(orders.PlaceOrderRequest, fields)
        return await self._call("OrderService", "PlaceOrder", request, orders.Order, opts)

    async def list_orders(self, **fields: Any) -> orders.ListOrdersResponse:
        """A page of orders, optionally filtered by `account_id` and `status`."""
        request, opts = _split(orders.ListOrdersRequest, fields)
        return await self._call("OrderService", "ListOrders", request, orders.ListOrdersResponse, opts)

    async def get_order(self, id: str, **opts: Any) -> orders.Order:
        """One order by id or number."""
        return await self._call("OrderService", "GetOrder", orders.GetOrderRequest(id=id), orders.Order, opts)

    async def cancel_order(self, id: str, reason: str = "", **opts: Any) -> orders.Order:
        """Cancels an order that has not executed or is stalled."""
        request = orders.CancelOrderRequest(id=id, reason=reason)
        return await self._call("OrderService", "CancelOrder", request, orders.Order, opts)

    # -- subscriptions ----------------------------------------------------------------------

    async def list_subscriptions(self, **fields: Any) -> subscriptions.ListSubscriptionsResponse:
        """A page of subscriptions, optionally of one `account_id`."""
        request, opts = _split(subscriptions.ListSubscriptionsRequest, fields)
        return await self._call(
            "SubscriptionService", "ListSubscriptions", request, subscriptions.ListSubscriptionsResponse, opts
        )

    async def get_subscription(self, id: str, **opts: Any) -> subscriptions.Subscription:
        """One subscription."""
        request = subscriptions.GetSubscriptionRequest(id=id)
        return await self._call("SubscriptionService", "GetSubscription", request, subscriptions.Subscription, opts)

    async def change_subscription(self, **fields: Any) -> subscriptions.ChangeSubscriptionResponse:
        """A change of a subscription: `id` and `quantity`, `upgrade_to`, `cancel`, `timing`, ..."""
        request, opts = _split(subscriptions.ChangeSubscriptionRequest, fields)
        return await self._call(
            "SubscriptionService", "ChangeSubscription", request, subscriptions.ChangeSubscriptionResponse, opts
        )

    # -- notifications ------------------------------------------------------------------------

    async def list_notifications(self, **fields: Any) -> notifications.ListNotificationsResponse:
        """A page of the notification log: `after`, `account_id`, `page_size`, `page_token`."""
        request, opts = _split(notifications.ListNotificationsRequest, fields)
        return await self._call(
            "NotificationService", "ListNotifications", request, notifications.ListNotificationsResponse, opts
        )

    # -- paging -------------------------------------------------------------------------------

    def list_all(
        self, list_method: Callable[..., Awaitable[Message]], *, limit: int | None = None, **fields: Any
    ) -> AsyncIterator[Any]:
        """The items of a list call across all its pages (at most `limit`), fetched as iterated.

        `async for order in client.list_all(client.list_orders, status="completed"): ...`
        Every `list_*` method returns one page (default 100 items, `page_size` up to 1000) and
        its `next_page_token`; this follows the tokens.
        """
        return list_all(list_method, limit=limit, **fields)

    def watch_notifications(
        self, after: int = 0, account_id: str = "", *, give_up_after: float | None = 60.0
    ) -> AsyncGenerator[notifications.Notification, None]:
        """The notification log after `after`, live; resumes by itself after a lost connection."""
        return watch_notifications(self.channel, after, account_id, give_up_after=give_up_after)


_OPTIONS = ("timeout", "metadata", "idempotency_key")


def _split(request_type: type[R], fields: dict[str, Any]) -> tuple[R, dict[str, Any]]:
    """The request built from `fields`, and the call options among them."""
    opts = {k: fields.pop(k) for k in _OPTIONS if k in fields}
    return request_type(**fields), opts
