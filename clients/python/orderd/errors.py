"""Typed call errors: `RpcError` and one subclass per non-OK gRPC status code."""

from __future__ import annotations

from .metadata import Metadata
from .status import StatusCode


class RpcError(Exception):
    """A call that ended with a non-OK status.

    Catch a subclass (`NotFound`, `Unavailable`, ...) or check `code`.
    """

    code: StatusCode = StatusCode.UNKNOWN

    def __init__(self, code: StatusCode, message: str, metadata: Metadata | None = None) -> None:
        super().__init__(f"{code.name}: {message}")
        self.code = code
        self.message = message
        self.metadata: Metadata = metadata if metadata is not None else Metadata()

    @staticmethod
    def of(code: int, message: str, metadata: Metadata | None = None) -> RpcError:
        """The error of the subclass that matches `code`."""
        status = StatusCode.of(code)
        return _BY_CODE.get(status, RpcError)(status, message, metadata)


class Cancelled(RpcError):
    """CANCELLED: the call was cancelled (by the caller, or a peer's CANCEL)."""


class Unknown(RpcError):
    """UNKNOWN."""


class InvalidArgument(RpcError):
    """INVALID_ARGUMENT: the request is wrong, whatever the server's state."""


class DeadlineExceeded(RpcError):
    """DEADLINE_EXCEEDED: the call's deadline passed before it finished."""


class NotFound(RpcError):
    """NOT_FOUND: the object does not exist (or the caller may not see it)."""


class AlreadyExists(RpcError):
    """ALREADY_EXISTS."""


class PermissionDenied(RpcError):
    """PERMISSION_DENIED: the key may not call this method."""


class ResourceExhausted(RpcError):
    """RESOURCE_EXHAUSTED: a size limit or a buffer was exceeded."""


class FailedPrecondition(RpcError):
    """FAILED_PRECONDITION: the object's state does not allow the call."""


class Aborted(RpcError):
    """ABORTED."""


class OutOfRange(RpcError):
    """OUT_OF_RANGE."""


class Unimplemented(RpcError):
    """UNIMPLEMENTED: the server has no such method."""


class Internal(RpcError):
    """INTERNAL: e.g. a corrupt compressed message, or a handler failure."""


class Unavailable(RpcError):
    """UNAVAILABLE: the server could not be reached or did not process the call; retryable."""


class DataLoss(RpcError):
    """DATA_LOSS."""


class Unauthenticated(RpcError):
    """UNAUTHENTICATED: no API key, or an unknown or revoked one."""


_BY_CODE: dict[StatusCode, type[RpcError]] = {
    StatusCode.CANCELLED: Cancelled,
    StatusCode.UNKNOWN: Unknown,
    StatusCode.INVALID_ARGUMENT: InvalidArgument,
    StatusCode.DEADLINE_EXCEEDED: DeadlineExceeded,
    StatusCode.NOT_FOUND: NotFound,
    StatusCode.ALREADY_EXISTS: AlreadyExists,
    StatusCode.PERMISSION_DENIED: PermissionDenied,
    StatusCode.RESOURCE_EXHAUSTED: ResourceExhausted,
    StatusCode.FAILED_PRECONDITION: FailedPrecondition,
    StatusCode.ABORTED: Aborted,
    StatusCode.OUT_OF_RANGE: OutOfRange,
    StatusCode.UNIMPLEMENTED: Unimplemented,
    StatusCode.INTERNAL: Internal,
    StatusCode.UNAVAILABLE: Unavailable,
    StatusCode.DATA_LOSS: DataLoss,
    StatusCode.UNAUTHENTICATED: Unauthenticated,
}
