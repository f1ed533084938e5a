from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Backorder(_message.Message):
    __slots__ = ("id", "tenant_organization_id", "tenant_subscription_id", "account_id", "kind", "sku", "quantity", "status", "reason", "subscription_id", "order_id", "received_at", "applied_at", "source_sequence")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    APPLIED_AT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_organization_id: str
    tenant_subscription_id: str
    account_id: str
    kind: str
    sku: str
    quantity: int
    status: str
    reason: str
    subscription_id: str
    order_id: str
    received_at: _timestamp_pb2.Timestamp
    applied_at: _timestamp_pb2.Timestamp
    source_sequence: int
    def __init__(self, id: _Optional[str] = ..., tenant_organization_id: _Optional[str] = ..., tenant_subscription_id: _Optional[str] = ..., account_id: _Optional[str] = ..., kind: _Optional[str] = ..., sku: _Optional[str] = ..., quantity: _Optional[int] = ..., status: _Optional[str] = ..., reason: _Optional[str] = ..., subscription_id: _Optional[str] = ..., order_id: _Optional[str] = ..., received_at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., applied_at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., source_sequence: _Optional[int] = ...) -> None: ...

class ListBackordersRequest(_message.Message):
    __slots__ = ("status", "page_size", "page_token")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    status: str
    page_size: int
    page_token: str
    def __init__(self, status: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListBackordersResponse(_message.Message):
    __slots__ = ("backorders", "next_page_token")
    BACKORDERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    backorders: _containers.RepeatedCompositeFieldContainer[Backorder]
    next_page_token: str
    def __init__(self, backorders: _Optional[_Iterable[_Union[Backorder, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetBackorderRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class RetryBackorderRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...
