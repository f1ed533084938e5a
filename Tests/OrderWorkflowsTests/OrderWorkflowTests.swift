import Foundation
import OrderDomain
import OrderStorage
import OrderWorkflows
import Testing

/// Orders through their workflows, without gRPC: placed, stalled, retried, notified.
@Suite("Order workflows", .timeLimit(.minutes(1)))
struct OrderWorkflowTests {
  @Test("O4, N1: every status change of a placed order is in its history and notified, in order")
  func historyAndNotifications() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let (_, placed) = try await org.customerWithPurchase("A")
      #expect(placed.order.status == .completed)
      let log = try await org.store.read { tx in try tx.notifications(subject: .order(placed.order.number)) }
      #expect(log.count == placed.history.count)
      #expect(log.first?.type == .orderCreated)
      #expect(log.last?.type == .orderCompleted)
      #expect(log.allSatisfy { $0.accountID == placed.order.accountID })
      #expect(log.map(\.position) == log.map(\.position).sorted())
    }
  }

  @Test("O2: a retry runs the step its flow names: a stalled sale is provisioned again and completes")
  func retryByFlow() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let now = WorkflowStore.start
      _ = try await org.write(as: org.admin) { scoped in
        try SetVendorBehavior(VendorBehavior(failProvisioning: .once), sku: "SEAT").run(scoped)
      }
      let (account, placed) = try await org.customerWithPurchase("A")
      #expect(placed.order.status == .provisioningFailed)
      await #expect(throws: DomainError.self) {
        try await org.write(as: org.storefront(account.id)) { scoped in
          try RetryOrder(key: placed.order.number.rawValue, currency: "USD", now: now).run(scoped)
        }
      }
      let retried = try await org.write(as: org.admin) { scoped in
        try RetryOrder(key: placed.order.number.rawValue, currency: "USD", now: now + 60).run(scoped)
      }
      #expect(retried.order.status == .completed)
      #expect(retried.history.map(\.to).suffix(2) == [.provisioning, .completed])
    }
  }

  @Test("S1: a date that is not in the future is refused, naming the first day allowed")
  func scheduledToday() async throws {
    try await WorkflowStore.with { org in
      try await org.createCatalog()
      let now = WorkflowStore.start
      let error = await #expect(throws: DomainError.self) {
        try await org.write(as: org.admin) { scoped in
          let account = try CreateAccount(NewAccount(name: "A", kind: .customer), now: now).run(scoped)
          return try PlaceOrder(
            accountID: account.id, items: [RequestedItem(sku: "SEAT", quantity: 1)], changeItems: [],
            executionDate: UTCCalendar.civilDate(of: now), currency: "USD", now: now
          ).run(scoped)
        }
      }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message.contains("not in the future; choose 2026-01-02 or later") == true)
    }
  }
}
