import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Creates an account with the next id `ACC-nnnnnn` (T5).
  ///
  /// - Throws: `invalidArgument` when T5's rules are broken (see ``NewAccount/validate(reseller:)``).
  public func createAccount(_ new: NewAccount, now: Date) throws -> Account {
    let reseller = try new.resellerID.flatMap { try account($0) }
    try new.validate(reseller: reseller)
    let created = Account(
      id: AccountID(number: try nextSequence("account")), name: new.name, kind: new.kind,
      resellerID: new.resellerID, createdAt: now)
    try sql.insert(AccountRecord(created))
    return created
  }

  /// The account, or `nil`.
  public func account(_ id: AccountID) throws -> Account? {
    try sql.fetchOne(AccountRecord.self, "SELECT * FROM accounts WHERE id = ?", [id.rawValue])?.account
  }

  /// The account, or `notFound`.
  public func requireAccount(_ id: AccountID) throws -> Account {
    guard let account = try account(id) else { throw DomainError.notFound("account \(id) not found") }
    return account
  }

  /// All accounts, or those of one kind or one reseller, by id.
  public func accounts(kind: AccountKind? = nil, resellerID: AccountID? = nil) throws -> [Account] {
    try sql.fetchAll(
      AccountRecord.self,
      """
      SELECT * FROM accounts WHERE (kind = ?1 OR ?1 IS NULL) AND (resellerID = ?2 OR ?2 IS NULL) ORDER BY id
      """, [kind?.rawValue, resellerID?.rawValue]
    ).map(\.account)
  }
}
