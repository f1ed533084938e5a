import Foundation
import OrderDomain

/// An API key as stored: who it belongs to and what it may do. Never the secret (T3).
public struct APIKeyRecord: Hashable, Sendable {
  public var id: APIKeyID
  public var organizationID: OrganizationID
  public var role: Role
  /// The account of a storefront key.
  public var accountID: AccountID?
  public var createdAt: Date
  /// When it was revoked; a revoked key no longer authenticates.
  public var revokedAt: Date?

  public init(
    id: APIKeyID, organizationID: OrganizationID, role: Role, accountID: AccountID?, createdAt: Date,
    revokedAt: Date? = nil
  ) {
    self.id = id
    self.organizationID = organizationID
    self.role = role
    self.accountID = accountID
    self.createdAt = createdAt
    self.revokedAt = revokedAt
  }

  public var isRevoked: Bool { revokedAt != nil }

  /// The caller a presentation of this key authenticates.
  public var principal: Principal {
    Principal(organizationID: organizationID, role: role, accountID: accountID, keyID: id)
  }
}

/// A newly created key with its plaintext, which is shown once and never stored (T3).
public struct IssuedKey: Hashable, Sendable {
  public var record: APIKeyRecord
  /// The full key to give to the user, `odk_<keyID>_<secret>`.
  public var plaintext: String

  public init(record: APIKeyRecord, plaintext: String) {
    self.record = record
    self.plaintext = plaintext
  }
}
