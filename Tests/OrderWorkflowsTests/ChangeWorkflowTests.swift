import Foundation
import OrderDomain
import OrderStorage
import OrderWorkflows
import Testing

/// Scheduled changes and future requests through their workflows, without gRPC.
@Suite("Change and renewal workflows", .timeLimit(.minutes(1)))
struct ChangeWorkflowTests {
  static func subscription(_ org: WorkflowStore) async throws -> Subscription {
    try await org.createCatalog()
    let (account, _) = try await org.customerWithPurchase("A")
    return try await org.read(as: org.admin) { scoped in
      try #require(scoped.subscriptions(accountID: account.id).first?.subscription)
    }
  }

  static func onRenewal(_ subscription: Subscription, quantity: Int, now: Date) -> ScheduleChange {
    ScheduleChange(
      subscriptionID: subscription.id, actions: [.quantity(quantity)], timing: .onRenewal, date: nil, by: .system,
      organizationKind: .root, currency: "USD", now: now)
  }

  @Test("H4, N1: a new On Renewal change supersedes the pending one, which is notified as superseded")
  func supersededIsNotified() async throws {
    try await WorkflowStore.with { org in
      let subscription = try await Self.subscription(org)
      let now = WorkflowStore.start
      let first = try await org.write(as: org.admin) { scoped in
        try Self.onRenewal(subscription, quantity: 4, now: now).run(scoped)
      }
      let second = try await org.write(as: org.admin) { scoped in
        try Self.onRenewal(subscription, quantity: 6, now: now + 60).run(scoped)
      }
      let firstOrder = try #require(first.order?.order)
      let secondOrder = try #require(second.order?.order)
      let log = try await org.store.read { tx in try tx.notifications(subject: .order(firstOrder.number)) }
      #expect(log.last?.type == .orderSuperseded)
      #expect(log.last?.text.hasSuffix("replaced by \(secondOrder.number)") == true)
      let pending = try await org.read(as: org.admin) { scoped in
        try scoped.subscriptionDetails(subscription.id).pendingChanges.map(\.order.id)
      }
      #expect(pending == [secondOrder.id])
    }
  }

  @Test("F1, F2, F3: a future request is set once, revoked, and each is a comment on the subscription's feed")
  func futureRequestFeed() async throws {
    try await WorkflowStore.with { org in
      let subscription = try await Self.subscription(org)
      let now = WorkflowStore.start
      let set = try await org.write(as: org.admin) { scoped in
        try SetFutureRequest(subscriptionID: subscription.id, quantity: 8, currency: "USD", now: now).run(scoped)
      }
      #expect(set.futureRequest?.quantity == 8)
      let again = await #expect(throws: DomainError.self) {
        try await org.write(as: org.admin) { scoped in
          try SetFutureRequest(subscriptionID: subscription.id, quantity: 9, currency: "USD", now: now).run(scoped)
        }
      }
      #expect(again?.code == .failedPrecondition)
      let revoked = try await org.write(as: org.admin) { scoped in
        try RevokeFutureRequest(subscriptionID: subscription.id, now: now + 60).run(scoped)
      }
      #expect(revoked.futureRequest == nil)
      let comments = try await org.read(as: org.admin) { scoped in
        try scoped.feed(of: subscription.id).filter { $0.type == .subscriptionComment }
      }
      #expect(comments.count == 2)
      #expect(comments.first?.text.hasPrefix("Future request: quantity 2 -> 8") == true)
      #expect(comments.last?.text.hasPrefix("Future request revoked: quantity 8 will not apply") == true)
      #expect(comments.last?.time == now + 60)
      let missing = await #expect(throws: DomainError.self) {
        try await org.write(as: org.admin) { scoped in
          try RevokeFutureRequest(subscriptionID: subscription.id, now: now).run(scoped)
        }
      }
      #expect(missing?.code == .failedPrecondition)
    }
  }
}
