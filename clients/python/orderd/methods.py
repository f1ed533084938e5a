"""Which orders.v1 methods change something (PROTOCOL.md §10 lists them)."""

from __future__ import annotations

PACKAGE = "orders.v1"

MUTATING: frozenset[str] = frozenset(
    f"/{PACKAGE}.{name}"
    for name in (
        "OrganizationService/CreateOrganization",
        "OrganizationService/UpdateOrganizationSettings",
        "KeyService/CreateKey",
        "KeyService/RevokeKey",
        "AccountService/CreateAccount",
        "CatalogService/CreateProduct",
        "OrderService/PlaceOrder",
        "OrderService/CancelOrder",
        "OrderService/RetryOrder",
        "SubscriptionService/ChangeSubscription",
        "SubscriptionService/ResyncSubscription",
        "SubscriptionService/SyncVendorChange",
        "SubscriptionService/SetFutureRequest",
        "SubscriptionService/RevokeFutureRequest",
        "SubscriptionService/ResyncAsset",
        "InvoiceService/PayInvoice",
        "VendorService/SetVendorBehavior",
        "BackorderService/RetryBackorder",
        "ClockService/AdvanceClock",
    )
)


def _known() -> frozenset[str]:
    from ._proto.orders.v1 import (
        accounts_pb2, backorders_pb2, catalog_pb2, clock_pb2, invoices_pb2, keys_pb2,
        notifications_pb2, orders_pb2, organizations_pb2, subscriptions_pb2, vendors_pb2,
    )  # fmt: skip

    modules = (accounts_pb2, backorders_pb2, catalog_pb2, clock_pb2, invoices_pb2, keys_pb2,
               notifications_pb2, orders_pb2, organizations_pb2, subscriptions_pb2, vendors_pb2)  # fmt: skip
    return frozenset(
        f"/{service.full_name}/{method.name}"
        for module in modules
        for service in module.DESCRIPTOR.services_by_name.values()
        for method in service.methods
    )


KNOWN: frozenset[str] = _known()


def method_path(service: str, method: str) -> str:
    """`/orders.v1.Service/Method`; a service without a package is taken as orders.v1's."""
    if "." not in service:
        service = f"{PACKAGE}.{service}"
    return f"/{service}/{method}"


def is_mutating(path: str) -> bool:
    """Whether the method at `path` changes state (so retries need an idempotency key)."""
    return path in MUTATING


def is_safe_to_retry(path: str, has_idempotency_key: bool) -> bool:
    """Known read-only methods, and any method sent with an idempotency key, may be retried."""
    return has_idempotency_key or (path in KNOWN and path not in MUTATING)
