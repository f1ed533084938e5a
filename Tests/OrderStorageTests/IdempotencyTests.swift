import Foundation
import OrderDomain
import Testing

@testable import OrderStorage

@Suite("Store: idempotency", .timeLimit(.minutes(5)))
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

  @Test("outcomes are sealed: the files hold neither the idempotency key nor the response, and the key opens it")
  func sealedAtRest() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let store = try OrganizationStore.open(at: temporary.directory.organizationURL(id), organizationID: id)
    defer { try? store.close() }
    let key = "9b2f6c1e-key-of-a-careful-client"
    let response = Data("odk_0011223344556677_secret-in-the-response".utf8)
    let hash = RequestHash.sha256(Data("create key".utf8))
    try await store.write { tx in
      try tx.recordOutcome(key: key, method: "CreateKey", requestHash: hash, response: response, now: t0)
    }
    let bytes = try temporary.allBytes()
    #expect(bytes.range(of: Data(key.utf8)) == nil)
    #expect(bytes.range(of: Data("secret-in-the-response".utf8)) == nil)
    let stored = try await store.read { tx in
      try tx.idempotentOutcome(key: key, method: "CreateKey", requestHash: hash)
    }
    #expect(stored?.response == response)
    #expect(
      try await store.read { tx in try tx.idempotentOutcome(key: key + "x", method: "CreateKey", requestHash: hash) }
        == nil)
  }

  @Test("a sealed outcome opens only with its idempotency key and for its method and request")
  func sealOpensOnlyForItsKey() throws {
    let context = OutcomeSeal.context(method: "CreateKey", requestHash: Data([1, 2, 3]))
    let sealed = try OutcomeSeal.seal(Data("answer".utf8), key: "the-right-key-0001", context: context)
    #expect(try OutcomeSeal.open(sealed, key: "the-right-key-0001", context: context) == Data("answer".utf8))
    #expect(throws: DomainError.self) {
      _ = try OutcomeSeal.open(sealed, key: "the-wrong-key-0001", context: context)
    }
    #expect(throws: DomainError.self) {
      _ = try OutcomeSeal.open(
        sealed, key: "the-right-key-0001",
        context: OutcomeSeal.context(method: "PlaceOrder", requestHash: Data([1, 2, 3])))
    }
    // A fresh salt per record: the same answer under the same key seals differently.
    let again = try OutcomeSeal.seal(Data("answer".utf8), key: "the-right-key-0001", context: context)
    #expect(again.salt != sealed.salt && again.box != sealed.box)
    #expect(OutcomeSeal.lookupHash(of: "the-right-key-0001") != OutcomeSeal.lookupHash(of: "the-wrong-key-0001"))
  }
}
