import Foundation

/// An order (O5): immutable after creation except for its status.
public struct Order: Hashable, Sendable {
  public var id: OrderID
  /// Unique per organization, e.g. `SO-000042` (O6).
  public var number: OrderNumber
  public var type: OrderType
  public var status: OrderStatus
  public var accountID: AccountID
  public var createdAt: Date
  public var createdBy: Agent
  public var lines: [OrderLine]
  /// Sum of the lines' amounts; signed (O5).
  public var total: Money
  /// When a scheduled order executes (S1); `nil` for orders that run now.
  public var scheduledFor: Date?
  /// The subscription a change, cancellation, renewal or resource order is about; `nil`
  /// for sales orders.
  public var subscriptionID: SubscriptionID?

  public init(
    id: OrderID, number: OrderNumber, type: OrderType, status: OrderStatus, accountID: AccountID,
    createdAt: Date, createdBy: Agent, lines: [OrderLine], total: Money, scheduledFor: Date? = nil,
    subscriptionID: SubscriptionID? = nil
  ) {
    self.id = id
    self.number = number
    self.type = type
    self.status = status
    self.accountID = accountID
    self.createdAt = createdAt
    self.createdBy = createdBy
    self.lines = lines
    self.total = total
    self.scheduledFor = scheduledFor
    self.subscriptionID = subscriptionID
  }
}

/// One line of an order: a SKU, its quantity and what it costs.
public struct OrderLine: Hashable, Sendable, Codable {
  public var sku: String
  public var quantity: Int
  /// Price of one unit for one billing cycle (or once, for one-time products).
  public var unitPrice: Money
  /// `nil` for one-time products.
  public var billingCycle: BillingCycle?
  /// `nil` for one-time products.
  public var term: Term?
  /// What this line charges (negative: a credit).
  public var amount: Money
  /// The service period the amount covers, for recurring products.
  public var periodStart: Date?
  public var periodEnd: Date?

  public init(
    sku: String, quantity: Int, unitPrice: Money, billingCycle: BillingCycle? = nil, term: Term? = nil,
    amount: Money, periodStart: Date? = nil, periodEnd: Date? = nil
  ) {
    self.sku = sku
    self.quantity = quantity
    self.unitPrice = unitPrice
    self.billingCycle = billingCycle
    self.term = term
    self.amount = amount
    self.periodStart = periodStart
    self.periodEnd = periodEnd
  }
}

/// A recorded status change of an order (O4).
public struct OrderStatusChange: Hashable, Sendable {
  public var orderID: OrderID
  public var time: Date
  /// `nil` for the order's first status.
  public var from: OrderStatus?
  public var to: OrderStatus
  public var reason: String
  public var by: Agent

  public init(orderID: OrderID, time: Date, from: OrderStatus?, to: OrderStatus, reason: String, by: Agent) {
    self.orderID = orderID
    self.time = time
    self.from = from
    self.to = to
    self.reason = reason
    self.by = by
  }
}
