import GRPCCore

/// gRPC's canonical names of status codes (`OK`, `NOT_FOUND`, ...), the `code` label of the
/// call counter: the names PROTOCOL.md and every gRPC tool use.
enum StatusCodeName {
  private static let names = [
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
    "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
    "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
  ]

  static func of(_ code: Status.Code) -> String {
    Self.names.indices.contains(code.rawValue) ? Self.names[code.rawValue] : "UNKNOWN"
  }
}
