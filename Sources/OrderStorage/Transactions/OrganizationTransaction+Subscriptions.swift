import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Creates a subscription with the next id `SUB-nnnnnn`.
  ///
  /// - Throws: `notFound` when the account does not exist.
  public func createSubscription(_ new: NewSubscription) throws -> Subscription {
    _ = try requireAccount(new.accountID)
    let subscription = new.with(id: SubscriptionID(number: try nextSequence("subscription")))
    try sql.insert(SubscriptionRecord(subscription))
    return subscription
  }

  /// Saves the changed fields of an existing subscription (status, quantity, periods...).
  ///
  /// - Throws: `notFound` when there is no subscription with this id.
  public func updateSubscription(_ subscription: Subscription) throws {
    guard try sql.update(SubscriptionRecord(subscription)) else {
      throw DomainError.notFound("subscription \(subscription.id) not found")
    }
  }

  /// The subscription, or `nil`.
  public func subscription(_ id: SubscriptionID) throws -> Subscription? {
    try sql.fetchOne(SubscriptionRecord.self, "SELECT * FROM subscriptions WHERE id = ?", [id.rawValue])?.subscription
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
    try sql.fetchAll(
      SubscriptionRecord.self,
      "SELECT * FROM subscriptions WHERE (accountID = ?1 OR ?1 IS NULL) AND (status = ?2 OR ?2 IS NULL) ORDER BY id",
      [accountID?.rawValue, status?.rawValue]
    ).map(\.subscription)
  }

  /// The account's subscriptions of the given SKUs, by id (indexed: a plan reads only the
  /// subscriptions it needs, however many the account has).
  public func subscriptions(accountID: AccountID, skus: Set<String>) throws -> [Subscription] {
    guard !skus.isEmpty else { return [] }
    let placeholders = Array(repeating: "?", count: skus.count).joined(separator: ", ")
    var arguments: SQLArguments = [accountID.rawValue]
    arguments.append(contentsOf: skus.sorted())
    return try sql.fetchAll(
      SubscriptionRecord.self,
      "SELECT * FROM subscriptions WHERE accountID = ? AND sku IN (\(placeholders)) ORDER BY id", arguments
    ).map(\.subscription)
  }

  /// The add-ons of a subscription, by id.
  public func addons(of subscriptionID: SubscriptionID) throws -> [Subscription] {
    try sql.fetchAll(
      SubscriptionRecord.self, "SELECT * FROM subscriptions WHERE parentSubscriptionID = ? ORDER BY id",
      [subscriptionID.rawValue]
    ).map(\.subscription)
  }

  /// Active subscriptions whose current billing period ends at or before `date` (F5).
  public func subscriptions(periodEndingBy date: Date) throws -> [Subscription] {
    try sql.fetchAll(
      SubscriptionRecord.self,
      "SELECT * FROM subscriptions WHERE status = ? AND currentPeriodEnd <= ? ORDER BY currentPeriodEnd, id",
      [SubscriptionStatus.active.rawValue, date]
    ).map(\.subscription)
  }
}

extension OrganizationTransaction {
  /// The subscriptions an order created.
  public func subscriptions(orderID: OrderID) throws -> [Subscription] {
    try sql.fetchAll(
      SubscriptionRecord.self, "SELECT * FROM subscriptions WHERE orderID = ? ORDER BY id", [orderID.rawValue]
    )
    .map(\.subscription)
  }
}
