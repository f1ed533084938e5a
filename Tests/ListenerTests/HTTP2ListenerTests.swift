import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// `orderd --grpc-port`: the same services, interceptor and handlers over standard gRPC on
/// HTTP/2, called through grpc-swift's own HTTP/2 client.
@Suite("Standard gRPC over HTTP/2", .timeLimit(.minutes(5)))
struct HTTP2ListenerTests {
  @Test("an order placed over HTTP/2 reads back over HTTP/2, and over orderd's own protocol")
  func placeAndReadBack() async throws {
    try await Listeners.with { listeners in
      let placed = try await listeners.withHTTP2Client { client in
        let root = Caller(client: client, key: listeners.rootKey)
        let (_, tenant) = try await root.createTenant("HTTP/2 Reseller")
        let account = try await tenant.createAccount("Acme")
        _ = try await tenant.createProduct(sku: "SEAT", price: "5.00")
        let order = try await tenant.placeOrder(account: account.id, items: [("SEAT", 3)])
        let read = try await tenant.orders.getOrder(.with { $0.id = order.id }, metadata: tenant.metadata())
        #expect(read.id == order.id)
        #expect(read.number == "SO-000001")
        #expect(read.total.minorUnits == 1500)
        return (order, tenant.key)
      }
      // The same storage behind both listeners.
      let viaWire = try await orderctl(
        ["order", "show", placed.0.id, "--json"], server: listeners.wireAddress, key: placed.1
      ).json()
      #expect(viaWire["id"] as? String == placed.0.id)
    }
  }

  @Test("no key or an unknown key is UNAUTHENTICATED over HTTP/2, as over orderd's own protocol")
  func authentication() async throws {
    try await Listeners.with { listeners in
      try await listeners.withHTTP2Client { client in
        for key in [nil, "odk_0000000000000000_00"] {
          let caller = Caller(client: client, key: key)
          let code = await statusCode {
            _ = try await caller.accounts.listAccounts(.init(), metadata: caller.metadata())
          }
          #expect(code == .unauthenticated)
        }
      }
    }
  }

  @Test("a deadline ends a call that would run on: DEADLINE_EXCEEDED within the deadline's reach")
  func deadline() async throws {
    try await Listeners.with { listeners in
      try await listeners.withHTTP2Client { client in
        let root = Caller(client: client, key: listeners.rootKey)
        var options = CallOptions.defaults
        options.timeout = .milliseconds(300)
        let started = ContinuousClock.now
        let code = await statusCode {
          // A watch runs until cancelled: only the deadline ends it.
          try await root.notifications.watchNotifications(
            .with { $0.after = 0 }, metadata: root.metadata(), options: options
          ) { response in
            for try await _ in response.messages {}
          }
        }
        #expect(code == .deadlineExceeded)
        #expect(ContinuousClock.now - started < .seconds(10))
      }
    }
  }
}
