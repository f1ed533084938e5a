import OrderDomain
import OrderStorage

extension ScopedTransaction {
  /// The order with this id or number, if the caller may see it.
  public func order(_ key: String) throws -> Order? {
    guard let order = try self.tx.order(OrderID(key)) ?? self.tx.order(number: OrderNumber(key)),
      self.isVisible(order.accountID)
    else { return nil }
    return order
  }

  /// The order with this id or number, or `notFound`.
  public func requireOrder(_ key: String) throws -> Order {
    guard let order = try self.order(key) else { throw DomainError.notFound("order \(key) not found") }
    return order
  }

  /// The orders matching `filter` that the caller sees (a storefront caller's own account's).
  public func orders(_ filter: OrderFilter) throws -> [Order] {
    guard let accountID = self.listed(filter.accountID) else { return [] }
    var scoped = filter
    scoped.accountID = accountID
    return try self.tx.orders(scoped)
  }

  /// The order with its status history (O4), if the caller may see it.
  public func orderWithHistory(_ key: String) throws -> OrderWithHistory? {
    guard let order = try self.order(key) else { return nil }
    return try OrderWithHistory(order, tx: self.tx)
  }
}

/// An order with its status history (O4): what an answer about one order shows.
public struct OrderWithHistory: Sendable {
  public var order: Order
  public var history: [OrderStatusChange]

  public init(order: Order, history: [OrderStatusChange]) {
    self.order = order
    self.history = history
  }

  init(_ order: Order, tx: OrganizationTransaction) throws {
    self.init(order: order, history: try tx.statusHistory(of: order.id))
  }
}
