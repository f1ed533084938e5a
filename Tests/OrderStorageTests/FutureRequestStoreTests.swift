import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Store: future requests and the subscription feed", .timeLimit(.minutes(5)))
struct FutureRequestStoreTests {
  @Test("F1: a future request is stored once per subscription")
  func setOnce() async throws {
    try await withStore { store in
      let (stored, feed, request) = try await store.write { tx in
        let seeded = try tx.seed()
        let request = FutureRequest(
          subscriptionID: seeded.subscription.id, quantity: 8, createdAt: t0, createdBy: .admin("k1"))
        try tx.setFutureRequest(request)
        return (
          try tx.futureRequest(of: seeded.subscription.id), try tx.notifications(subject: .subscription("SUB-000001")),
          request
        )
      }
      // A second one breaks the table's key, which storage reports as a DomainError.
      let duplicate = await #expect(throws: DomainError.self) {
        try await store.write { tx in try tx.setFutureRequest(request) }
      }
      #expect(stored?.quantity == 8 && stored?.createdBy == .admin("k1") && stored?.createdAt == t0)
      #expect(duplicate?.code == .alreadyExists)
      // The feed's comment (F3) is the workflow's: storage writes none.
      #expect(feed.isEmpty)
    }
  }

  @Test("F2: deleting removes the request and returns it, once")
  func delete() async throws {
    try await withStore { store in
      let (feed, after) = try await store.write { tx in
        let seeded = try tx.seed()
        let id = seeded.subscription.id
        try tx.setFutureRequest(FutureRequest(subscriptionID: id, quantity: 9, createdAt: t0, createdBy: .system))
        #expect(try tx.deleteFutureRequest(of: id)?.quantity == 9)
        #expect(try tx.deleteFutureRequest(of: id) == nil)
        return (try tx.notifications(subject: .subscription(id)), try tx.futureRequest(of: id))
      }
      #expect(after == nil)
      #expect(feed.isEmpty)
    }
  }

  @Test("F3, N1: the feed lists only the subject's notifications, in order, from a position, at most limit")
  func feed() async throws {
    try await withStore { store in
      try await store.write { tx in
        let first = try tx.seed(accountName: "A")
        let second = try tx.seed(accountName: "B")
        for (index, id) in [first.subscription.id, second.subscription.id, first.subscription.id].enumerated() {
          let subscription = try tx.requireSubscription(id)
          try tx.appendNotification(
            .futureRequestCreated(
              FutureRequest(subscriptionID: id, quantity: 10 + index, createdAt: t0, createdBy: .system),
              subscription: subscription))
        }
        let feed = try tx.notifications(subject: .subscription(first.subscription.id))
        #expect(feed.map(\.text).map { $0.contains("-> 10 ") || $0.contains("-> 12 ") } == [true, true])
        #expect(feed[0].position < feed[1].position)
        #expect(try tx.notifications(subject: .subscription(first.subscription.id), limit: 1).count == 1)
        #expect(
          try tx.notifications(subject: .subscription(first.subscription.id), after: feed[0].position) == [feed[1]])
      }
    }
  }
}
