import Foundation
import OrderDomain
import Testing

@Suite("Notifications and invoices", .timeLimit(.minutes(5)))
struct NotificationAndInvoiceTests {
  @Test("N1: status changes map to notification types with a readable text")
  func statusNotifications() throws {
    let failed = order(.change, .provisioning)
    let change = try OrderFlow.transition(failed, to: .provisioningFailed, reason: "vendor down", by: .system, at: now)
    let notification = NewNotification.statusChanged(failed, change)
    #expect(notification.type == .provisioningFailed)
    #expect(notification.subject == .order("CH-000002"))
    #expect(notification.accountID == customer.id)
    #expect(notification.text == "order CH-000002 moved from provisioning to provisioningFailed by system: vendor down")
    var scheduled = order(.sales, .scheduled)
    scheduled.scheduledFor = UTCCalendar.date(year: 2026, month: 3, day: 1)
    #expect(NewNotification.orderCreated(scheduled).type == .orderScheduled)
    #expect(NewNotification.orderCreated(scheduled).text.contains("scheduled for 2026-03-01"))
  }

  @Test("invoices of sales orders describe lines by product name; totals are exact sums")
  func salesInvoice() throws {
    let line = OrderLine(
      sku: "BASIC", quantity: 2, unitPrice: usd("20.00"), amount: usd("40.00"), periodStart: now,
      periodEnd: UTCCalendar.adding(.monthly, to: now))
    var sale = order(.sales, .completed, subscription: nil)
    sale.lines = [line, OrderLine(sku: "AV", quantity: 1, unitPrice: usd("49.99"), amount: usd("49.99"))]
    let invoice = try NewInvoice.forOrder(sale, productNames: ["BASIC": "Basic plan"], issuedAt: now)
    #expect(invoice.total == usd("89.99"))
    #expect(invoice.lines.map(\.description) == ["Basic plan, 2026-01-31 to 2026-02-28", "AV"])
  }
}
