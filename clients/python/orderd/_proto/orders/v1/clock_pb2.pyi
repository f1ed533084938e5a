from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetClockRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ClockState(_message.Message):
    __slots__ = ("now", "simulated")
    NOW_FIELD_NUMBER: _ClassVar[int]
    SIMULATED_FIELD_NUMBER: _ClassVar[int]
    now: _timestamp_pb2.Timestamp
    simulated: bool
    def __init__(self, now: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., simulated: bool = ...) -> None: ...

class AdvanceClockRequest(_message.Message):
    __slots__ = ("to", "by")
    TO_FIELD_NUMBER: _ClassVar[int]
    BY_FIELD_NUMBER: _ClassVar[int]
    to: _timestamp_pb2.Timestamp
    by: str
    def __init__(self, to: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., by: _Optional[str] = ...) -> None: ...
