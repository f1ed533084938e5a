"""orderd: a Python client for the orderd order-scheduling server (protocol/PROTOCOL.md)."""

from ._proto.orders.v1 import (
    accounts_pb2,
    backorders_pb2,
    catalog_pb2,
    clock_pb2,
    common_pb2,
    invoices_pb2,
    keys_pb2,
    notifications_pb2,
    orders_pb2,
    organizations_pb2,
    subscriptions_pb2,
    vendors_pb2,
)
from .channel import Channel
from .client import Client
from .errors import *  # noqa: F403 (RpcError and its subclasses)
from .errors import RpcError
from .metadata import Metadata
from .retry import NO_RETRY, RetryPolicy
from .status import StatusCode
from .sync import SyncClient

__all__ = [
    "Channel",
    "Client",
    "Metadata",
    "NO_RETRY",
    "RetryPolicy",
    "RpcError",
    "StatusCode",
    "SyncClient",
    "accounts_pb2",
    "backorders_pb2",
    "catalog_pb2",
    "clock_pb2",
    "common_pb2",
    "invoices_pb2",
    "keys_pb2",
    "notifications_pb2",
    "orders_pb2",
    "organizations_pb2",
    "subscriptions_pb2",
    "vendors_pb2",
]
