import Foundation
import OrderDomain
import Synchronization

extension Registry {
  /// Creates a key for an organization (T3); the plaintext is returned once, only its hash
  /// is stored.
  ///
  /// The caller checks that a storefront key's account exists in the organization.
  /// - Throws: `invalidArgument` when a storefront key has no account or an admin key
  ///   has one; `notFound` when the organization does not exist.
  public func createKey(organization: OrganizationID, role: Role, accountID: AccountID?, now: Date) async throws
    -> IssuedKey
  {
    try Self.validateKey(role: role, accountID: accountID)
    return try await self.write { sql in
      guard try Self.fetchOrganization(organization, sql) != nil else {
        throw DomainError.notFound("organization \(organization) not found")
      }
      return try Self.insertKey(organization: organization, role: role, accountID: accountID, now: now, sql)
    }
  }

  /// Checks that a storefront key names its account and an admin key none (T3).
  static func validateKey(role: Role, accountID: AccountID?) throws {
    switch (role, accountID) {
    case (.storefront, nil):
      throw DomainError.invalidArgument("a storefront key acts for one account; name the account")
    case (.admin, .some):
      throw DomainError.invalidArgument("an admin key acts for the whole organization; do not name an account")
    default:
      break
    }
  }

  /// Revokes a key of `organization`; from the moment this returns, it no longer
  /// authenticates. Revoking a revoked key changes nothing.
  ///
  /// - Throws: `notFound` when the organization has no key with this id (T6).
  @discardableResult
  public func revokeKey(id: APIKeyID, organization: OrganizationID, now: Date) async throws -> APIKeyRecord {
    let record = try await self.write { sql in
      try sql.execute(
        "UPDATE apiKeys SET revokedAt = ? WHERE id = ? AND organizationID = ? AND revokedAt IS NULL",
        [now, id.rawValue, organization.rawValue])
      guard
        let stored = try sql.fetchOne(
          StoredKeyRecord.self, "SELECT * FROM apiKeys WHERE id = ? AND organizationID = ?",
          [id.rawValue, organization.rawValue])
      else { throw DomainError.notFound("key \(id) not found") }
      sql.onCommit(.keyRevoked(id.rawValue))
      return stored.record
    }
    cache.withLock { $0.invalidate(id) }
    return record
  }

  /// Forgets a key's cached authentication, after another node revoked it (issue 14): its
  /// next call reads the registry, which says it is revoked.
  public func evictCachedKey(_ id: APIKeyID) {
    cache.withLock { $0.invalidate(id) }
  }

  /// Forgets an organization read before, after another node changed it (issue 14).
  public func evictCachedOrganization(_ id: OrganizationID) {
    organizations.withLock { $0.invalidate(id) }
  }

  /// Forgets every cached key and organization: signals from other nodes may have been
  /// missed (issue 14), so nothing cached can be trusted to be current.
  public func evictAllCached() {
    cache.withLock { $0.invalidateAll() }
    organizations.withLock { $0.invalidateAll() }
  }

  /// The keys of an organization, revoked ones included, oldest first.
  public func keys(organization: OrganizationID) async throws -> [APIKeyRecord] {
    try await self.read { sql in
      try sql.fetchAll(
        StoredKeyRecord.self, "SELECT * FROM apiKeys WHERE organizationID = ? ORDER BY createdAt, id",
        [organization.rawValue]
      ).map(\.record)
    }
  }

  /// The caller a presented key authenticates, or `nil` for a malformed, unknown or
  /// revoked key (T3, T6). Recent successes are cached briefly; revocation is immediate.
  public func authenticate(presentedKey: String) async throws -> Principal? {
    guard let (id, secret) = KeyMaterial.parse(presentedKey) else { return nil }
    let presentedHash = KeyMaterial.hash(secret: secret)
    let (cached, generation) = cache.withLock { ($0.lookup(id, now: .now), $0.generation) }
    if let cached {
      return KeyMaterial.constantTimeEquals(cached.secretHash, presentedHash) ? cached.principal : nil
    }
    let found = try await self.read { sql in
      try sql.fetchOne(StoredKeyRecord.self, "SELECT * FROM apiKeys WHERE id = ?", [id.rawValue]).map {
        (record: $0.record, hash: $0.secretHash)
      }
    }
    guard let found, !found.record.isRevoked, KeyMaterial.constantTimeEquals(found.hash, presentedHash) else {
      return nil
    }
    let entry = AuthenticationCache.Entry(
      principal: found.record.principal, secretHash: found.hash, expires: .now + AuthenticationCache.lifetime)
    cache.withLock { $0.store(entry, for: id, ifGeneration: generation) }
    return found.record.principal
  }

  static func insertKey(organization: OrganizationID, role: Role, accountID: AccountID?, now: Date, _ sql: SQL)
    throws -> IssuedKey
  {
    let generated = KeyMaterial.generate()
    let record = APIKeyRecord(
      id: generated.id, organizationID: organization, role: role, accountID: accountID, createdAt: now)
    try insertKey(record, secretHash: generated.secretHash, sql)
    return IssuedKey(record: record, plaintext: generated.plaintext)
  }

  /// Stores a key: its record and the hash of its secret, never the secret (T3).
  static func insertKey(_ record: APIKeyRecord, secretHash: Data, _ sql: SQL) throws {
    try sql.insert(StoredKeyRecord(record, secretHash: secretHash))
  }
}
