import Foundation
import GRDB
import OrderDomain

extension Registry {
  /// Operations that were recorded but not finished, oldest first: what a crash interrupted.
  public func pendingOperations() async throws -> [RegistryOperation] {
    try await self.read { db in
      try OperationRecord.fetchAll(
        try db.cachedStatement(sql: "SELECT * FROM operations WHERE state = 'pending' ORDER BY createdAt, id")
      ).map { try $0.operation() }
    }
  }

  /// The operation with this id, or `nil` (purged or never recorded).
  public func operation(id: String) async throws -> RegistryOperation? {
    try await self.read { db in try Self.fetchOperation(id: id, db) }
  }

  static func fetchOperation(id: String, _ db: Database) throws -> RegistryOperation? {
    try OperationRecord.fetchOne(try db.cachedStatement(sql: "SELECT * FROM operations WHERE id = ?"), arguments: [id])?
      .operation()
  }

  /// The operation `caller` recorded under `claim`'s idempotency key, with the new key's
  /// plaintext opened from its seal; `nil` when the key is new to this caller.
  ///
  /// - Throws: `invalidArgument` when the key was used for a different request (or method).
  static func claimedOperation(_ claim: IdempotencyClaim, caller: OrganizationID, _ db: Database) throws
    -> (operation: RegistryOperation, plaintext: String)?
  {
    guard
      let record = try OperationRecord.fetchOne(
        try db.cachedStatement(sql: "SELECT * FROM operations WHERE callerID = ? AND keyHash = ?"),
        arguments: [caller.rawValue, OutcomeSeal.lookupHash(of: claim.key)])
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
    _ operation: RegistryOperation, secret: KeyMaterial.Generated, claim: IdempotencyClaim?, _ db: Database
  ) throws {
    let sealed = try claim.map { claim in
      try OutcomeSeal.seal(Data(secret.plaintext.utf8), key: claim.key, context: claim.sealContext)
    }
    try OperationRecord(operation, secretHash: secret.secretHash, claim: claim, sealed: sealed).insert(db)
  }

  /// Marks a pending operation done; the caller made its objects in the same transaction.
  static func markDone(_ id: String, parentAccountID: AccountID?, _ db: Database) throws {
    try db.cachedStatement(sql: "UPDATE operations SET state = 'done', parentAccountID = ? WHERE id = ?").execute(
      arguments: [parentAccountID?.rawValue, id])
  }

  /// The hash of the secret of the key an operation creates.
  static func secretHash(ofOperation id: String, _ db: Database) throws -> Data {
    guard
      let hash = try Data.fetchOne(
        try db.cachedStatement(sql: "SELECT secretHash FROM operations WHERE id = ?"), arguments: [id])
    else { throw DomainError.internalError("operation \(id) not found") }
    return hash
  }

  /// Removes finished operations older than the idempotency retention (24 hours), with their
  /// sealed secrets. Unfinished ones stay until they are finished.
  static func purgeOperations(now: Date, _ db: Database) throws {
    try db.cachedStatement(sql: "DELETE FROM operations WHERE state = 'done' AND createdAt < ?").execute(arguments: [
      now.addingTimeInterval(-OrganizationTransaction.idempotencyRetention)
    ])
  }

  /// A new random operation id.
  static func newOperationID() -> String { UUID().uuidString.lowercased() }
}
