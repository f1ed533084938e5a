import GRPCCore
import MetricsTestKit
import OrderProtocol
import OrderServer
import OrderTesting
import SwiftProtobuf
import Testing

/// Issue 12: the server's swift-metrics, recorded on a per-test `TestMetrics` (no global
/// bootstrap): calls by method and status, latency, the organization cache, SQLite writes,
/// idempotent replays and jobs.
@Suite("Metrics", .timeLimit(.minutes(3)))
struct MetricsTests {
  static let placeOrder = "orders.v1.OrderService/PlaceOrder"
  static let getClock = "orders.v1.ClockService/GetClock"

  @Test("a call counts once under its method and final status code, and records its latency")
  func callsByMethodAndCode() async throws {
    let metrics = TestMetrics()
    try await TestOrderd.with(metrics: OrderdMetrics(factory: metrics)) { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "M365")
      _ = try await admin.placeOrder(account: account.id, items: [("M365", 2)])
      #expect(try metrics.expectCounter(calls(Self.placeOrder, "OK")).totalValue == 1)
      #expect(try metrics.expectCounter(calls(Self.placeOrder, "NOT_FOUND")).totalValue == 0)
      let latency = try metrics.expectTimer("orderd_rpc_duration_seconds", [("method", Self.placeOrder)])
      #expect(latency.values.count == 1)
      #expect(latency.values.allSatisfy { $0 > 0 })

      let unknownSKU = await statusCode { _ = try await admin.placeOrder(account: account.id, items: [("NOPE", 1)]) }
      #expect(unknownSKU != nil)
      let failed = metrics.counters(label: "orderd_rpc_calls_total").filter {
        $0.dimensions.contains { $0 == ("method", Self.placeOrder) } && !$0.dimensions.contains { $0 == ("code", "OK") }
      }
      #expect(failed.map(\.totalValue).reduce(0, +) == 1)
      #expect(try metrics.expectTimer("orderd_rpc_duration_seconds", [("method", Self.placeOrder)]).values.count == 2)
    }
  }

  @Test("a health check counts under its own method, not as other")
  func healthChecksCount() async throws {
    let metrics = TestMetrics()
    try await TestOrderd.with(metrics: OrderdMetrics(factory: metrics)) { orderd in
      let health = Grpc_Health_V1_Health.Client(wrapping: orderd.client)
      _ = try await health.check(.with { $0.service = "" })
      #expect(try metrics.expectCounter(calls("grpc.health.v1.Health/Check", "OK")).totalValue == 1)
      #expect(try metrics.expectCounter(calls("other", "OK")).totalValue == 0)
    }
  }

  @Test("a call refused before any handler (no key) counts as UNAUTHENTICATED under its method")
  func refusedCallsCount() async throws {
    let metrics = TestMetrics()
    try await TestOrderd.with(metrics: OrderdMetrics(factory: metrics)) { orderd in
      let code = await statusCode { _ = try await orderd.caller(nil).clock.getClock(.init()) }
      #expect(code == .unauthenticated)
      let refused = try metrics.expectCounter(calls(Self.getClock, "UNAUTHENTICATED"))
      let answered = try metrics.expectCounter(calls(Self.getClock, "OK"))
      #expect(refused.totalValue == 1)
      #expect(answered.totalValue == 0)

    }
  }

  @Test(
    "a repeat with the same idempotency key counts as a replay; writes are timed; the organization cache counts misses")
  func replaysWritesAndCache() async throws {
    let metrics = TestMetrics()
    try await TestOrderd.with(metrics: OrderdMetrics(factory: metrics)) { orderd in
      let admin = orderd.root
      let request = Orders_V1_CreateAccountRequest.with { $0.name = "Customer" }
      for _ in 0..<3 {
        _ = try await admin.accounts.createAccount(request, metadata: admin.metadata(idempotencyKey: "same-key"))
      }
      #expect(try metrics.expectCounter("orderd_idempotent_replays_total").totalValue == 2)
      #expect(try metrics.expectTimer("orderd_sqlite_write_seconds").values.count >= 1)
      #expect(try metrics.expectCounter("orderd_organization_cache_misses_total").totalValue >= 1)
      #expect(try metrics.expectMeter("orderd_organization_databases_open").lastValue ?? 0 >= 1)
      let misses = try metrics.expectCounter("orderd_organization_cache_misses_total").totalValue
      _ = try await admin.accounts.listAccounts(.init(), metadata: admin.metadata())
      #expect(try metrics.expectCounter("orderd_organization_cache_misses_total").totalValue == misses)
    }
  }

  @Test("a job that comes due counts as due and run under its kind, and neither failed nor retried")
  func jobs() async throws {
    let metrics = TestMetrics()
    try await TestOrderd.with(metrics: OrderdMetrics(factory: metrics)) { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "M365") { $0.vendor = .microsoft }
      try await admin.setVendorBehavior(sku: "M365") { $0.provisioningDelay = "PT10M" }
      _ = try await admin.placeOrder(account: account.id, items: [("M365", 3)])
      #expect(try metrics.expectCounter("orderd_jobs_due_total", [("kind", "provision")]).totalValue == 0)
      try await admin.advanceClock(by: "PT10M")
      #expect(try metrics.expectCounter("orderd_jobs_due_total", [("kind", "provision")]).totalValue == 1)
      #expect(try metrics.expectCounter("orderd_jobs_run_total", [("kind", "provision")]).totalValue == 1)
      #expect(try metrics.expectCounter("orderd_jobs_failed_total", [("kind", "provision")]).totalValue == 0)
      #expect(try metrics.expectCounter("orderd_jobs_retried_total", [("kind", "provision")]).totalValue == 0)
    }
  }

  @Test("a tenant's backorder relayed to its parent counts as relayed and as a relayBackorders job run")
  func backordersRelayed() async throws {
    let metrics = TestMetrics()
    try await TestOrderd.with(metrics: OrderdMetrics(factory: metrics)) { orderd in
      _ = try await orderd.root.createProduct(sku: "SEAT", price: "7.00")
      let (_, tenant) = try await orderd.root.createTenant("Reseller")
      _ = try await tenant.createProduct(sku: "SEAT", price: "10.00")
      let customer = try await tenant.createAccount("Customer")
      _ = try await tenant.placeOrder(account: customer.id, items: [("SEAT", 4)])
      try await orderd.root.advanceClock(by: "PT1S")
      let relayed = try metrics.expectCounter("orderd_backorders_relayed_total")
      let stalled = try metrics.expectCounter("orderd_backorders_stalled_total")
      let relayRuns = try metrics.expectCounter("orderd_jobs_run_total", [("kind", "relayBackorders")])
      #expect(relayed.totalValue >= 1)
      #expect(stalled.totalValue == 0)
      #expect(relayRuns.totalValue >= 1)
    }
  }

  private func calls(_ method: String, _ code: String) -> (String, [(String, String)]) {
    ("orderd_rpc_calls_total", [("method", method), ("code", code)])
  }
}

extension TestMetrics {
  fileprivate func expectCounter(_ key: (String, [(String, String)])) throws -> TestCounter {
    try self.expectCounter(key.0, key.1)
  }
}
