import Foundation

/// Identifies an account inside its organization, e.g. `ACC-000001`.
public struct AccountID: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// The id of the account with sequence number `number`.
  public init(number: Int) { self.init(sequentialIdentifier(prefix: "ACC", number)) }
}

/// What kind of party an account is (T5).
public enum AccountKind: String, Sendable, Codable, CaseIterable {
  /// A customer buying for itself; may belong to a standard reseller.
  case customer
  /// A standard reseller: sells in this organization's storefront, has no organization.
  case reseller
}

/// A customer or standard reseller account of an organization (T5).
public struct Account: Hashable, Sendable, Codable {
  public var id: AccountID
  public var name: String
  public var kind: AccountKind
  /// The standard reseller a customer belongs to; always `nil` for resellers.
  public var resellerID: AccountID?
  public var createdAt: Date

  public init(id: AccountID, name: String, kind: AccountKind, resellerID: AccountID?, createdAt: Date) {
    self.id = id
    self.name = name
    self.kind = kind
    self.resellerID = resellerID
    self.createdAt = createdAt
  }
}

/// The fields of an account to create; the store assigns the id.
public struct NewAccount: Hashable, Sendable {
  public var name: String
  public var kind: AccountKind
  public var resellerID: AccountID?

  public init(name: String, kind: AccountKind, resellerID: AccountID? = nil) {
    self.name = name
    self.kind = kind
    self.resellerID = resellerID
  }

  /// Checks T5: a non-empty name; only a customer may have a reseller, and that reseller
  /// must be an existing account of kind `reseller` (passed as `reseller`).
  public func validate(reseller: Account?) throws(DomainError) {
    var problems: [String] = []
    if name.allSatisfy(\.isWhitespace) { problems.append("name must not be empty") }
    if let resellerID {
      if kind == .reseller {
        problems.append("a reseller cannot belong to another reseller (\(resellerID))")
      } else if let reseller {
        if reseller.kind != .reseller {
          problems.append("account \(resellerID) is a \(reseller.kind), not a reseller")
        }
      } else {
        problems.append("reseller account \(resellerID) does not exist")
      }
    }
    if let error = DomainError.combining(.invalidArgument, summary: "the account is not valid:", problems) {
      throw error
    }
  }
}
