/// Identifies an API key; the public part of a presented key (T3).
public struct APIKeyID: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// What a key may do inside its organization (T3).
public enum Role: String, Sendable, Codable, CaseIterable {
  /// A BSS user: everything in the organization.
  case admin
  /// A user of one customer account: only that account's objects.
  case storefront
}

/// The authenticated caller of a request: whose key it is and what it may do.
public struct Principal: Hashable, Sendable {
  public var organizationID: OrganizationID
  public var role: Role
  /// The account a storefront key acts for; `nil` for admin keys.
  public var accountID: AccountID?
  public var keyID: APIKeyID

  public init(organizationID: OrganizationID, role: Role, accountID: AccountID?, keyID: APIKeyID) {
    self.organizationID = organizationID
    self.role = role
    self.accountID = accountID
    self.keyID = keyID
  }

  public var isAdmin: Bool { role == .admin }

  /// Whether the caller may see the account's objects (T3): admins see every account of
  /// their organization, a storefront user only its own.
  public func canSee(accountID: AccountID) -> Bool {
    switch role {
    case .admin: true
    case .storefront: self.accountID == accountID
    }
  }

  /// Who made a change, for status histories (O4).
  public var agent: Agent {
    switch role {
    case .admin: .admin(keyID)
    case .storefront: accountID.map { .storefront($0) } ?? .admin(keyID)
    }
  }

  /// Throws `permissionDenied` unless the caller is an admin (T6).
  public func requireAdmin(_ action: String) throws(DomainError) {
    guard isAdmin else {
      throw .permissionDenied("only an admin key may \(action); this is a storefront key")
    }
  }

  /// Throws `notFound` when a storefront caller asks for another account (T6: as if it
  /// did not exist).
  public func requireVisible(accountID: AccountID) throws(DomainError) {
    guard canSee(accountID: accountID) else {
      throw .notFound("account \(accountID) not found")
    }
  }
}
