from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class FailProvisioning(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FAIL_PROVISIONING_UNSPECIFIED: _ClassVar[FailProvisioning]
    FAIL_PROVISIONING_NEVER: _ClassVar[FailProvisioning]
    FAIL_PROVISIONING_ONCE: _ClassVar[FailProvisioning]
    FAIL_PROVISIONING_ALWAYS: _ClassVar[FailProvisioning]
FAIL_PROVISIONING_UNSPECIFIED: FailProvisioning
FAIL_PROVISIONING_NEVER: FailProvisioning
FAIL_PROVISIONING_ONCE: FailProvisioning
FAIL_PROVISIONING_ALWAYS: FailProvisioning

class VendorBehavior(_message.Message):
    __slots__ = ("sku", "deny_changes", "fail_provisioning", "late_expiration", "provisioning_delay")
    SKU_FIELD_NUMBER: _ClassVar[int]
    DENY_CHANGES_FIELD_NUMBER: _ClassVar[int]
    FAIL_PROVISIONING_FIELD_NUMBER: _ClassVar[int]
    LATE_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    PROVISIONING_DELAY_FIELD_NUMBER: _ClassVar[int]
    sku: str
    deny_changes: bool
    fail_provisioning: FailProvisioning
    late_expiration: bool
    provisioning_delay: str
    def __init__(self, sku: _Optional[str] = ..., deny_changes: bool = ..., fail_provisioning: _Optional[_Union[FailProvisioning, str]] = ..., late_expiration: bool = ..., provisioning_delay: _Optional[str] = ...) -> None: ...

class SetVendorBehaviorRequest(_message.Message):
    __slots__ = ("behavior",)
    BEHAVIOR_FIELD_NUMBER: _ClassVar[int]
    behavior: VendorBehavior
    def __init__(self, behavior: _Optional[_Union[VendorBehavior, _Mapping]] = ...) -> None: ...

class GetVendorBehaviorRequest(_message.Message):
    __slots__ = ("sku",)
    SKU_FIELD_NUMBER: _ClassVar[int]
    sku: str
    def __init__(self, sku: _Optional[str] = ...) -> None: ...
