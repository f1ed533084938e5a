import OrderStorage
import SwiftProtobuf

extension ServiceDependencies {
  /// The answer stored for `claim` in the caller's organization's file, for a registry call
  /// (`CreateKey`, `CreateOrganization`) whose outcome is now kept in the registry.
  ///
  /// Before issue 10 these outcomes were stored in the organization's file; a retry of such a
  /// call after the upgrade must still find it rather than create a second key or organization.
  /// It also refuses an idempotency key that this organization used for another request.
  /// - Throws: `invalidArgument` when the key was used for a different request.
  func outcomeInOrganizationFile<Response: SwiftProtobuf.Message & Sendable>(
    _ call: CallContext, _ claim: IdempotencyClaim, as: Response.Type = Response.self
  ) async throws -> Response? {
    let stored = try await self.withStore(call) { store in
      try await store.read { tx in
        try tx.idempotentOutcome(key: claim.key, method: claim.method, requestHash: claim.requestHash)
      }
    }
    return try stored.map { try Response(serializedBytes: $0.response) }
  }
}
