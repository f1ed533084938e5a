import GRPCCore
import OrderProtocol

/// Whether a call changes state on the server, and so needs an idempotency key.
enum CallKind {
  case read
  case mutating(IdempotencyKey?)
}

extension OrderdClient {
  /// Runs one logical call: builds its metadata once, then makes attempts until one answers,
  /// the error is not `UNAVAILABLE`, the retry policy gives up, or the deadline would pass.
  ///
  /// The retry loop lives here rather than in GRPCCore's retry policy: GRPCCore runs client
  /// interceptors once per attempt and does not retry when the transport fails to open a
  /// stream, so a key added by an interceptor would change between attempts and a refused
  /// connection would not be retried. Here the metadata, key included, is fixed before the
  /// first attempt.
  func perform<Response: Sendable>(
    _ kind: CallKind,
    timeout: Duration?,
    _ attempt: (Metadata, CallOptions) async throws -> Response
  ) async throws -> Response {
    let metadata = self.metadata(for: kind)
    let deadline = ContinuousClock.now.advanced(by: timeout ?? self.configuration.defaultTimeout)
    var attemptNumber = 1
    while true {
      var options = CallOptions.defaults
      options.timeout = ContinuousClock.now.duration(to: deadline)
      do {
        return try await attempt(metadata, options)
      } catch let error as RPCError where error.code == .unavailable {
        guard let pause = self.configuration.retry.backoff(afterAttempt: attemptNumber),
          ContinuousClock.now.advanced(by: pause) < deadline
        else { throw error }
        try await Task.sleep(for: pause)
        attemptNumber += 1
      }
    }
  }

  /// The metadata of every attempt of one logical call.
  func metadata(for kind: CallKind) -> Metadata {
    var metadata: Metadata = [:]
    metadata.addString("Bearer \(self.configuration.apiKey)", forKey: MetadataKeys.authorization)
    if case .mutating(let key) = kind {
      let key = key ?? IdempotencyKey.random()
      metadata.addString(key.description, forKey: MetadataKeys.idempotencyKey)
    }
    return metadata
  }
}
