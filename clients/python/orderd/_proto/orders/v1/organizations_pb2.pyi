from google.protobuf import timestamp_pb2 as _timestamp_pb2
from . import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrganizationSettings(_message.Message):
    __slots__ = ("schedule_horizon_days", "backordering")
    SCHEDULE_HORIZON_DAYS_FIELD_NUMBER: _ClassVar[int]
    BACKORDERING_FIELD_NUMBER: _ClassVar[int]
    schedule_horizon_days: int
    backordering: bool
    def __init__(self, schedule_horizon_days: _Optional[int] = ..., backordering: bool = ...) -> None: ...

class GetOrganizationSettingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateOrganizationSettingsRequest(_message.Message):
    __slots__ = ("schedule_horizon_days", "backordering")
    SCHEDULE_HORIZON_DAYS_FIELD_NUMBER: _ClassVar[int]
    BACKORDERING_FIELD_NUMBER: _ClassVar[int]
    schedule_horizon_days: int
    backordering: bool
    def __init__(self, schedule_horizon_days: _Optional[int] = ..., backordering: bool = ...) -> None: ...

class Organization(_message.Message):
    __slots__ = ("id", "name", "kind", "parent_id", "currency", "created_at", "parent_account_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    PARENT_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    kind: _common_pb2.OrganizationKind
    parent_id: str
    currency: str
    created_at: _timestamp_pb2.Timestamp
    parent_account_id: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[_Union[_common_pb2.OrganizationKind, str]] = ..., parent_id: _Optional[str] = ..., currency: _Optional[str] = ..., created_at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., parent_account_id: _Optional[str] = ...) -> None: ...

class CreateOrganizationRequest(_message.Message):
    __slots__ = ("name", "kind", "currency")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: _common_pb2.OrganizationKind
    currency: str
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[_Union[_common_pb2.OrganizationKind, str]] = ..., currency: _Optional[str] = ...) -> None: ...

class CreateOrganizationResponse(_message.Message):
    __slots__ = ("organization", "admin_key")
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    ADMIN_KEY_FIELD_NUMBER: _ClassVar[int]
    organization: Organization
    admin_key: IssuedKey
    def __init__(self, organization: _Optional[_Union[Organization, _Mapping]] = ..., admin_key: _Optional[_Union[IssuedKey, _Mapping]] = ...) -> None: ...

class ListOrganizationsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListOrganizationsResponse(_message.Message):
    __slots__ = ("own", "children", "next_page_token")
    OWN_FIELD_NUMBER: _ClassVar[int]
    CHILDREN_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    own: Organization
    children: _containers.RepeatedCompositeFieldContainer[Organization]
    next_page_token: str
    def __init__(self, own: _Optional[_Union[Organization, _Mapping]] = ..., children: _Optional[_Iterable[_Union[Organization, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetOrganizationRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class IssuedKey(_message.Message):
    __slots__ = ("key", "secret")
    KEY_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    key: ApiKey
    secret: str
    def __init__(self, key: _Optional[_Union[ApiKey, _Mapping]] = ..., secret: _Optional[str] = ...) -> None: ...

class ApiKey(_message.Message):
    __slots__ = ("id", "organization_id", "role", "account_id", "created_at", "revoked_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    REVOKED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    organization_id: str
    role: _common_pb2.Role
    account_id: str
    created_at: _timestamp_pb2.Timestamp
    revoked_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., organization_id: _Optional[str] = ..., role: _Optional[_Union[_common_pb2.Role, str]] = ..., account_id: _Optional[str] = ..., created_at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., revoked_at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
