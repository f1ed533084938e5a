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


def method_path(service: str, method: str) -> str:
    """`/orders.v1.Service/Method`; a service without a package is taken as orders.v1's."""
    if "." not in service:
        service = f"{PACKAGE}.{service}"
    return f"/{service}/{method}"


def is_mutating(path: str) -> bool:
    """Whether the method at `path` changes state (so retries need an idempotency key)."""
    return path in MUTATING
