from google.protobuf import timestamp_pb2 as _timestamp_pb2
from . import common_pb2 as _common_pb2
from . import invoices_pb2 as _invoices_pb2
from . import notifications_pb2 as _notifications_pb2
from . import orders_pb2 as _orders_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ChangeTiming(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHANGE_TIMING_UNSPECIFIED: _ClassVar[ChangeTiming]
    CHANGE_TIMING_NOW: _ClassVar[ChangeTiming]
    CHANGE_TIMING_ON_RENEWAL: _ClassVar[ChangeTiming]
    CHANGE_TIMING_CUSTOM_DATE: _ClassVar[ChangeTiming]
CHANGE_TIMING_UNSPECIFIED: ChangeTiming
CHANGE_TIMING_NOW: ChangeTiming
CHANGE_TIMING_ON_RENEWAL: ChangeTiming
CHANGE_TIMING_CUSTOM_DATE: ChangeTiming

class ResyncSubscriptionRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ChangeSubscriptionRequest(_message.Message):
    __slots__ = ("id", "quantity", "upgrade_to", "term", "billing_cycle", "auto_renew", "cancel", "timing", "date", "dry_run")
    ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UPGRADE_TO_FIELD_NUMBER: _ClassVar[int]
    TERM_FIELD_NUMBER: _ClassVar[int]
    BILLING_CYCLE_FIELD_NUMBER: _ClassVar[int]
    AUTO_RENEW_FIELD_NUMBER: _ClassVar[int]
    CANCEL_FIELD_NUMBER: _ClassVar[int]
    TIMING_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    id: str
    quantity: int
    upgrade_to: str
    term: _common_pb2.Term
    billing_cycle: _common_pb2.BillingCycle
    auto_renew: bool
    cancel: bool
    timing: ChangeTiming
    date: str
    dry_run: bool
    def __init__(self, id: _Optional[str] = ..., quantity: _Optional[int] = ..., upgrade_to: _Optional[str] = ..., term: _Optional[_Union[_common_pb2.Term, str]] = ..., billing_cycle: _Optional[_Union[_common_pb2.BillingCycle, str]] = ..., auto_renew: bool = ..., cancel: bool = ..., timing: _Optional[_Union[ChangeTiming, str]] = ..., date: _Optional[str] = ..., dry_run: bool = ...) -> None: ...

class ScheduledChange(_message.Message):
    __slots__ = ("order_id", "order_number", "timing", "scheduled_for", "created_by", "vendor_sync_status", "details", "price_effect", "status")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TIMING_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    VENDOR_SYNC_STATUS_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    PRICE_EFFECT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    order_number: str
    timing: ChangeTiming
    scheduled_for: _timestamp_pb2.Timestamp
    created_by: str
    vendor_sync_status: str
    details: _containers.RepeatedCompositeFieldContainer[ChangeDetail]
    price_effect: _common_pb2.Money
    status: str
    def __init__(self, order_id: _Optional[str] = ..., order_number: _Optional[str] = ..., timing: _Optional[_Union[ChangeTiming, str]] = ..., scheduled_for: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ..., vendor_sync_status: _Optional[str] = ..., details: _Optional[_Iterable[_Union[ChangeDetail, _Mapping]]] = ..., price_effect: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., status: _Optional[str] = ...) -> None: ...

class ChangeDetail(_message.Message):
    __slots__ = ("field", "old", "new")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    OLD_FIELD_NUMBER: _ClassVar[int]
    NEW_FIELD_NUMBER: _ClassVar[int]
    field: str
    old: str
    new: str
    def __init__(self, field: _Optional[str] = ..., old: _Optional[str] = ..., new: _Optional[str] = ...) -> None: ...

class ListScheduledChangesRequest(_message.Message):
    __slots__ = ("subscription_id", "page_size", "page_token")
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    subscription_id: str
    page_size: int
    page_token: str
    def __init__(self, subscription_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListScheduledChangesResponse(_message.Message):
    __slots__ = ("changes", "next_page_token")
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    changes: _containers.RepeatedCompositeFieldContainer[ScheduledChange]
    next_page_token: str
    def __init__(self, changes: _Optional[_Iterable[_Union[ScheduledChange, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class SyncVendorChangeRequest(_message.Message):
    __slots__ = ("subscription_id", "quantity", "upgrade_to", "term", "billing_cycle")
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UPGRADE_TO_FIELD_NUMBER: _ClassVar[int]
    TERM_FIELD_NUMBER: _ClassVar[int]
    BILLING_CYCLE_FIELD_NUMBER: _ClassVar[int]
    subscription_id: str
    quantity: int
    upgrade_to: str
    term: _common_pb2.Term
    billing_cycle: _common_pb2.BillingCycle
    def __init__(self, subscription_id: _Optional[str] = ..., quantity: _Optional[int] = ..., upgrade_to: _Optional[str] = ..., term: _Optional[_Union[_common_pb2.Term, str]] = ..., billing_cycle: _Optional[_Union[_common_pb2.BillingCycle, str]] = ...) -> None: ...

class SetFutureRequestRequest(_message.Message):
    __slots__ = ("subscription_id", "quantity")
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    subscription_id: str
    quantity: int
    def __init__(self, subscription_id: _Optional[str] = ..., quantity: _Optional[int] = ...) -> None: ...

class RevokeFutureRequestRequest(_message.Message):
    __slots__ = ("subscription_id",)
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    subscription_id: str
    def __init__(self, subscription_id: _Optional[str] = ...) -> None: ...

class ListSubscriptionFeedRequest(_message.Message):
    __slots__ = ("subscription_id", "page_size", "page_token")
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    subscription_id: str
    page_size: int
    page_token: str
    def __init__(self, subscription_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListSubscriptionFeedResponse(_message.Message):
    __slots__ = ("entries", "next_page_token")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[_notifications_pb2.Notification]
    next_page_token: str
    def __init__(self, entries: _Optional[_Iterable[_Union[_notifications_pb2.Notification, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ChangeSubscriptionResponse(_message.Message):
    __slots__ = ("subscription", "order", "invoice")
    SUBSCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    INVOICE_FIELD_NUMBER: _ClassVar[int]
    subscription: Subscription
    order: _orders_pb2.Order
    invoice: _invoices_pb2.Invoice
    def __init__(self, subscription: _Optional[_Union[Subscription, _Mapping]] = ..., order: _Optional[_Union[_orders_pb2.Order, _Mapping]] = ..., invoice: _Optional[_Union[_invoices_pb2.Invoice, _Mapping]] = ...) -> None: ...

class ResyncAssetRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class Subscription(_message.Message):
    __slots__ = ("id", "account_id", "sku", "product_name", "status", "provisioning_status", "quantity", "billing_cycle", "term", "auto_renew", "start_date", "current_period_end", "term_end", "order_id", "parent_subscription_id", "pending_changes", "future_quantity")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PROVISIONING_STATUS_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    BILLING_CYCLE_FIELD_NUMBER: _ClassVar[int]
    TERM_FIELD_NUMBER: _ClassVar[int]
    AUTO_RENEW_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_PERIOD_END_FIELD_NUMBER: _ClassVar[int]
    TERM_END_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PARENT_SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    PENDING_CHANGES_FIELD_NUMBER: _ClassVar[int]
    FUTURE_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    id: str
    account_id: str
    sku: str
    product_name: str
    status: str
    provisioning_status: str
    quantity: int
    billing_cycle: _common_pb2.BillingCycle
    term: _common_pb2.Term
    auto_renew: bool
    start_date: _timestamp_pb2.Timestamp
    current_period_end: _timestamp_pb2.Timestamp
    term_end: _timestamp_pb2.Timestamp
    order_id: str
    parent_subscription_id: str
    pending_changes: _containers.RepeatedCompositeFieldContainer[ScheduledChange]
    future_quantity: int
    def __init__(self, id: _Optional[str] = ..., account_id: _Optional[str] = ..., sku: _Optional[str] = ..., product_name: _Optional[str] = ..., status: _Optional[str] = ..., provisioning_status: _Optional[str] = ..., quantity: _Optional[int] = ..., billing_cycle: _Optional[_Union[_common_pb2.BillingCycle, str]] = ..., term: _Optional[_Union[_common_pb2.Term, str]] = ..., auto_renew: bool = ..., start_date: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., current_period_end: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., term_end: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., order_id: _Optional[str] = ..., parent_subscription_id: _Optional[str] = ..., pending_changes: _Optional[_Iterable[_Union[ScheduledChange, _Mapping]]] = ..., future_quantity: _Optional[int] = ...) -> None: ...

class ListSubscriptionsRequest(_message.Message):
    __slots__ = ("account_id", "page_size", "page_token")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    page_size: int
    page_token: str
    def __init__(self, account_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListSubscriptionsResponse(_message.Message):
    __slots__ = ("subscriptions", "next_page_token")
    SUBSCRIPTIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    subscriptions: _containers.RepeatedCompositeFieldContainer[Subscription]
    next_page_token: str
    def __init__(self, subscriptions: _Optional[_Iterable[_Union[Subscription, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetSubscriptionRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class Asset(_message.Message):
    __slots__ = ("id", "account_id", "sku", "name", "status", "sync_status", "purchase_date", "expiration_date", "software_id", "order_id", "sync_error")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SYNC_STATUS_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_DATE_FIELD_NUMBER: _ClassVar[int]
    EXPIRATION_DATE_FIELD_NUMBER: _ClassVar[int]
    SOFTWARE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SYNC_ERROR_FIELD_NUMBER: _ClassVar[int]
    id: str
    account_id: str
    sku: str
    name: str
    status: str
    sync_status: str
    purchase_date: _timestamp_pb2.Timestamp
    expiration_date: _timestamp_pb2.Timestamp
    software_id: str
    order_id: str
    sync_error: str
    def __init__(self, id: _Optional[str] = ..., account_id: _Optional[str] = ..., sku: _Optional[str] = ..., name: _Optional[str] = ..., status: _Optional[str] = ..., sync_status: _Optional[str] = ..., purchase_date: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., expiration_date: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., software_id: _Optional[str] = ..., order_id: _Optional[str] = ..., sync_error: _Optional[str] = ...) -> None: ...

class ListAssetsRequest(_message.Message):
    __slots__ = ("account_id", "page_size", "page_token")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    page_size: int
    page_token: str
    def __init__(self, account_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListAssetsResponse(_message.Message):
    __slots__ = ("assets", "next_page_token")
    ASSETS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    assets: _containers.RepeatedCompositeFieldContainer[Asset]
    next_page_token: str
    def __init__(self, assets: _Optional[_Iterable[_Union[Asset, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetAssetRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...
