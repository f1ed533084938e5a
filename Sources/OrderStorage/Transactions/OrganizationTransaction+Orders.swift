import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Creates an order with the next number of its type (`SO-000001`, O6) and records its
  /// first status in the history (O4). It notifies nothing: the workflows append
  /// `OrderCreated` or `OrderScheduled` (N1).
  ///
  /// - Throws: `notFound` when the account or the subscription does not exist;
  ///   `invalidArgument` when the total is not the sum of the lines.
  public func createOrder(_ new: NewOrder, now: Date) throws -> Order {
    _ = try requireAccount(new.accountID)
    if let subscriptionID = new.subscriptionID { _ = try requireSubscription(subscriptionID) }
    let sum = try Money.sum(new.lines.map(\.amount), currency: new.total.currency)
    guard sum == new.total else {
      throw DomainError.invalidArgument("order total \(new.total) is not the sum of its lines \(sum)")
    }
    let order = Order(
      id: OrderID(UUID().uuidString.lowercased()),
      number: OrderNumber(type: new.type, sequence: try nextSequence("order.\(new.type.rawValue)")),
      type: new.type, status: new.status, accountID: new.accountID, createdAt: now, createdBy: new.createdBy,
      lines: new.lines, total: new.total, scheduledFor: new.scheduledFor, subscriptionID: new.subscriptionID)
    try sql.insert(OrderRecord(order))
    for (position, line) in order.lines.enumerated() {
      try sql.insert(OrderLineRecord(line, position: position, of: order.id))
    }
    try recordStatusChange(
      OrderStatusChange(
        orderID: order.id, time: now, from: nil, to: order.status, reason: new.reason, by: new.createdBy))
    return order
  }

  /// The order with its lines, or `nil`.
  public func order(_ id: OrderID) throws -> Order? {
    guard
      let record = try sql.fetchOne(OrderRecord.self, "SELECT * FROM orders WHERE id = ?", [id.rawValue])
    else { return nil }
    return try record.order(lines: try OrderLineRecord.lines(of: record.id, sql))
  }

  /// The order with this number, or `nil`.
  public func order(number: OrderNumber) throws -> Order? {
    guard
      let record = try sql.fetchOne(OrderRecord.self, "SELECT * FROM orders WHERE number = ?", [number.rawValue])
    else { return nil }
    return try record.order(lines: try OrderLineRecord.lines(of: record.id, sql))
  }

  /// The order, or `notFound`.
  public func requireOrder(_ id: OrderID) throws -> Order {
    guard let order = try order(id) else { throw DomainError.notFound("order \(id) not found") }
    return order
  }

  /// Orders matching `filter`, sorted as it asks.
  public func orders(_ filter: OrderFilter = OrderFilter()) throws -> [Order] {
    let (conditions, filterArguments) = Self.conditions(filter)
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    let sort =
      switch filter.order {
      case .newestFirst: "createdAt DESC, rowid DESC"
      case .executionDate: "\(Self.unscheduledLast), scheduledFor, rowid"
      }
    var arguments = filterArguments
    arguments.append(max(0, filter.limit))
    return try orders(
      try sql.fetchAll(OrderRecord.self, "SELECT * FROM orders \(whereClause) ORDER BY \(sort) LIMIT ?", arguments))
  }

  /// The SQL conditions (joined with AND) and their arguments that select `filter`'s orders.
  static func conditions(_ filter: OrderFilter) -> (conditions: [String], arguments: SQLArguments) {
    var conditions: [String] = []
    var arguments: SQLArguments = []
    if !filter.statuses.isEmpty {
      conditions.append("status IN (\(filter.statuses.map { _ in "?" }.joined(separator: ", ")))")
      arguments.append(contentsOf: filter.statuses.sorted().lazy.map(\.rawValue))
    }
    if let account = filter.accountID {
      conditions.append("accountID = ?")
      arguments.append(account.rawValue)
    }
    if let subscription = filter.subscriptionID {
      conditions.append("subscriptionID = ?")
      arguments.append(subscription.rawValue)
    }
    if let type = filter.type {
      conditions.append("type = ?")
      arguments.append(type.rawValue)
    }
    return (conditions, arguments)
  }

  /// The first key of the execution-date order: orders without a date after those with one.
  /// An integer, not SQLite's boolean `scheduledFor IS NULL`, which another engine cannot
  /// compare with a page token's integer (the tokens are the same either way).
  static let unscheduledLast = "CASE WHEN scheduledFor IS NULL THEN 1 ELSE 0 END"

  /// Scheduled orders due at or before `date`, earliest first (S4).
  public func scheduledOrders(dueBy date: Date) throws -> [Order] {
    try orders(
      try sql.fetchAll(
        OrderRecord.self, "SELECT * FROM orders WHERE status = ? AND scheduledFor <= ? ORDER BY scheduledFor, rowid",
        [OrderStatus.scheduled.rawValue, date]))
  }

  /// The orders about a subscription that have not reached a final status, oldest first
  /// (for the one-order-in-progress check, ``OrderFlow/requireNoneInProgress(subscription:orders:)``).
  public func openOrders(subscriptionID: SubscriptionID) throws -> [Order] {
    let finals = Set(OrderFlow.all.flatMap(\.finals).map(\.rawValue)).sorted()
    let placeholders = finals.map { _ in "?" }.joined(separator: ", ")
    var arguments: SQLArguments = [subscriptionID.rawValue]
    arguments.append(contentsOf: finals)
    return try orders(
      try sql.fetchAll(
        OrderRecord.self,
        "SELECT * FROM orders WHERE subscriptionID = ? AND status NOT IN (\(placeholders)) ORDER BY createdAt, rowid",
        arguments))
  }

  /// The orders of `records` with their lines, read in one query for all of them.
  func orders(_ records: [OrderRecord]) throws -> [Order] {
    let lines = try OrderLineRecord.lines(of: records.map(\.id), sql)
    return try records.map { try $0.order(lines: lines[$0.id] ?? []) }
  }
}
