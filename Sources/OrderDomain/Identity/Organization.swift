import Foundation

/// Identifies an organization; also names its database file (`orgs/<id>.sqlite`, T2).
public struct OrganizationID: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// Whether the id is safe to use as a file name: lowercase letters, digits and `-`.
  public var isWellFormed: Bool {
    !rawValue.isEmpty && rawValue.count <= 64
      && rawValue.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// A new random id.
  public static func random() -> OrganizationID {
    OrganizationID(UUID().uuidString.lowercased())
  }
}

/// The kinds of organization (T1).
public enum OrganizationKind: String, Sendable, Codable, CaseIterable {
  /// The provider; exactly one exists, created on first start.
  case root
  /// A simple tenant reseller; backorders to its parent (B1).
  case tenant
  /// A country tenant reseller; works as a root organization, never backorders (B1).
  case countryTenant

  /// Whether executed changes are relayed to the parent by default (B1).
  public var backordersByDefault: Bool { self == .tenant }
}

/// An organization: a tenant of the platform with its own database (T1, T2).
public struct Organization: Hashable, Sendable, Codable {
  public var id: OrganizationID
  public var name: String
  public var kind: OrganizationKind
  /// The parent organization; `nil` only for the root (T1).
  public var parentID: OrganizationID?
  /// ISO 4217 currency code of the organization's prices.
  public var currency: String
  public var createdAt: Date
  /// A child's own account in its parent organization (B2): where its backorders go;
  /// `nil` until set, and always for the root.
  public var parentAccountID: AccountID?

  public init(
    id: OrganizationID, name: String, kind: OrganizationKind, parentID: OrganizationID?,
    currency: String = "USD", createdAt: Date, parentAccountID: AccountID? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.parentID = parentID
    self.currency = currency
    self.createdAt = createdAt
    self.parentAccountID = parentAccountID
  }
}
