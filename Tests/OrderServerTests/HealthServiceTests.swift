import GRPCCore
import OrderProtocol
import OrderServer
import OrderTesting
import SwiftProtobuf
import Testing

/// The health service in process: no key needed, per-service status, NOT_SERVING once the
/// application begins to shut down, watches told and ended.
@Suite("Health service", .timeLimit(.minutes(2)))
struct HealthServiceTests {
  @Test("Check needs no key; every orders.v1 service and the server as a whole are SERVING, then NOT_SERVING")
  func checkAndDrain() async throws {
    try await TestOrderd.with { orderd in
      let health = Grpc_Health_V1_Health.Client(wrapping: orderd.client)
      for name in [""] + OrderdApplication.serviceNames {
        let status = try await health.check(.with { $0.service = name }).status
        #expect(status == .serving, "\(name)")
      }
      orderd.application.beginShutdown()
      for name in [""] + OrderdApplication.serviceNames {
        let status = try await health.check(.with { $0.service = name }).status
        #expect(status == .notServing, "\(name)")
      }
    }
  }

  @Test("a watch sees the current status, each change, and NOT_SERVING before it ends on drain")
  func watchSeesChanges() async throws {
    let statuses = HealthStatuses(services: ["orders.v1.OrderService"])
    var updates = statuses.watch("orders.v1.OrderService").makeAsyncIterator()
    var seen: [HealthStatuses.Status?] = []
    seen.append(try #require(await updates.next()))
    statuses.set(.notServing, for: "orders.v1.OrderService")
    seen.append(try #require(await updates.next()))
    statuses.set(.serving, for: "orders.v1.OrderService")
    seen.append(try #require(await updates.next()))
    statuses.drain()
    seen.append(try #require(await updates.next()))
    #expect(seen == [.serving, .notServing, .serving, .notServing])
    let end = await updates.next()
    #expect(end == nil)
    // Nothing turns serving again on the way out; unknown services have no status.
    statuses.set(.serving, for: "orders.v1.OrderService")
    #expect(statuses.status(of: "orders.v1.OrderService") == .notServing)
    #expect(statuses.status(of: "nothing.v1.Here") == nil)
  }
}
