import Foundation
import GRDB
import OrderDomain
import OrderTesting
import Testing

@testable import OrderStorage

@Suite("Store: flow-checked status changes", .timeLimit(.minutes(5)))
struct TransitionStoreTests {
  @Test("O2: status changes follow the flow; an illegal one is refused and changes nothing")
  func followsFlow() async throws {
    try await withStore { store in
      let order = try await store.write { tx in
        let order = try tx.changeOrder(try tx.seed())
        try tx.transition(order.id, from: .executing, to: .provisioning, reason: "sent", by: .system, now: t0 + 1)
        try tx.transition(order.id, to: .provisioningFailed, reason: "vendor down", by: .vendorSystem, now: t0 + 2)
        return order
      }
      await #expect(throws: DomainError.self) {
        try await store.write { tx in
          try tx.transition(order.id, to: .completed, reason: "x", by: .system, now: t0 + 3)
        }
      }
      let status = try await store.read { tx in try tx.requireOrder(order.id).status }
      #expect(status == .provisioningFailed)
      let retried = try await store.write { tx in
        try tx.apply(.retry, to: order.id, reason: "retry by admin", by: .admin("k1"), now: t0 + 4)
      }
      #expect(retried.status == .provisioning)
    }
  }

  @Test("O4: every change is in the history, in order; storage notifies none (the workflows do, N1)")
  func history() async throws {
    try await withStore { store in
      let (history, log) = try await store.write { tx in
        let order = try tx.changeOrder(try tx.seed(), status: .scheduled)
        try tx.transition(order.id, to: .executing, reason: "due", by: .system, now: t0 + 1)
        try tx.transition(order.id, to: .completed, reason: "done", by: .system, now: t0 + 2)
        return (try tx.statusHistory(of: order.id), try tx.notifications(after: 0))
      }
      #expect(history.map(\.to) == [.scheduled, .executing, .completed])
      // Not even the order's creation: the workflows notify that too.
      #expect(log.isEmpty)
    }
  }

  @Test("O2: cancel is refused where the flow has no cancel edge; a stale expected status is refused")
  func manualCancel() async throws {
    try await withStore { store in
      try await store.write { tx in
        let order = try tx.changeOrder(try tx.seed())
        #expect(throws: DomainError.self) {
          try tx.apply(.cancel, to: order.id, reason: "no", by: .admin("k"), now: t0)
        }
        #expect(throws: DomainError.self) {
          try tx.transition(order.id, from: .scheduled, to: .provisioning, reason: "x", by: .system, now: t0)
        }
      }
    }
  }

  @Test("one order in progress per subscription: the open orders of a subscription feed the check")
  func openOrders() async throws {
    try await withStore { store in
      try await store.write { tx in
        let seeded = try tx.seed()
        let waiting = try tx.changeOrder(seeded, status: .scheduled)
        try OrderFlow.requireNoneInProgress(
          subscription: seeded.subscription.id, orders: try tx.openOrders(subscriptionID: seeded.subscription.id))
        let busy = try tx.changeOrder(seeded)
        let open = try tx.openOrders(subscriptionID: seeded.subscription.id)
        #expect(open.map(\.id) == [waiting.id, busy.id])
        #expect(open.allSatisfy { $0.subscriptionID == seeded.subscription.id })
        #expect(throws: DomainError.self) {
          try OrderFlow.requireNoneInProgress(subscription: seeded.subscription.id, orders: open)
        }
        try tx.transition(busy.id, to: .completed, reason: "done", by: .system, now: t0)
        #expect(try tx.openOrders(subscriptionID: seeded.subscription.id).map(\.id) == [waiting.id])
        #expect(try tx.orders(OrderFilter(subscriptionID: seeded.subscription.id)).count == 2)
      }
    }
  }

  @Test("O5: an order's subscription cannot be changed afterwards; an unknown subscription is refused")
  func subscriptionLinkImmutable() async throws {
    try await withStore { store in
      let order = try await store.write { tx in try tx.changeOrder(try tx.seed()) }
      await #expect(throws: (any Error).self) {
        try await store.executeForTests("UPDATE orders SET subscriptionID = NULL")
      }
      #expect(try await store.read { tx in try tx.requireOrder(order.id).subscriptionID } == order.subscriptionID)
      await #expect(throws: DomainError.self) {
        try await store.write { tx in
          var new = simpleOrder(.change, account: order.accountID)
          new.subscriptionID = "SUB-999999"
          return try tx.createOrder(new, now: t0)
        }
      }
    }
  }
}
