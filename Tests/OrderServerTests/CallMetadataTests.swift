import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// PROTOCOL.md §10 and §11: the metadata the server reads, and what a client sees when it is
/// wrong.
@Suite("Call metadata", .timeLimit(.minutes(3)))
struct CallMetadataTests {
  @Test("authorization is `Bearer <key>` or the bare key; another scheme or spelling is UNAUTHENTICATED")
  func authorizationFormats() async throws {
    try await TestOrderd.with { orderd in
      let key = orderd.rootKey
      let cases: [(String, RPCError.Code?)] = [
        ("Bearer \(key)", nil), (key, nil), ("bearer \(key)", .unauthenticated), ("Basic \(key)", .unauthenticated),
        ("Bearer  \(key)", .unauthenticated), ("", .unauthenticated),
      ]
      for (value, expected) in cases {
        var metadata: Metadata = [:]
        metadata.addString(value, forKey: MetadataKeys.authorization)
        let code = await statusCode {
          _ = try await orderd.caller(nil).clock.getClock(.init(), metadata: metadata)
        }
        #expect(code == expected, "authorization: \(value)")
      }
      // Keys are compared without regard to ASCII case.
      var capitalized: Metadata = [:]
      capitalized.addString("Bearer \(key)", forKey: "Authorization")
      #expect(
        await statusCode { _ = try await orderd.caller(nil).clock.getClock(.init(), metadata: capitalized) } == nil)
    }
  }

  @Test("a method the server does not have is UNIMPLEMENTED, with or without a key")
  func unknownMethod() async throws {
    try await TestOrderd.with { orderd in
      let method = MethodDescriptor(fullyQualifiedService: "orders.v1.ClockService", method: "StopClock")
      #expect(await statusCode { try await orderd.root.rawUnary(method) } == .unimplemented)
      #expect(await statusCode { try await orderd.caller(nil).rawUnary(method) } == .unimplemented)
    }
  }

  @Test("idempotency-key has 1 to 128 bytes on every method; otherwise INVALID_ARGUMENT before any work")
  func idempotencyKeyLength() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let cases: [(String, RPCError.Code?)] = [
        ("", .invalidArgument), (String(repeating: "k", count: 128), nil),
        (String(repeating: "k", count: 129), .invalidArgument),
      ]
      for (key, expected) in cases {
        let write = await statusCode {
          _ = try await admin.accounts.createAccount(
            .with { $0.name = "Customer \(key.count)" }, metadata: admin.metadata(idempotencyKey: key))
        }
        #expect(write == expected, "\(key.count) bytes on CreateAccount")
        let read = await statusCode {
          _ = try await admin.clock.getClock(.init(), metadata: admin.metadata(idempotencyKey: key))
        }
        #expect(read == expected, "\(key.count) bytes on GetClock")
      }
      let accounts = try await admin.accounts.listAccounts(.init(), metadata: admin.metadata()).accounts
      #expect(accounts.filter { $0.name.hasPrefix("Customer") }.map(\.name) == ["Customer 128"])
    }
  }

  @Test("an idempotency key belongs to one organization and one method")
  func idempotencyKeyScope() async throws {
    try await TestOrderd.with { orderd in
      let (_, first) = try await orderd.root.createTenant("First")
      let (_, second) = try await orderd.root.createTenant("Second")
      for admin in [first, second] {
        _ = try await admin.accounts.createAccount(
          .with { $0.name = "Customer" }, metadata: admin.metadata(idempotencyKey: "shared"))
      }
      for admin in [first, second] {
        let accounts = try await admin.accounts.listAccounts(.init(), metadata: admin.metadata()).accounts
        #expect(accounts.filter { $0.name == "Customer" }.count == 1)
      }
      let otherMethod = await statusCode {
        _ = try await first.createProductWithKey(sku: "SUB-1", idempotencyKey: "shared")
      }
      #expect(otherMethod == .invalidArgument)
    }
  }

  @Test("a failed call stores no outcome: a retry with the same key does the work")
  func failuresAreNotStored() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      let failed = await statusCode {
        _ = try await admin.placeOrder(account: account.id, items: [("SUB-1", 1)], idempotencyKey: "order-1")
      }
      #expect(failed != nil)
      _ = try await admin.createProduct(sku: "SUB-1")
      let order = try await admin.placeOrder(account: account.id, items: [("SUB-1", 1)], idempotencyKey: "order-1")
      #expect(!order.id.isEmpty)
    }
  }

  @Test("an outcome is kept 24 hours of wall-clock time: advancing a simulated clock by days forgets nothing")
  func retention() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      func createAccount(_ name: String, key: String) async -> RPCError.Code? {
        await statusCode {
          _ = try await admin.accounts.createAccount(
            .with { $0.name = name }, metadata: admin.metadata(idempotencyKey: key))
        }
      }
      #expect(await createAccount("A", key: "k") == nil)
      try await orderd.root.advanceClock(by: "PT23H")
      #expect(await createAccount("B", key: "other-1") == nil)
      #expect(await createAccount("C", key: "k") == .invalidArgument)
      try await orderd.root.advanceClock(by: "P3D")
      #expect(await createAccount("D", key: "other-2") == nil)
      // Still the first call's key: a retry of "A" would get its answer, "E" is refused.
      #expect(await createAccount("E", key: "k") == .invalidArgument)
    }
  }
}

extension Caller {
  fileprivate func createProductWithKey(sku: String, idempotencyKey: String) async throws -> Orders_V1_Product {
    let request = Orders_V1_CreateProductRequest.with {
      $0.product = .with {
        $0.sku = sku
        $0.name = sku
        $0.kind = .subscription
      }
      $0.price = "10.00"
    }
    return try await self.catalog.createProduct(request, metadata: self.metadata(idempotencyKey: idempotencyKey))
  }

  fileprivate func advanceClock(by duration: String) async throws {
    _ = try await self.clock.advanceClock(.with { $0.by = duration }, metadata: self.metadata())
  }
}
