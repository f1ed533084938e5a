import Foundation
import GRDB
import OrderDomain
import Synchronization
import Testing

@testable import OrderStorage

/// Lists read their children (lines, list items, timings) in one query for all parents: the
/// number of statements does not grow with the number of rows (issue 11, no N+1).
@Suite("Store: lists read in a fixed number of queries", .sqliteOnly, .timeLimit(.minutes(5)))
struct QueryCountTests {
  /// What `body` returns, and how many statements it ran.
  private func counting<T: Sendable>(
    _ store: OrganizationStore, _ body: @Sendable @escaping (OrganizationTransaction) throws -> T
  ) async throws -> (T, Int) {
    try await store.writer.read { db in
      let count = Mutex(0)
      db.trace(options: .statement) { _ in count.withLock { $0 += 1 } }
      defer { db.trace(options: [], nil) }
      let result = try body(OrganizationTransaction(db: db))
      return (result, count.withLock { $0 })
    }
  }

  /// An order of `lineCount` lines of quantities 1, 2, 3...
  private func order(lineCount: Int, account: AccountID) -> NewOrder {
    let lines = (1...lineCount).map {
      OrderLine(sku: "O365-E3", quantity: $0, unitPrice: usd("1.00"), amount: usd("1.00"))
    }
    return NewOrder(
      type: .sales, status: .completed, accountID: account, createdBy: .system, lines: lines,
      total: usd("\(lineCount).00"))
  }

  @Test("issue 11: 40 orders and 40 invoices are listed with all their lines in two queries each")
  func ordersAndInvoices() async throws {
    try await withStore { store in
      try await store.write { tx in
        let account = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
        for index in 0..<40 {
          let order = try tx.createOrder(self.order(lineCount: index % 4 + 1, account: account.id), now: t0)
          let lines = order.lines.map {
            InvoiceLine(
              sku: $0.sku, description: "line \($0.quantity)", quantity: $0.quantity, unitPrice: $0.unitPrice,
              amount: $0.amount)
          }
          _ = try tx.createInvoice(
            try NewInvoice(accountID: account.id, orderID: order.id, issuedAt: t0, lines: lines, currency: "USD"))
        }
      }
      let (orders, orderStatements) = try await counting(store) { tx in try tx.orders(OrderFilter()) }
      #expect(orders.count == 40 && orderStatements == 2)
      #expect(orders.allSatisfy { $0.lines.map(\.quantity) == Array(1...$0.lines.count) })
      #expect(orders.map(\.lines.count).reduce(0, +) == 100)
      let (invoices, invoiceStatements) = try await counting(store) { tx in try tx.invoices() }
      #expect(invoices.count == 40 && invoiceStatements == 2)
      #expect(invoices.allSatisfy { $0.lines.map(\.description) == (1...$0.lines.count).map { "line \($0)" } })
      let byOrder = Dictionary(uniqueKeysWithValues: orders.map { ($0.id, $0.lines.count) })
      #expect(invoices.allSatisfy { byOrder[$0.orderID] == $0.lines.count })
    }
  }

  @Test("issue 11: the catalog is read with its lists in four queries, however many products")
  func catalog() async throws {
    try await withStore { store in
      try await store.write { tx in
        for index in 0..<30 { _ = try tx.createProduct(.office(sku: "P-\(index)"), currency: "USD", now: t0) }
      }
      let (products, statements) = try await counting(store) { tx in try tx.products() }
      #expect(products.count == 30 && statements == 4)
      #expect(products.allSatisfy { $0.billingCycles == [.monthly, .annual] && $0.terms == [.oneMonth, .oneYear] })
    }
  }

  @Test(
    "issue 11: a subscription's pending changes are read with their timings and actions in a fixed number of queries")
  func pendingChanges() async throws {
    try await withStore { store in
      let seeded = try await store.write { tx in
        let seeded = try tx.seed()
        for quantity in 1...12 {
          let order = try tx.changeOrder(seeded, status: .scheduled)
          try tx.recordScheduling(order: order.id, timing: .customDate, vendorSyncStatus: nil)
          try tx.recordChangeActions([.quantity(quantity)], of: order.id)
        }
        return seeded
      }
      let id = seeded.subscription.id
      let (changes, statements) = try await counting(store) { tx in try tx.pendingScheduledChanges(subscriptionID: id) }
      #expect(changes.count == 12 && statements == 5)
      #expect(Set(changes.map(\.actions)) == Set((1...12).map { [ChangeAction.quantity($0)] }))
      let (timings, timingStatements) = try await counting(store) { tx in try tx.openOrderTimings(subscriptionID: id) }
      #expect(timings.orders.count == 12 && timingStatements == 3)
      #expect(timings.orders.allSatisfy { timings.timings[$0.id] == .customDate })
    }
  }
}
