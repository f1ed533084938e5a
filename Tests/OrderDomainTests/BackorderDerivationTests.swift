import Foundation
import OrderDomain
import Testing

@Suite("Backorders: what a tenant relays to its parent", .timeLimit(.minutes(5)))
struct BackorderDerivationTests {
  let number = OrderNumber("SO-000001")

  @Test("B2: a completed sales order relays one sale per subscription created, add-ons with their base")
  func sales() {
    var addon = subscription("SUB-000002", sku: "STORAGE")
    addon.parentSubscriptionID = "SUB-000001"
    addon.quantity = 3
    let changes = BackorderChange.sales([renewing(), addon], orderNumber: number, at: now)
    #expect(changes.map(\.kind) == [.sale, .sale])
    #expect(changes.map(\.subscriptionID) == ["SUB-000001", "SUB-000002"])
    #expect(changes.map(\.quantity) == [5, 3])
    #expect(changes.map(\.baseSubscriptionID) == [nil, "SUB-000001"])
    #expect(changes.allSatisfy { $0.sequence == nil && $0.orderNumber == number && $0.at == now })
  }

  @Test("B2: a completed immediate quantity change relays the new quantity")
  func quantityChange() throws {
    let plan = try ChangePlanner(catalog: catalog, currency: "USD").plan(renewing(), actions: [.quantity(8)], now: now)
    let changes = BackorderChange.changes(plan, orderNumber: "CH-000001", at: now)
    #expect(changes.count == 1)
    #expect(changes.first?.kind == .quantity)
    #expect(changes.first?.quantity == 8)
    #expect(changes.first?.sku == "O365-E3")
    #expect(changes.first?.orderNumber == "CH-000001")
  }

  @Test("B2: an upgrade relays the new SKU, the previous one and the quantity after it")
  func upgrade() {
    var after = renewing()
    after.sku = "O365-E5"
    after.quantity = 7
    let changes = BackorderChange.changes(before: renewing(), after: after, orderNumber: "CH-000002", at: now)
    #expect(
      changes == [
        BackorderChange(
          subscriptionID: "SUB-000001", kind: .upgrade, sku: "O365-E5", quantity: 7, previousSKU: "O365-E3",
          orderNumber: "CH-000002", at: now)
      ])
  }

  @Test("B2: a cancellation relays the subscription's and each add-on's cancellation")
  func cancellation() {
    var after = renewing()
    after.status = .cancelled
    var addon = subscription("SUB-000002", sku: "STORAGE", status: .cancelled)
    addon.parentSubscriptionID = "SUB-000001"
    let plan = ChangePlan(
      orderType: .cancellation, lines: [], invoiceLines: [], total: .zero("USD"), before: renewing(), after: after,
      cancelledAddons: [addon], details: [])
    let changes = BackorderChange.changes(plan, orderNumber: "CL-000001", at: now)
    #expect(changes.map(\.kind) == [.cancellation, .cancellation])
    #expect(changes.map(\.subscriptionID) == ["SUB-000001", "SUB-000002"])
    #expect(changes.first?.quantity == 5)
  }

  @Test("B2: term, billing cycle and auto-renew changes relay nothing")
  func settingsOnly() {
    var after = renewing()
    after.term = .oneYear
    after.autoRenew = false
    #expect(BackorderChange.changes(before: renewing(), after: after, orderNumber: number, at: now).isEmpty)
  }

  @Test("B2: a renewal that applied a future request relays it as an immediate quantity change")
  func renewalWithFutureRequest() throws {
    let plan = try renewals.plan(renewing(), pending: .futureRequest(request(8)), now: feb28)
    #expect(plan.outcome == .renewal)
    let changes = BackorderChange.changes(plan, orderNumber: "RN-000001", at: feb28)
    #expect(changes.map(\.kind) == [.quantity])
    #expect(changes.first?.quantity == 8)
  }

  @Test("B2: a renewal without a change, and an expiry, relay nothing")
  func renewalUnchanged() throws {
    let plain = try renewals.plan(renewing(), now: feb28)
    #expect(BackorderChange.changes(plain, orderNumber: "RN-000001", at: feb28).isEmpty)
    let expiry = try renewals.plan(renewing(autoRenew: false), pending: .futureRequest(request(8)), now: feb28)
    #expect(expiry.outcome == .expiry)
    #expect(BackorderChange.changes(expiry, orderNumber: "RN-000002", at: feb28).isEmpty)
  }
}
