import Foundation
import GRDB
import OrderDomain
import OrderTesting
import Testing

@testable import OrderStorage

@Suite("Store: invoices", .timeLimit(.minutes(5)))
struct InvoiceStoreTests {
  @Test("O5: a change's invoice keeps its signed, prorated lines; storage notifies nothing (the workflows do, N1)")
  func changeInvoice() async throws {
    try await withStore { store in
      let (invoice, seeded) = try await store.write { tx in
        let seeded = try tx.seed()
        let plan = try ChangePlanner(catalog: try tx.products(), currency: "USD")
          .plan(seeded.subscription, actions: [.quantity(8)], now: t0 + 86_400 * 10)
        let new = try #require(plan.newOrder(status: .executing, createdBy: .system, reason: "increase"))
        let order = try tx.createOrder(new, now: t0)
        return (try tx.createInvoice(try plan.newInvoice(order: order, issuedAt: t0)), seeded)
      }
      #expect(invoice.id == "INV-000001")
      #expect(invoice.lines.count == 2)
      #expect(invoice.lines[0].amount.isNegative && !invoice.total.isNegative)
      #expect(try await store.read { tx in try tx.requireOrder(invoice.orderID).total } == invoice.total)
      let stored = try await store.read { tx in try tx.requireInvoice(invoice.id) }
      #expect(stored == invoice)
      #expect(try await store.read { tx in try tx.invoices(accountID: seeded.account.id) } == [invoice])
      #expect(try await store.read { tx in try tx.invoices(orderID: invoice.orderID) } == [invoice])
      let log = try await store.read { tx in try tx.notifications(after: 0) }
      #expect(log.isEmpty)
    }
  }

  @Test("invoices are immutable except their status; another account's order is refused")
  func immutable() async throws {
    try await withStore { store in
      let invoice = try await store.write { tx in
        let seeded = try tx.seed()
        let new = try NewInvoice.forOrder(seeded.salesOrder, productNames: [:], issuedAt: t0)
        let other = try tx.createAccount(NewAccount(name: "Other", kind: .customer), now: t0)
        var wrong = new
        wrong.accountID = other.id
        #expect(throws: DomainError.self) { try tx.createInvoice(wrong) }
        return try tx.createInvoice(new)
      }
      for sql in [
        "UPDATE invoices SET totalMinor = 1", "UPDATE invoiceLines SET amountMinor = 1", "DELETE FROM invoices",
      ] {
        await #expect(throws: (any Error).self, "\(sql)") { try await store.executeForTests(sql) }
      }
      try await store.write { tx in try tx.setInvoiceStatus(invoice.id, .paid) }
      #expect(try await store.read { tx in try tx.requireInvoice(invoice.id).status } == .paid)
    }
  }
}
