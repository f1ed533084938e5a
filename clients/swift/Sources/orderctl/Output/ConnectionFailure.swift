import GRPCCore

/// Tells a refused or failed connection apart from a server that answered `UNAVAILABLE`.
enum ConnectionFailure {
  /// Whether `error` says the client never reached the server.
  static func isConnectFailure(_ error: RPCError) -> Bool {
    var text = error.message
    var cause = error.cause
    // Follow the chain of causes; transports wrap the socket error.
    for _ in 0..<8 {
      guard let next = cause else { break }
      text += " \(next)"
      cause = (next as? RPCError)?.cause ?? (next as? RuntimeError)?.cause
    }
    let lowered = text.lowercased()
    return lowered.isEmpty
      || ["could not connect", "cannot connect", "refused", "unreachable", "no route", "resolve", "econn"].contains {
        lowered.contains($0)
      }
  }
}
