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
