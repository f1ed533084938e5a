import ArgumentParser
import GRPCCore
import OrderClient

/// A failed call as the user sees it: `orderctl: STATUS: message` on stderr and an exit
/// status per class of error (documented in `orderctl --help`).
struct CommandFailure {
  let code: RPCError.Code
  let message: String
  /// The key of a mutating call, to print when its outcome is unknown.
  let idempotencyKey: IdempotencyKey?
  /// The command's hints; the first that applies is printed after the message.
  let hints: [CommandHint]

  init(
    _ error: any Error, server: ServerAddress, idempotencyKey: IdempotencyKey? = nil, hints: [CommandHint] = []
  ) {
    self.idempotencyKey = idempotencyKey
    self.hints = hints
    let rpcError: RPCError
    switch error {
    case let error as RPCError: rpcError = error
    case let error as any RPCErrorConvertible: rpcError = RPCError(error)
    default: rpcError = RPCError(code: .unknown, message: "\(error)")
    }
    self.code = rpcError.code
    if rpcError.code == .unavailable, ConnectionFailure.isConnectFailure(rpcError) {
      self.message = "cannot connect to \(server) (is orderd running?)"
    } else if rpcError.code == .deadlineExceeded {
      self.message = "no answer from \(server) in time (--timeout); \(rpcError.message)"
    } else {
      self.message = rpcError.message.isEmpty ? "\(rpcError)" : rpcError.message
    }
  }

  /// Prints the failure to stderr and returns the exit status to end the command with.
  func report() -> ExitCode {
    StandardError.write("orderctl: \(self.code.statusName): \(self.message)")
    if let hint = self.hints.first(where: { $0.applies(to: self.code, message: self.message) }) {
      StandardError.write("orderctl: hint: \(hint.text)")
    }
    if let key = self.idempotencyKey, self.outcomeIsUnknown {
      StandardError.write(
        "orderctl: the change may or may not have been made; rerun the same command with --idempotency-key \(key) to retry it safely"
      )
    }
    return ExitCode(self.code.exitStatus)
  }
}

extension CommandFailure {
  /// Whether the server may have performed the call although no answer arrived.
  var outcomeIsUnknown: Bool {
    [.unavailable, .deadlineExceeded, .cancelled, .unknown].contains(self.code)
  }
}

extension RPCError.Code {
  /// The canonical gRPC status name: `NOT_FOUND`, `PERMISSION_DENIED`, ...
  var statusName: String {
    switch self {
    case .cancelled: return "CANCELLED"
    case .unknown: return "UNKNOWN"
    case .invalidArgument: return "INVALID_ARGUMENT"
    case .deadlineExceeded: return "DEADLINE_EXCEEDED"
    case .notFound: return "NOT_FOUND"
    case .alreadyExists: return "ALREADY_EXISTS"
    case .permissionDenied: return "PERMISSION_DENIED"
    case .resourceExhausted: return "RESOURCE_EXHAUSTED"
    case .failedPrecondition: return "FAILED_PRECONDITION"
    case .aborted: return "ABORTED"
    case .outOfRange: return "OUT_OF_RANGE"
    case .unimplemented: return "UNIMPLEMENTED"
    case .internalError: return "INTERNAL"
    case .unavailable: return "UNAVAILABLE"
    case .dataLoss: return "DATA_LOSS"
    case .unauthenticated: return "UNAUTHENTICATED"
    default: return "UNKNOWN"
    }
  }

  /// The exit status of a command that failed with this code.
  var exitStatus: Int32 {
    switch self {
    case .invalidArgument, .outOfRange: return 2
    case .notFound: return 3
    case .alreadyExists, .failedPrecondition, .aborted: return 4
    case .unauthenticated, .permissionDenied: return 5
    case .unavailable, .deadlineExceeded, .resourceExhausted, .cancelled: return 6
    default: return 1
    }
  }
}
