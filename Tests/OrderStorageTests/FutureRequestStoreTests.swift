import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Store: future requests and the subscription feed", .timeLimit(.minutes(5)))
struct FutureRequestStoreTests {
  @Test("F1, F3: a future request is stored once and commented on the subscription's feed")
  func setAndComment() async throws {
    try await withStore { store in
      let (stored, feed, duplicate) = try await store.write { tx in
        let seeded = try tx.seed()
        let request = FutureRequest(
          subscriptionID: seeded.subscription.id, quantity: 8, createdAt: t0, createdBy: .admin("k1"))
        try tx.setFutureRequest(request)
        let duplicate = #expect(throws: DomainError.self) { try tx.setFutureRequest(request) }
        return (
          try tx.futureRequest(of: seeded.subscription.id), try tx.notifications(subject: .subscription("SUB-000001")),
          duplicate
        )
      }
      #expect(stored?.quantity == 8 && stored?.createdBy == .admin("k1") && stored?.createdAt == t0)
      #expect(duplicate?.code == .alreadyExists)
      #expect(feed.map(\.type) == [.subscriptionComment])
      #expect(feed.first?.text == "Future request: quantity 5 -> 8 at the renewal on 2027-01-01, by admin:k1")
      #expect(feed.first?.accountID == "ACC-000001")
    }
  }

  @Test("F2, F3: revoking removes the request and comments; applying it at the renewal does not comment")
  func revoke() async throws {
    try await withStore { store in
      let (feed, after, missing) = try await store.write { tx in
        let seeded = try tx.seed()
        let id = seeded.subscription.id
        try tx.setFutureRequest(FutureRequest(subscriptionID: id, quantity: 8, createdAt: t0, createdBy: .system))
        let revoked = try tx.revokeFutureRequest(of: id, by: .storefront(seeded.account.id), now: t0 + 60)
        #expect(revoked.quantity == 8)
        let missing = #expect(throws: DomainError.self) { try tx.revokeFutureRequest(of: id, by: .system, now: t0) }
        try tx.setFutureRequest(FutureRequest(subscriptionID: id, quantity: 9, createdAt: t0, createdBy: .system))
        #expect(try tx.deleteFutureRequest(of: id)?.quantity == 9)
        #expect(try tx.deleteFutureRequest(of: id) == nil)
        return (try tx.notifications(subject: .subscription(id)), try tx.futureRequest(of: id), missing)
      }
      #expect(after == nil)
      #expect(missing?.code == .notFound)
      #expect(feed.count == 3)
      #expect(feed[1].text.hasPrefix("Future request revoked: quantity 8 will not apply at the renewal on 2027-01-01"))
      #expect(feed[1].text.hasSuffix("by storefront:ACC-000001"))
      #expect(feed[1].time == t0 + 60)
    }
  }

  @Test("F3, N1: the feed lists only the subject's notifications, in order, from a position, at most limit")
  func feed() async throws {
    try await withStore { store in
      try await store.write { tx in
        let first = try tx.seed(accountName: "A")
        let second = try tx.seed(accountName: "B")
        for (index, id) in [first.subscription.id, second.subscription.id, first.subscription.id].enumerated() {
          try tx.setFutureRequest(
            FutureRequest(subscriptionID: id, quantity: 10 + index, createdAt: t0, createdBy: .system))
          _ = try tx.deleteFutureRequest(of: id)
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
