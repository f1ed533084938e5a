import Foundation
import OrderDomain

extension Registry {
  /// Records the intent to create a child organization of `parent` with its first admin key
  /// (T1, T4, issue 10), or finds the one recorded under the same idempotency key.
  ///
  /// A new intent gets every id up front: the organization's, the key's, and the key's secret
  /// (only its hash in the clear; the plaintext sealed under the claim's idempotency key, or
  /// nowhere without a claim). Nothing is visible yet: the organization and its key enter the
  /// registry in ``finishOrganizationCreation(_:parentAccountID:)``. Done finished operations
  /// older than 24 hours are purged here.
  ///
  /// - Returns: the operation as stored (pending, or done when a retry finds it finished) and
  ///   the new key's plaintext, generated now or opened with the claim.
  /// - Throws: `invalidArgument` for a root kind, an empty name, a malformed currency, or an
  ///   idempotency key used for a different request; `notFound` when the parent does not exist.
  /// `now` dates what is created (the business clock, maybe simulated); `wallClock` dates the
  /// operation for its 24-hour retention, which is about network retries and so real time.
  public func beginOrganizationCreation(
    name: String, kind: OrganizationKind, parent: OrganizationID, currency: String, claim: IdempotencyClaim?,
    now: Date, wallClock: Date = Date()
  ) async throws -> (operation: RegistryOperation, plaintext: String) {
    try Self.validateNewOrganization(name: name, kind: kind, currency: currency)
    return try await self.write { sql in
      if let claim, let found = try Self.claimedOperation(claim, caller: parent, sql) {
        return found
      }
      guard try Self.fetchOrganization(parent, sql) != nil else {
        throw DomainError.notFound("parent organization \(parent) not found")
      }
      try Self.purgeOperations(now: wallClock, sql)
      let secret = KeyMaterial.generate()
      let organization = Organization(
        id: .random(), name: name, kind: kind, parentID: parent, currency: currency, createdAt: now)
      let operation = RegistryOperation(
        id: Self.newOperationID(), kind: .createOrganization, state: .pending, callerID: parent,
        organization: organization,
        key: APIKeyRecord(id: secret.id, organizationID: organization.id, role: .admin, accountID: nil, createdAt: now),
        createdAt: wallClock)
      try Self.insert(operation, secret: secret, claim: claim, sql)
      // Read back, so that the first answer and every replay carry the same stored time.
      guard let stored = try Self.fetchOperation(id: operation.id, sql) else {
        throw DomainError.internalError("operation \(operation.id) vanished")
      }
      return (stored, secret.plaintext)
    }
  }

  /// The last step of creating an organization: in one transaction, the organization (with its
  /// own account in the parent, B2) and its first admin key enter the registry and the
  /// operation is marked done. Finishing a done operation changes nothing.
  ///
  /// The caller made the organization's database and its account in the parent before.
  /// - Returns: the operation as stored now (done).
  @discardableResult
  public func finishOrganizationCreation(_ id: String, parentAccountID: AccountID) async throws -> RegistryOperation {
    try await self.write { sql in
      guard let operation = try Self.fetchOperation(id: id, sql) else {
        throw DomainError.internalError("operation \(id) not found")
      }
      guard operation.state == .pending else { return operation }
      guard var organization = operation.organization else {
        throw DomainError.internalError("operation \(id) creates no organization")
      }
      organization.parentAccountID = parentAccountID
      try Self.insert(organization, sql)
      try Self.insertKey(operation.key, secretHash: try Self.secretHash(ofOperation: id, sql), sql)
      try Self.markDone(id, parentAccountID: parentAccountID, sql)
      guard let done = try Self.fetchOperation(id: id, sql) else {
        throw DomainError.internalError("operation \(id) vanished")
      }
      return done
    }
  }
}
