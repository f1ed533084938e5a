import Foundation
import OrderDomain

extension Registry {
  /// Creates a key for an organization exactly once per idempotency key (T3, issue 10).
  ///
  /// The key and its operation, done, with the plaintext sealed under the claim's idempotency
  /// key, are one transaction: a retry with the same key and request (after a lost answer or a
  /// crash) finds the operation and answers the same key, secret included, and makes no other.
  /// The answer is built from what was stored, so every answer is the same.
  ///
  /// The caller checks that a storefront key's account exists in the organization.
  /// - Throws: `invalidArgument` when a storefront key has no account or an admin key has one,
  ///   or when the idempotency key was used for a different request; `notFound` when the
  ///   organization does not exist.
  /// `now` dates what is created (the business clock, maybe simulated); `wallClock` dates the
  /// operation for its 24-hour retention, which is about network retries and so real time.
  public func createKey(
    organization: OrganizationID, role: Role, accountID: AccountID?, claim: IdempotencyClaim, now: Date,
    wallClock: Date = Date()
  ) async throws -> IssuedKey {
    try Self.validateKey(role: role, accountID: accountID)
    return try await self.write { sql in
      if let (operation, plaintext) = try Self.claimedOperation(claim, caller: organization, sql) {
        return IssuedKey(record: operation.key, plaintext: plaintext)
      }
      guard try Self.fetchOrganization(organization, sql) != nil else {
        throw DomainError.notFound("organization \(organization) not found")
      }
      try Self.purgeOperations(now: wallClock, sql)
      let secret = KeyMaterial.generate()
      let operation = RegistryOperation(
        id: Self.newOperationID(), kind: .createKey, state: .done, callerID: organization, organization: nil,
        key: APIKeyRecord(
          id: secret.id, organizationID: organization, role: role, accountID: accountID, createdAt: now),
        createdAt: wallClock)
      try Self.insert(operation, secret: secret, claim: claim, sql)
      // Read back, so that this answer and every replay carry the same stored time.
      guard let stored = try Self.fetchOperation(id: operation.id, sql) else {
        throw DomainError.internalError("operation \(operation.id) vanished")
      }
      try Self.insertKey(stored.key, secretHash: secret.secretHash, sql)
      return IssuedKey(record: stored.key, plaintext: secret.plaintext)
    }
  }
}
