import GRPCCore
import OrderDomain

/// The one place where domain and storage errors become RPC status codes (T6).
extension DomainError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code {
    switch self.code {
    case .invalidArgument: return .invalidArgument
    case .notFound: return .notFound
    case .alreadyExists: return .alreadyExists
    case .failedPrecondition: return .failedPrecondition
    case .permissionDenied: return .permissionDenied
    case .unauthenticated: return .unauthenticated
    case .resourceExhausted: return .resourceExhausted
    default: return .internalError
    }
  }

  public var rpcErrorMessage: String { self.message }
}
