import GRPCCore
import OrderDomain
import OrderStorage

/// The one place where domain and storage errors become RPC status codes (T6).
///
/// Storage converts SQLite's errors at its boundary (`StorageFailure+SQLite.swift` in
/// OrderStorage): constraint violations become ``DomainError``s, failures of the database or
/// the disk ``StorageFailure``s with a ``DomainError/Code`` each. Every code maps here, with
/// no default, so a new code cannot ship unmapped.
extension DomainError.Code {
  public var rpcErrorCode: RPCError.Code {
    switch self {
    case .invalidArgument: return .invalidArgument
    case .notFound: return .notFound
    case .alreadyExists: return .alreadyExists
    case .failedPrecondition: return .failedPrecondition
    case .permissionDenied: return .permissionDenied
    case .unauthenticated: return .unauthenticated
    case .resourceExhausted: return .resourceExhausted
    case .unavailable: return .unavailable
    case .dataLoss: return .dataLoss
    case .internalError: return .internalError
    case .unimplemented: return .unimplemented
    case .cancelled: return .cancelled
    case .deadlineExceeded: return .deadlineExceeded
    }
  }
}

extension DomainError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code { self.code.rpcErrorCode }

  public var rpcErrorMessage: String { self.message }
}

extension StorageFailure: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code { self.code.rpcErrorCode }

  public var rpcErrorMessage: String { self.message }
}

extension DomainError {
  /// An error as the caller gets it: a ``DomainError`` or ``StorageFailure`` keeps its
  /// status; one that carries none (which GRPCCore would send as UNKNOWN) becomes INTERNAL,
  /// its cause logged, not sent.
  static func answerable(_ error: any Error) -> any Error {
    if error is RPCError || error is any RPCErrorConvertible || error is CancellationError { return error }
    return RPCError(
      code: DomainError.Code.internalError.rpcErrorCode, message: "the server failed unexpectedly; it logged the cause",
      cause: error)
  }

  /// The class of any error a call ends with, for logging: its own code, or `internalError`.
  static func code(of error: any Error) -> Code {
    if let domain = error as? DomainError { return domain.code }
    if let storage = error as? StorageFailure { return storage.code }
    return .internalError
  }

  /// Whether a call that failed with `code` failed on the server's side (logged as an error)
  /// rather than on a request the caller must fix (logged at debug).
  static func isServerFault(_ code: Code) -> Bool {
    switch code {
    case .internalError, .dataLoss: true
    case .invalidArgument, .notFound, .alreadyExists, .failedPrecondition, .permissionDenied, .unauthenticated,
      .resourceExhausted, .unavailable, .unimplemented, .cancelled, .deadlineExceeded:
      false
    }
  }
}
