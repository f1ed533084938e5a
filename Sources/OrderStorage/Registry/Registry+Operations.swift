import Foundation
import OrderDomain

extension Registry {
  /// Operations that were recorded but not finished, oldest first: what a crash interrupted.
  public func pendingOperations() async throws -> [RegistryOperation] {
    try await self.read { sql in
      try sql.fetchAll(OperationRecord.self, "SELECT * FROM operations WHERE state = 'pending' ORDER BY createdAt, id")
        .map { try $0.operation() }
    }
  }

  /// The operation with this id, or `nil` (purged or never recorded).
  public func operation(id: String) async throws -> RegistryOperation? {
    try await self.read { sql in try Self.fetchOperation(id: id, sql) }
  }

  static func fetchOperation(id: String, _ sql: SQL) throws -> RegistryOperation? {
    try sql.fetchOne(OperationRecord.self, "SELECT * FROM operations WHERE id = ?", [id])?
      .operation()
  }

  /// The operation `caller` recorded under `claim`'s idempotency key, with the new key's
  /// plaintext opened from its seal; `nil` when the key is new to this caller.
  ///
  /// - Throws: `invalidArgument` when the key was used for a different request (or method).
  static func claimedOperation(_ claim: IdempotencyClaim, caller: OrganizationID, _ sql: SQL) throws
    -> (operation: RegistryOperation, plaintext: String)?
  {
    guard
      let record = try sql.fetchOne(
        OperationRecord.self, "SELECT * FROM operations WHERE callerID = ? AND keyHash = ?",
        [caller.rawValue, OutcomeSeal.lookupHash(of: claim.key)])
    else { return nil }
    guard let storedMethod = record.method, let storedHash = record.requestHash, let salt = record.salt,
      let box = record.sealedSecret
    else { throw DomainError.internalError("operation \(record.id) has an idempotency key but no sealed answer") }
    // As for outcomes in an organization's file, the key itself stays out of the message.
    guard storedMethod == claim.method, storedHash == claim.requestHash else {
      throw DomainError.invalidArgument(
        "this idempotency key was already used for a different request (method \(storedMethod)); use a new key")
    }
    let sealed = OutcomeSeal.Sealed(salt: salt, box: box)
    let plaintext = try OutcomeSeal.open(sealed, key: claim.key, context: claim.sealContext)
    return (try record.operation(), String(decoding: plaintext, as: UTF8.self))
  }

  /// Records `operation`. With a claim, the new key's plaintext is stored sealed under the
  /// claim's idempotency key, so that a retry can answer it again; without one, not at all.
  static func insert(
    _ operation: RegistryOperation, secret: KeyMaterial.Generated, claim: IdempotencyClaim?, _ sql: SQL
  ) throws {
    let sealed = try claim.map { claim in
      try OutcomeSeal.seal(Data(secret.plaintext.utf8), key: claim.key, context: claim.sealContext)
    }
    try sql.insert(OperationRecord(operation, secretHash: secret.secretHash, claim: claim, sealed: sealed))
  }

  /// Marks a pending operation done; the caller made its objects in the same transaction.
  static func markDone(_ id: String, parentAccountID: AccountID?, _ sql: SQL) throws {
    try sql.execute(
      "UPDATE operations SET state = 'done', parentAccountID = ? WHERE id = ?", [parentAccountID?.rawValue, id])
  }

  /// The hash of the secret of the key an operation creates.
  static func secretHash(ofOperation id: String, _ sql: SQL) throws -> Data {
    guard
      let hash = try sql.fetchOne(Data.self, "SELECT secretHash FROM operations WHERE id = ?", [id])
    else { throw DomainError.internalError("operation \(id) not found") }
    return hash
  }

  /// Removes finished operations older than the idempotency retention (24 hours), with their
  /// sealed secrets. Unfinished ones stay until they are finished.
  static func purgeOperations(now: Date, _ sql: SQL) throws {
    try sql.execute(
      "DELETE FROM operations WHERE state = 'done' AND createdAt < ?",
      [now.addingTimeInterval(-OrganizationTransaction.idempotencyRetention)])
  }

  /// A new random operation id.
  static func newOperationID() -> String { UUID().uuidString.lowercased() }
}
