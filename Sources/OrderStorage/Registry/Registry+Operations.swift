import Foundation
import GRDB
import OrderDomain

extension Registry {
  /// Operations that were recorded but not finished, oldest first: what a crash interrupted.
  public func pendingOperations() async throws -> [RegistryOperation] {
    try await self.read { db in
      try Row.fetchAll(
        try db.cachedStatement(sql: "SELECT * FROM operations WHERE state = 'pending' ORDER BY createdAt, id")
      ).map(RegistryOperation.init(row:))
    }
  }

  /// The operation with this id, or `nil` (purged or never recorded).
  public func operation(id: String) async throws -> RegistryOperation? {
    try await self.read { db in try Self.fetchOperation(id: id, db) }
  }

  static func fetchOperation(id: String, _ db: Database) throws -> RegistryOperation? {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM operations WHERE id = ?"), arguments: [id]).map(
      RegistryOperation.init(row:))
  }

  /// The operation `caller` recorded under `claim`'s idempotency key, with the new key's
  /// plaintext opened from its seal; `nil` when the key is new to this caller.
  ///
  /// - Throws: `invalidArgument` when the key was used for a different request (or method).
  static func claimedOperation(_ claim: IdempotencyClaim, caller: OrganizationID, _ db: Database) throws
    -> (operation: RegistryOperation, plaintext: String)?
  {
    guard
      let row = try Row.fetchOne(
        try db.cachedStatement(sql: "SELECT * FROM operations WHERE callerID = ? AND keyHash = ?"),
        arguments: [caller.rawValue, OutcomeSeal.lookupHash(of: claim.key)])
    else { return nil }
    let storedMethod: String = try row.decode("method")
    let storedHash: Data = try row.decode("requestHash")
    // As for outcomes in an organization's file, the key itself stays out of the message.
    guard storedMethod == claim.method, storedHash == claim.requestHash else {
      throw DomainError.invalidArgument(
        "this idempotency key was already used for a different request (method \(storedMethod)); use a new key")
    }
    let sealed = OutcomeSeal.Sealed(salt: try row.decode("salt"), box: try row.decode("sealedSecret"))
    let plaintext = try OutcomeSeal.open(sealed, key: claim.key, context: claim.sealContext)
    return (try RegistryOperation(row: row), String(decoding: plaintext, as: UTF8.self))
  }

  /// Records `operation`. With a claim, the new key's plaintext is stored sealed under the
  /// claim's idempotency key, so that a retry can answer it again; without one, not at all.
  static func insert(
    _ operation: RegistryOperation, secret: KeyMaterial.Generated, claim: IdempotencyClaim?, _ db: Database
  ) throws {
    let sealed = try claim.map { claim in
      try OutcomeSeal.seal(Data(secret.plaintext.utf8), key: claim.key, context: claim.sealContext)
    }
    let organization = operation.organization
    try db.cachedStatement(
      sql: """
        INSERT INTO operations (
          id, kind, state, callerID, keyHash, method, requestHash, organizationID, name, organizationKind, currency,
          parentAccountID, keyID, role, accountID, secretHash, salt, sealedSecret, createdAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      operation.id, operation.kind.rawValue, operation.state.rawValue, operation.callerID.rawValue,
      claim.map { OutcomeSeal.lookupHash(of: $0.key) }, claim?.method, claim?.requestHash,
      operation.key.organizationID.rawValue, organization?.name, organization?.kind.rawValue,
      organization?.currency, organization?.parentAccountID?.rawValue, operation.key.id.rawValue,
      operation.key.role.rawValue, operation.key.accountID?.rawValue, secret.secretHash, sealed?.salt, sealed?.box,
      operation.createdAt,
    ])
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

extension RegistryOperation {
  init(row: Row) throws {
    let kind: Kind = try row.decode("kind")
    let callerID = OrganizationID(try row.decode("callerID") as String)
    let organizationID = OrganizationID(try row.decode("organizationID") as String)
    let createdAt: Date = try row.decode("createdAt")
    var organization: Organization?
    if kind == .createOrganization {
      organization = Organization(
        id: organizationID, name: try row.decode("name"), kind: try row.decode("organizationKind"),
        parentID: callerID, currency: try row.decode("currency"), createdAt: createdAt,
        parentAccountID: try row.decodeIfPresent("parentAccountID", as: String.self).map(AccountID.init))
    }
    self.init(
      id: try row.decode("id"), kind: kind, state: try row.decode("state"), callerID: callerID,
      organization: organization,
      key: APIKeyRecord(
        id: APIKeyID(try row.decode("keyID") as String), organizationID: organizationID, role: try row.decode("role"),
        accountID: try row.decodeIfPresent("accountID", as: String.self).map(AccountID.init), createdAt: createdAt),
      createdAt: createdAt)
  }
}
