import Foundation
import OrderDomain
import OrderStorage
import OrderWorkflows
import Testing

/// The notifications of created orders, invoices, executed changes and asset events, which
/// the workflows append (storage notifies nothing), in the transaction of the write.
@Suite("Notifications written by the workflows", .timeLimit(.minutes(1)))
struct NotificationWorkflowTests {
  @Test("N1, H10: a created order is notified: OrderCreated when placed now, OrderScheduled when for a date")
  func orderCreated() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let now = WorkflowStore.start
      let (account, placed) = try await org.customerWithPurchase("A")
      let scheduled = try await org.write(as: org.admin) { scoped in
        try PlaceOrder(
          accountID: account.id, items: [RequestedItem(sku: "SEAT", quantity: 1)], changeItems: [],
          executionDate: UTCCalendar.civilDate(of: now + 3 * 86_400), currency: "USD", now: now
        ).run(scoped)
      }
      let (placedLog, scheduledLog) = try await org.store.read { tx in
        (
          try tx.notifications(subject: .order(placed.order.number)),
          try tx.notifications(subject: .order(scheduled.order.number))
        )
      }
      let created = try #require(placedLog.first)
      #expect(created.type == .orderCreated && created.accountID == account.id && created.time == now)
      #expect(created.text.hasPrefix("order \(placed.order.number) (") && created.text.contains(") created by "))
      #expect(scheduledLog.map(\.type) == [.orderScheduled])
      #expect(scheduledLog.first?.text.contains("scheduled for 2026-01-04 by ") == true)
    }
  }

  @Test("N1: a placement's log keeps its order: created, sent, the asset's sync, completed, invoiced")
  func placementInOrder() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let (_, placed) = try await org.customerWithPurchase("A")
      let log = try await org.store.read { tx in try tx.notifications(after: 0) }
      #expect(log.map(\.type) == Self.placement, "\(log.map(\.type))")
      #expect(log.map(\.position) == log.map(\.position).sorted())
      #expect(log.first?.subject == .order(placed.order.number))
    }
  }

  /// The log of ``WorkflowStore/customerWithPurchase(_:)``, as storage wrote it before the
  /// workflows did.
  static let placement: [NotificationType] = [
    .orderCreated, .orderStatusChanged, .assetSynchronized, .orderCompleted, .invoiceIssued,
  ]

  @Test("N1: a completed order's invoice is notified as InvoiceIssued, for the order's account")
  func invoiceIssued() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let (account, placed) = try await org.customerWithPurchase("A")
      let invoice = try await org.read(as: org.admin) { scoped in
        try #require(scoped.invoices(accountID: account.id).first).invoice
      }
      let log = try await org.store.read { tx in try tx.notifications(subject: .invoice(invoice.id)) }
      #expect(log.map(\.type) == [.invoiceIssued])
      #expect(log.first?.accountID == account.id && log.first?.time == invoice.issuedAt)
      #expect(log.first?.text == "invoice \(invoice.id) of \(invoice.total) issued for order \(placed.order.number)")
    }
  }

  @Test("C1, N1: an executed change is notified as SubscriptionChanged, naming its order (a setting alone has none)")
  func subscriptionChanged() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let now = WorkflowStore.start
      let (account, _) = try await org.customerWithPurchase("A")
      let (id, change) = try await org.write(as: org.admin) { scoped in
        let id = try #require(scoped.subscriptions(accountID: account.id).first?.subscription.id)
        let change = try ChangeSubscription(subscriptionID: id, actions: [.quantity(4)], currency: "USD", now: now + 60)
          .run(scoped)
        _ = try ChangeSubscription(subscriptionID: id, actions: [.autoRenew(false)], currency: "USD", now: now + 120)
          .run(scoped)
        return (id, change)
      }
      let order = try #require(change.order?.order)
      let log = try await org.store.read { tx in
        try tx.notifications(subject: .subscription(id)).filter { $0.type == .subscriptionChanged }
      }
      #expect(log.count == 2)
      #expect(log.allSatisfy { $0.accountID == account.id })
      #expect(log.first?.text.hasPrefix("subscription \(id) changed by order \(order.number) (") == true)
      #expect(log.first?.text.hasSuffix("quantity 2 -> 4") == true)
      #expect(log.last?.text.hasPrefix("subscription \(id) changed (") == true)
      #expect(log.last?.text.hasSuffix("auto-renew on -> off") == true)
    }
  }

  @Test(
    "A1, A2, N1: the vendor's answers for an asset are notified: AssetSyncFailed with its reason, then AssetSynchronized"
  )
  func assetSync() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let now = WorkflowStore.start
      _ = try await org.write(as: org.admin) { scoped in
        try SetVendorBehavior(VendorBehavior(failProvisioning: .once), sku: "AV").run(scoped)
      }
      let (account, _) = try await org.customerWithPurchase("A")
      let asset = try await org.write(as: org.admin) { scoped in
        let asset = try #require(scoped.assets(accountID: account.id).first)
        #expect(asset.syncStatus == .failed)
        return try ResyncAsset(id: asset.id, now: now + 60).run(scoped)
      }
      #expect(asset.syncStatus == .synchronized)
      let log = try await org.store.read { tx in try tx.notifications(subject: .asset(asset.id)) }
      #expect(log.map(\.type) == [.assetSyncFailed, .assetSynchronized])
      #expect(log.map(\.time) == [now, now + 60])
      #expect(log.allSatisfy { $0.accountID == account.id })
      #expect(log.first?.text.hasPrefix("asset \(asset.id) failed to synchronize: ") == true)
      #expect(log.last?.text == "asset \(asset.id) synchronized")
    }
  }

  @Test("A3, N1: an asset expires on its expiration date by its job, notified as AssetExpired")
  func assetExpired() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let (account, _) = try await org.customerWithPurchase("A")
      let organization = org.organizationID
      let (asset, expiration) = try await org.store.write { tx in
        let asset = try #require(tx.assets(accountID: account.id).first)
        let expiration = try #require(asset.expirationDate)
        let job = try #require(tx.jobs(.expireAssets, subject: asset.id.rawValue).first)
        try ExpireAssetsJob().run(
          job, tx: tx, context: JobContext(organization: organization, currency: "USD", now: expiration))
        return (try tx.requireAsset(asset.id), expiration)
      }
      #expect(asset.status == .expired)
      let log = try await org.store.read { tx in try tx.notifications(subject: .asset(asset.id)) }
      #expect(log.map(\.type) == [.assetSynchronized, .assetExpired])
      #expect(log.last?.time == expiration && log.last?.accountID == account.id)
      #expect(log.last?.text == "asset \(asset.id) (\(asset.name)) expired")
    }
  }
}
