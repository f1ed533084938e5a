import Foundation
import OrderDomain
import OrderStorage
import OrderWorkflows
import Testing

/// The parent's side of backordering through its workflows, without gRPC.
@Suite("Backorder workflows", .timeLimit(.minutes(1)))
struct BackorderWorkflowTests {
  @Test("B2: an applied sale links the tenant's subscription; the parent applies its later change to it")
  func saleThenChange() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let now = WorkflowStore.start
      let tenant = OrganizationID.random()
      let account = try await org.write(as: org.admin) { scoped in
        try CreateAccount(NewAccount(name: "Tenant", kind: .customer), now: now).run(scoped)
      }
      let tenantSubscription = SubscriptionID("tenant-subscription")
      let changes = [
        BackorderChange(
          sequence: 1, subscriptionID: tenantSubscription, kind: .sale, sku: "SEAT", quantity: 2,
          orderNumber: OrderNumber("SO-000001"), at: now),
        BackorderChange(
          sequence: 2, subscriptionID: tenantSubscription, kind: .quantity, sku: "SEAT", quantity: 8,
          orderNumber: OrderNumber("CH-000002"), at: now + 60),
      ]
      let (delivered, failure) = try await org.store.write { tx in
        let (delivered, failure) = try BackorderReceipt.receive(
          changes, tenant: tenant, account: account.id, currency: "USD", tx: tx, now: now + 120)
        return (delivered, failure.map { "\($0)" })
      }
      #expect(delivered == 2 && failure == nil)
      try await org.read(as: org.admin) { (scoped: ScopedTransaction) throws in
        let backorders = try scoped.backorders(status: nil)
        #expect(backorders.map(\.status) == [.applied, .applied])
        let subscriptions = try scoped.subscriptions(accountID: account.id).map(\.subscription)
        #expect(subscriptions.count == 1)
        #expect(subscriptions.first?.quantity == 8)
        #expect(backorders.allSatisfy { $0.subscriptionID == subscriptions.first?.id })
      }
    }
  }

  @Test("B6: a new backorder is notified as BackorderReceived, for admins only; a repeated delivery is not")
  func receivedIsNotified() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let now = WorkflowStore.start
      let account = try await org.write(as: org.admin) { scoped in
        try CreateAccount(NewAccount(name: "Tenant", kind: .customer), now: now).run(scoped)
      }
      let sale = BackorderChange(
        sequence: 1, subscriptionID: SubscriptionID("tenant-subscription"), kind: .sale, sku: "SEAT", quantity: 2,
        orderNumber: OrderNumber("SO-000001"), at: now)
      let log = try await org.store.write { tx in
        for _ in 0..<2 {
          let (delivered, failure) = try BackorderReceipt.receive(
            [sale], tenant: OrganizationID("tenant-a"), account: account.id, currency: "USD", tx: tx, now: now + 60)
          #expect(delivered == 1 && failure == nil)
        }
        return try tx.notifications(after: 0).filter { $0.subject.kind == .backorder }
      }
      #expect(log.map(\.type) == [.backorderReceived])
      #expect(log.first?.subject == .backorder("BKO-000001") && log.first?.accountID == nil)
      #expect(log.first?.time == now + 60)
      #expect(log.first?.text.hasPrefix("backorder BKO-000001 received from tenant tenant-a for account ") == true)
    }
  }

  @Test("B3, B6: a backorder the parent cannot apply stalls, notified as BackorderFailed with its reason")
  func stalledIsNotified() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let now = WorkflowStore.start
      let account = try await org.write(as: org.admin) { scoped in
        try CreateAccount(NewAccount(name: "Tenant", kind: .customer), now: now).run(scoped)
      }
      let sale = BackorderChange(
        sequence: 1, subscriptionID: SubscriptionID("tenant-subscription"), kind: .sale, sku: "NOT-IN-CATALOG",
        quantity: 2,
        orderNumber: OrderNumber("SO-000001"), at: now)
      let (backorder, log) = try await org.store.write { tx in
        _ = try BackorderReceipt.receive(
          [sale], tenant: OrganizationID("tenant-a"), account: account.id, currency: "USD", tx: tx, now: now + 60)
        return (
          try #require(tx.backorders().first),
          try tx.notifications(after: 0).filter { $0.subject.kind == .backorder }
        )
      }
      #expect(backorder.status == .stalled)
      let reason = try #require(backorder.reason)
      #expect(log.map(\.type) == [.backorderReceived, .backorderFailed])
      #expect(log.allSatisfy { $0.subject == .backorder(backorder.id) && $0.accountID == nil })
      #expect(log.last?.time == now + 60)
      #expect(log.last?.text.contains("stalled: \(reason). Fix the cause") == true)
    }
  }
}
