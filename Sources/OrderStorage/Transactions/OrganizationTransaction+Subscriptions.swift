import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// Creates a subscription with the next id `SUB-nnnnnn`.
  ///
  /// - Throws: `notFound` when the account does not exist.
  public func createSubscription(_ new: NewSubscription) throws -> Subscription {
    _ = try requireAccount(new.accountID)
    let subscription = new.with(id: SubscriptionID(number: try nextSequence("subscription")))
    try db.cachedStatement(
      sql: """
        INSERT INTO subscriptions (id, accountID, sku, productName, status, provisioningStatus, quantity,
          billingCycle, term, autoRenew, startDate, currentPeriodEnd, termEnd, orderID, parentSubscriptionID)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: Self.arguments(subscription))
    return subscription
  }

  /// Saves the changed fields of an existing subscription (status, quantity, periods...).
  ///
  /// - Throws: `notFound` when there is no subscription with this id.
  public func updateSubscription(_ subscription: Subscription) throws {
    try db.cachedStatement(
      sql: """
        UPDATE subscriptions SET accountID = ?2, sku = ?3, productName = ?4, status = ?5, provisioningStatus = ?6,
          quantity = ?7, billingCycle = ?8, term = ?9, autoRenew = ?10, startDate = ?11, currentPeriodEnd = ?12,
          termEnd = ?13, orderID = ?14, parentSubscriptionID = ?15
        WHERE id = ?1
        """
    ).execute(arguments: Self.arguments(subscription))
    guard db.changesCount == 1 else { throw DomainError.notFound("subscription \(subscription.id) not found") }
  }

  /// The subscription, or `nil`.
  public func subscription(_ id: SubscriptionID) throws -> Subscription? {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM subscriptions WHERE id = ?"), arguments: [id.rawValue])
      .map(Subscription.init(row:))
  }

  /// The subscription, or `notFound`.
  public func requireSubscription(_ id: SubscriptionID) throws -> Subscription {
    guard let subscription = try subscription(id) else {
      throw DomainError.notFound("subscription \(id) not found")
    }
    return subscription
  }

  /// Subscriptions of one account, or of all accounts when `accountID` is `nil`, by id.
  public func subscriptions(accountID: AccountID? = nil, status: SubscriptionStatus? = nil) throws -> [Subscription] {
    try Row.fetchAll(
      try db.cachedStatement(
        sql:
          "SELECT * FROM subscriptions WHERE (?1 IS NULL OR accountID = ?1) AND (?2 IS NULL OR status = ?2) ORDER BY id"
      ),
      arguments: [accountID?.rawValue, status?.rawValue]
    ).map(Subscription.init(row:))
  }

  /// The account's subscriptions of the given SKUs, by id (indexed: a plan reads only the
  /// subscriptions it needs, however many the account has).
  public func subscriptions(accountID: AccountID, skus: Set<String>) throws -> [Subscription] {
    guard !skus.isEmpty else { return [] }
    let placeholders = Array(repeating: "?", count: skus.count).joined(separator: ", ")
    return try Row.fetchAll(
      try db.cachedStatement(
        sql: "SELECT * FROM subscriptions WHERE accountID = ? AND sku IN (\(placeholders)) ORDER BY id"),
      arguments: StatementArguments([accountID.rawValue] + skus.sorted())
    ).map(Subscription.init(row:))
  }

  /// The add-ons of a subscription, by id.
  public func addons(of subscriptionID: SubscriptionID) throws -> [Subscription] {
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM subscriptions WHERE parentSubscriptionID = ? ORDER BY id"),
      arguments: [subscriptionID.rawValue]
    ).map(Subscription.init(row:))
  }

  /// Active subscriptions whose current billing period ends at or before `date` (F5).
  public func subscriptions(periodEndingBy date: Date) throws -> [Subscription] {
    try Row.fetchAll(
      try db.cachedStatement(
        sql: "SELECT * FROM subscriptions WHERE status = ? AND currentPeriodEnd <= ? ORDER BY currentPeriodEnd, id"),
      arguments: [SubscriptionStatus.active.rawValue, date]
    ).map(Subscription.init(row:))
  }

  private static func arguments(_ s: Subscription) -> StatementArguments {
    [
      s.id.rawValue, s.accountID.rawValue, s.sku, s.productName, s.status.rawValue, s.provisioningStatus.rawValue,
      s.quantity, s.billingCycle.rawValue, s.term.rawValue, s.autoRenew, s.startDate, s.currentPeriodEnd,
      s.termEnd, s.orderID.rawValue, s.parentSubscriptionID?.rawValue,
    ]
  }
}

extension Subscription {
  init(row: Row) throws {
    self.init(
      id: SubscriptionID(try row.decode("id") as String), accountID: AccountID(try row.decode("accountID") as String),
      sku: try row.decode("sku"), productName: try row.decode("productName"),
      status: SubscriptionStatus(try row.decode("status") as String),
      provisioningStatus: try row.decode("provisioningStatus"), quantity: try row.decode("quantity"),
      billingCycle: try row.decode("billingCycle"), term: try row.decode("term"),
      autoRenew: try row.decode("autoRenew"), startDate: try row.decode("startDate"),
      currentPeriodEnd: try row.decode("currentPeriodEnd"), termEnd: try row.decode("termEnd"),
      orderID: OrderID(try row.decode("orderID") as String),
      parentSubscriptionID: try row.decodeIfPresent("parentSubscriptionID", as: String.self).map(SubscriptionID.init))
  }
}

extension OrganizationTransaction {
  /// The subscriptions an order created.
  public func subscriptions(orderID: OrderID) throws -> [Subscription] {
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM subscriptions WHERE orderID = ? ORDER BY id"),
      arguments: [orderID.rawValue]
    )
    .map(Subscription.init(row:))
  }
}
