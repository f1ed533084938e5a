import Foundation

/// An order to create; the store assigns its id and number (O6) and records its first
/// status in the history (O4).
public struct NewOrder: Hashable, Sendable {
  public var type: OrderType
  public var status: OrderStatus
  public var accountID: AccountID
  public var createdBy: Agent
  public var lines: [OrderLine]
  public var total: Money
  public var scheduledFor: Date?
  /// Why the order starts in `status`, for the history (e.g. "placed by storefront").
  public var reason: String
  /// The subscription a change, cancellation, renewal or resource order is about.
  public var subscriptionID: SubscriptionID?

  public init(
    type: OrderType, status: OrderStatus, accountID: AccountID, createdBy: Agent,
    lines: [OrderLine], total: Money, scheduledFor: Date? = nil, reason: String = "order created",
    subscriptionID: SubscriptionID? = nil
  ) {
    self.type = type
    self.status = status
    self.accountID = accountID
    self.createdBy = createdBy
    self.lines = lines
    self.total = total
    self.scheduledFor = scheduledFor
    self.reason = reason
    self.subscriptionID = subscriptionID
  }
}

/// Which orders to list.
public struct OrderFilter: Hashable, Sendable {
  public var statuses: Set<OrderStatus>
  public var accountID: AccountID?
  public var type: OrderType?
  /// Only orders about this subscription.
  public var subscriptionID: SubscriptionID?
  public var order: Sort
  /// At most this many orders.
  public var limit: Int

  /// How listed orders are sorted.
  public enum Sort: Hashable, Sendable {
    /// Most recently created first.
    case newestFirst
    /// Earliest execution date first (S5); orders without one last.
    case executionDate
  }

  public init(
    statuses: Set<OrderStatus> = [], accountID: AccountID? = nil, type: OrderType? = nil, order: Sort = .newestFirst,
    limit: Int = 1000, subscriptionID: SubscriptionID? = nil
  ) {
    self.subscriptionID = subscriptionID
    self.statuses = statuses
    self.accountID = accountID
    self.type = type
    self.order = order
    self.limit = limit
  }
}
