import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

@Suite("Idempotent mutating calls", .timeLimit(.minutes(5)))
struct IdempotencyTests {
  @Test("a repeated PlaceOrder with the same idempotency key returns the first order and makes no second one")
  func repeatReturnsFirstOutcome() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SUB-1")
      let first = try await admin.placeOrder(account: account.id, items: [("SUB-1", 2)], idempotencyKey: "retry-1")
      let again = try await admin.placeOrder(account: account.id, items: [("SUB-1", 2)], idempotencyKey: "retry-1")
      #expect(again == first)
      #expect(try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders.count == 1)
      #expect(
        try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.count == 1)
      // A new key is a new logical call.
      _ = try await admin.placeOrder(account: account.id, items: [("SUB-1", 2)], idempotencyKey: "retry-2")
      #expect(try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders.count == 2)
    }
  }

  @Test("a repeated CancelOrder with the same idempotency key returns the first answer, not FAILED_PRECONDITION")
  func cancelIsIdempotent() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SUB-1")
      let scheduled = try await admin.schedule(account: account.id, items: [("SUB-1", 1)], on: "2027-03-01")
      let request = Orders_V1_CancelOrderRequest.with {
        $0.id = scheduled.id
        $0.reason = "the customer changed their mind"
      }
      let metadata = admin.metadata(idempotencyKey: "cancel-\(scheduled.id)")
      let first = try await admin.orders.cancelOrder(request, metadata: metadata)
      let again = try await admin.orders.cancelOrder(request, metadata: metadata)
      #expect(first.status == "cancelled")
      #expect(again == first)
    }
  }

  @Test("a repeated AdvanceClock by P1D with the same idempotency key moves the clock once")
  func advanceIsIdempotent() async throws {
    try await TestOrderd.with { orderd in
      let root = orderd.root
      let before = try await root.clock.getClock(.init(), metadata: root.metadata()).now.date
      let request = Orders_V1_AdvanceClockRequest.with { $0.by = "P1D" }
      let metadata = root.metadata(idempotencyKey: "advance-once-\(UUID().uuidString)")
      let first = try await root.clock.advanceClock(request, metadata: metadata)
      let again = try await root.clock.advanceClock(request, metadata: metadata)
      #expect(again == first)
      #expect(first.now.date.timeIntervalSince(before) == 86_400)
    }
  }

  @Test("concurrent repeats of one idempotency key make exactly one order")
  func concurrentRepeats() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SUB-1")
      let numbers = try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<8 {
          group.addTask {
            try await admin.placeOrder(account: account.id, items: [("SUB-1", 1)], idempotencyKey: "same").number
          }
        }
        return try await group.reduce(into: Set<String>()) { $0.insert($1) }
      }
      #expect(numbers.count == 1)
      #expect(try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders.count == 1)
    }
  }

  @Test("the same idempotency key with a different request is refused with INVALID_ARGUMENT and changes nothing")
  func differentRequestRefused() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SUB-1")
      _ = try await admin.placeOrder(account: account.id, items: [("SUB-1", 2)], idempotencyKey: "k")
      do {
        _ = try await admin.placeOrder(account: account.id, items: [("SUB-1", 5)], idempotencyKey: "k")
        Issue.record("expected INVALID_ARGUMENT")
      } catch let error as RPCError {
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("idempotency key"))
      }
      #expect(try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders.count == 1)
    }
  }

  @Test("registry writes are idempotent too: a repeated CreateOrganization makes one child")
  func registryWrites() async throws {
    try await TestOrderd.with { orderd in
      let request = Orders_V1_CreateOrganizationRequest.with {
        $0.name = "Once"
        $0.kind = .tenant
      }
      let md = orderd.root.metadata(idempotencyKey: "create-organization-once")
      let first = try await orderd.root.organizations.createOrganization(request, metadata: md)
      let again = try await orderd.root.organizations.createOrganization(request, metadata: md)
      #expect(first.organization.id == again.organization.id)
      let listing = try await orderd.root.organizations.listOrganizations(.init(), metadata: orderd.root.metadata())
      #expect(listing.children.count == 1)
    }
  }
}
