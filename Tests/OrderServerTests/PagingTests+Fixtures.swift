import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// The fixtures of ``PagingTests`` that need orders.
extension PagingTests {
  /// Five sales of a subscription and an asset to one account: five orders, invoices,
  /// subscriptions and assets, and their notifications.
  static func salesListing(_ list: ListCall, _ admin: Caller<TestOrderd.Transport>) async throws -> PageCall {
    let account = try await admin.createAccount("Customer")
    _ = try await admin.createProduct(sku: "SEAT")
    _ = try await admin.createProduct(sku: "TOOL", kind: .asset, price: "50.00")
    for _ in 1...5 { _ = try await admin.placeOrder(account: account.id, items: [("SEAT", 1), ("TOOL", 1)]) }
    let metadata = admin.metadata()
    switch list {
    case .listOrders:
      return { size, token in
        let page = try await admin.orders.listOrders(
          paged(size, token) { $0.accountID = account.id }, metadata: metadata)
        return (page.orders.map(\.id), page.nextPageToken)
      }
    case .listInvoices:
      return { size, token in
        let page = try await admin.invoices.listInvoices(paged(size, token), metadata: metadata)
        return (page.invoices.map(\.id), page.nextPageToken)
      }
    case .listSubscriptions:
      return { size, token in
        let page = try await admin.subscriptions.listSubscriptions(paged(size, token), metadata: metadata)
        return (page.subscriptions.map(\.id), page.nextPageToken)
      }
    case .listAssets:
      return { size, token in
        let page = try await admin.subscriptions.listAssets(paged(size, token), metadata: metadata)
        return (page.assets.map(\.id), page.nextPageToken)
      }
    default:
      return { size, token in
        let page = try await admin.notifications.listNotifications(paged(size, token), metadata: metadata)
        return (page.notifications.map { String($0.position) }, page.nextPageToken)
      }
    }
  }

  /// Three backorders received by the root from a tenant's sale and changes (B2).
  static func backorderListing(_ orderd: TestOrderd) async throws -> PageCall {
    let admin = orderd.root
    _ = try await admin.createProduct(sku: "SEAT", price: "7.00")
    let (_, tenant) = try await admin.createTenant("Reseller")
    _ = try await tenant.createProduct(sku: "SEAT", price: "10.00")
    let customer = try await tenant.createAccount("Customer")
    _ = try await tenant.placeOrder(account: customer.id, items: [("SEAT", 5)])
    let subscription = try #require(
      try await tenant.subscriptions.listSubscriptions(.init(), metadata: tenant.metadata()).subscriptions.first)
    _ = try await tenant.change(subscription.id) { $0.quantity = 8 }
    _ = try await tenant.change(subscription.id) { $0.quantity = 9 }
    try await admin.advanceClock(by: "PT1S")
    return { size, token in
      let page = try await admin.backorders.listBackorders(paged(size, token), metadata: admin.metadata())
      return (page.backorders.map(\.id), page.nextPageToken)
    }
  }

  /// A subscription with two pending scheduled changes (custom date and On Renewal, H4) and a
  /// feed of several entries (F3).
  static func subscriptionListing(_ list: ListCall, _ admin: Caller<TestOrderd.Transport>) async throws -> (
    PageCall, Int32
  ) {
    let account = try await admin.createAccount("Customer")
    _ = try await admin.createProduct(sku: "BASIC", price: "10.00") {
      $0.vendor = .microsoft
      $0.terms = [.p1Y]
    }
    _ = try await admin.placeOrder(account: account.id, items: [("BASIC", 5)])
    let subscription = try #require(
      try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first)
    let metadata = admin.metadata()
    if list == .listScheduledChanges {
      _ = try await admin.scheduleChange(subscription.id, on: "2027-02-01") { $0.quantity = 6 }
      _ = try await admin.scheduleChange(subscription.id) { $0.quantity = 9 }
      return (
        { size, token in
          let page = try await admin.subscriptions.listScheduledChanges(
            paged(size, token) { $0.subscriptionID = subscription.id }, metadata: metadata)
          return (page.changes.map(\.orderID), page.nextPageToken)
        }, 1
      )
    }
    for quantity in 6...9 { _ = try await admin.change(subscription.id) { $0.quantity = Int32(quantity) } }
    return (
      { size, token in
        let page = try await admin.subscriptions.listSubscriptionFeed(
          paged(size, token) { $0.subscriptionID = subscription.id }, metadata: metadata)
        return (page.entries.map { String($0.position) }, page.nextPageToken)
      }, 2
    )
  }
}
