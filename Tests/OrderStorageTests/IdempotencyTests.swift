import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Store: idempotency")
struct IdempotencyTests {
  /// Does the work of a request once per key, inside one transaction, like a handler would.
  func placeOrder(_ store: OrganizationStore, key: String, request: Data, now: Date) async throws -> Data {
    let hash = RequestHash.sha256(request)
    return try await store.write { tx in
      if let stored = try tx.idempotentOutcome(key: key, method: "PlaceOrder", requestHash: hash) {
        return stored.response
      }
      let account = try tx.accounts().first ?? tx.createAccount(NewAccount(name: "A", kind: .customer), now: now)
      let order = try tx.createOrder(simpleOrder(account: account.id), now: now)
      let response = Data(order.number.rawValue.utf8)
      try tx.recordOutcome(key: key, method: "PlaceOrder", requestHash: hash, response: response, now: now)
      return response
    }
  }

  @Test("the same key with the same request returns the stored outcome and does the work once")
  func sameRequest() async throws {
    try await withStore { store in
      let first = try await placeOrder(store, key: "k1", request: Data("buy 1".utf8), now: t0)
      let again = try await placeOrder(store, key: "k1", request: Data("buy 1".utf8), now: t0 + 5)
      #expect(first == again)
      #expect(try await store.read { tx in try tx.orders().count } == 1)
      let other = try await placeOrder(store, key: "k2", request: Data("buy 1".utf8), now: t0 + 5)
      #expect(other != first)
    }
  }

  @Test("the same key with a different request is refused with invalidArgument")
  func differentRequest() async throws {
    try await withStore { store in
      _ = try await placeOrder(store, key: "k1", request: Data("buy 1".utf8), now: t0)
      let error = await #expect(throws: DomainError.self) {
        _ = try await placeOrder(store, key: "k1", request: Data("buy 2".utf8), now: t0)
      }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message.contains("use a new key") == true)
      #expect(try await store.read { tx in try tx.orders().count } == 1)
    }
  }

  @Test("the same key for another method is refused")
  func differentMethod() async throws {
    try await withStore { store in
      let hash = RequestHash.sha256(Data("x".utf8))
      try await store.write { tx in
        try tx.recordOutcome(key: "k", method: "A", requestHash: hash, response: Data(), now: t0)
      }
      await #expect(throws: DomainError.self) {
        _ = try await store.read { tx in try tx.idempotentOutcome(key: "k", method: "B", requestHash: hash) }
      }
    }
  }

  @Test("entries are kept 24 hours, then purged")
  func purge() async throws {
    try await withStore { store in
      let hash = RequestHash.sha256(Data())
      try await store.write { tx in
        try tx.recordOutcome(key: "old", method: "M", requestHash: hash, response: Data(), now: t0)
        try tx.recordOutcome(key: "new", method: "M", requestHash: hash, response: Data(), now: t0 + 3600)
      }
      let keptAll = try await store.write { tx in try tx.purgeIdempotency(now: t0 + 24 * 3600) }
      #expect(keptAll == 0)
      let purged = try await store.write { tx in try tx.purgeIdempotency(now: t0 + 24 * 3600 + 1) }
      #expect(purged == 1)
      let remaining = try await store.read { tx in
        (
          try tx.idempotentOutcome(key: "old", method: "M", requestHash: hash),
          try tx.idempotentOutcome(key: "new", method: "M", requestHash: hash)
        )
      }
      #expect(remaining.0 == nil)
      #expect(remaining.1 != nil)
    }
  }
}
