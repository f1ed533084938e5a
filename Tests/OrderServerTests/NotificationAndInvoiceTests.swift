import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

@Suite("Notifications and invoices", .timeLimit(.minutes(5)))
struct NotificationAndInvoiceTests {
  @Test("N1: order events are in the organization's ordered log; storefront users see only their account's")
  func notificationLog() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let a = try await admin.createAccount("A")
      let b = try await admin.createAccount("B")
      _ = try await admin.createProduct(sku: "SUB-1")
      let orderA = try await admin.placeOrder(account: a.id, items: [("SUB-1", 1)])
      _ = try await admin.placeOrder(account: b.id, items: [("SUB-1", 1)])
      let log = try await admin.notifications.listNotifications(.init(), metadata: admin.metadata())
      let positions = log.notifications.map(\.position)
      #expect(positions == positions.sorted() && Set(positions).count == positions.count)
      #expect(log.lastPosition == positions.last)
      let forA = log.notifications.filter { $0.accountID == a.id }
      #expect(forA.map(\.type).starts(with: ["OrderCreated"]))
      #expect(forA.contains { $0.type == "OrderCompleted" && $0.subjectID == orderA.number && !$0.text.isEmpty })
      #expect(forA.contains { $0.type == "InvoiceIssued" && $0.subjectKind == "invoice" })
      // Continue from a position: nothing is repeated.
      let rest = try await admin.notifications.listNotifications(
        .with { $0.after = positions[2] }, metadata: admin.metadata())
      #expect(rest.notifications.map(\.position) == Array(positions.dropFirst(3)))
      // A storefront key sees its own account's entries only.
      let storefront = try await admin.storefront(for: a.id)
      let seen = try await storefront.notifications.listNotifications(.init(), metadata: storefront.metadata())
      #expect(!seen.notifications.isEmpty)
      #expect(seen.notifications.allSatisfy { $0.accountID == a.id })
    }
  }

  @Test("invoices have lines with product, quantity, unit price, period and amount; paying one makes a PO")
  func invoicesAndPayment() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SUB-1", name: "Plan One", price: "12.50")
      let order = try await admin.placeOrder(account: account.id, items: [("SUB-1", 4)])
      let invoice = try #require(
        try await admin.invoices.listInvoices(.init(), metadata: admin.metadata()).invoices.first)
      #expect(invoice.orderID == order.id)
      #expect(invoice.total.minorUnits == 5000)
      #expect(invoice.status == "open")
      let line = try #require(invoice.lines.first)
      #expect(line.sku == "SUB-1" && line.quantity == 4 && line.unitPrice.minorUnits == 1250)
      #expect(line.description_p.contains("Plan One"))
      #expect(line.periodStart.date == TestOrderd.start)
      let paid = try await admin.invoices.payInvoice(.with { $0.id = invoice.id }, metadata: admin.metadata())
      #expect(paid.invoice.status == "paid")
      #expect(paid.payment.type == .po)
      #expect(paid.payment.status == "completed")
      #expect(paid.payment.total == invoice.total)
      let twice = await statusCode {
        _ = try await admin.invoices.payInvoice(.with { $0.id = invoice.id }, metadata: admin.metadata())
      }
      #expect(twice == .failedPrecondition)
    }
  }
}
