import Foundation
import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// Creates an order with the next number of its type (`SO-000001`, O6), records its
  /// first status in the history (O4) and appends `OrderCreated` (or `OrderScheduled` when
  /// it starts `scheduled`) to the notification log (N1).
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
    try db.cachedStatement(
      sql: """
        INSERT INTO orders (id, number, type, status, accountID, createdAt, createdBy, totalMinor, currency, scheduledFor,
          subscriptionID)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      order.id.rawValue, order.number.rawValue, order.type.rawValue, order.status.rawValue,
      order.accountID.rawValue, now, order.createdBy.rawValue, order.total.minorUnits, order.total.currency,
      order.scheduledFor, order.subscriptionID?.rawValue,
    ])
    for (position, line) in order.lines.enumerated() { try insert(line, position: position, of: order.id) }
    try recordStatusChange(
      OrderStatusChange(
        orderID: order.id, time: now, from: nil, to: order.status, reason: new.reason, by: new.createdBy))
    try appendNotification(NewNotification.orderCreated(order))
    return order
  }

  /// The order with its lines, or `nil`.
  public func order(_ id: OrderID) throws -> Order? {
    guard
      let row = try Row.fetchOne(
        try db.cachedStatement(sql: "SELECT * FROM orders WHERE id = ?"), arguments: [id.rawValue])
    else {
      return nil
    }
    return try order(row: row)
  }

  /// The order with this number, or `nil`.
  public func order(number: OrderNumber) throws -> Order? {
    guard
      let row = try Row.fetchOne(
        try db.cachedStatement(sql: "SELECT * FROM orders WHERE number = ?"), arguments: [number.rawValue])
    else { return nil }
    return try order(row: row)
  }

  /// The order, or `notFound`.
  public func requireOrder(_ id: OrderID) throws -> Order {
    guard let order = try order(id) else { throw DomainError.notFound("order \(id) not found") }
    return order
  }

  /// Orders matching `filter`, sorted as it asks.
  public func orders(_ filter: OrderFilter = OrderFilter()) throws -> [Order] {
    var conditions: [String] = []
    var arguments: StatementArguments = []
    if !filter.statuses.isEmpty {
      conditions.append("status IN (\(filter.statuses.map { _ in "?" }.joined(separator: ", ")))")
      for status in filter.statuses.sorted() { _ = arguments.append(contentsOf: [status.rawValue]) }
    }
    if let account = filter.accountID {
      conditions.append("accountID = ?")
      _ = arguments.append(contentsOf: [account.rawValue])
    }
    if let subscription = filter.subscriptionID {
      conditions.append("subscriptionID = ?")
      _ = arguments.append(contentsOf: [subscription.rawValue])
    }
    if let type = filter.type {
      conditions.append("type = ?")
      _ = arguments.append(contentsOf: [type.rawValue])
    }
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    _ = arguments.append(contentsOf: [max(0, filter.limit)])
    let sort =
      switch filter.order {
      case .newestFirst: "createdAt DESC, rowid DESC"
      case .executionDate: "scheduledFor IS NULL, scheduledFor, rowid"
      }
    return try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM orders \(whereClause) ORDER BY \(sort) LIMIT ?"), arguments: arguments
    ).map { try order(row: $0) }
  }

  /// Scheduled orders due at or before `date`, earliest first (S4).
  public func scheduledOrders(dueBy date: Date) throws -> [Order] {
    try Row.fetchAll(
      try db.cachedStatement(
        sql: "SELECT * FROM orders WHERE status = ? AND scheduledFor <= ? ORDER BY scheduledFor, rowid"),
      arguments: [OrderStatus.scheduled.rawValue, date]
    ).map { try order(row: $0) }
  }

  /// The orders about a subscription that have not reached a final status, oldest first
  /// (for the one-order-in-progress check, ``OrderFlow/requireNoneInProgress(subscription:orders:)``).
  public func openOrders(subscriptionID: SubscriptionID) throws -> [Order] {
    let finals = Set(OrderFlow.all.flatMap(\.finals).map(\.rawValue)).sorted()
    let placeholders = finals.map { _ in "?" }.joined(separator: ", ")
    return try Row.fetchAll(
      try db.cachedStatement(
        sql:
          "SELECT * FROM orders WHERE subscriptionID = ? AND status NOT IN (\(placeholders)) ORDER BY createdAt, rowid"),
      arguments: StatementArguments([subscriptionID.rawValue] + finals)
    ).map { try order(row: $0) }
  }

  private func order(row: Row) throws -> Order {
    let id = OrderID(try row.decode("id") as String)
    let lines = try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM orderLines WHERE orderID = ? ORDER BY position"),
      arguments: [id.rawValue]
    ).map(OrderLine.init(row:))
    return Order(
      id: id, number: OrderNumber(try row.decode("number") as String), type: try row.decode("type"),
      status: OrderStatus(try row.decode("status") as String),
      accountID: AccountID(try row.decode("accountID") as String),
      createdAt: try row.decode("createdAt"), createdBy: try row.decode("createdBy"), lines: lines,
      total: try row.money("totalMinor"), scheduledFor: try row.decodeIfPresent("scheduledFor", as: Date.self),
      subscriptionID: try row.decodeIfPresent("subscriptionID", as: String.self).map(SubscriptionID.init))
  }

  private func insert(_ line: OrderLine, position: Int, of order: OrderID) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO orderLines (orderID, position, sku, quantity, unitPriceMinor, amountMinor, currency,
          billingCycle, term, periodStart, periodEnd)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      order.rawValue, position, line.sku, line.quantity, line.unitPrice.minorUnits, line.amount.minorUnits,
      line.amount.currency, line.billingCycle?.rawValue, line.term?.rawValue, line.periodStart, line.periodEnd,
    ])
  }
}

extension OrderLine {
  init(row: Row) throws {
    self.init(
      sku: try row.decode("sku"), quantity: try row.decode("quantity"), unitPrice: try row.money("unitPriceMinor"),
      billingCycle: try row.decodeIfPresent("billingCycle"), term: try row.decodeIfPresent("term"),
      amount: try row.money("amountMinor"), periodStart: try row.decodeIfPresent("periodStart", as: Date.self),
      periodEnd: try row.decodeIfPresent("periodEnd", as: Date.self))
  }
}
