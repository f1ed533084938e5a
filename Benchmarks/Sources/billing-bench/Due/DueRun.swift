import BenchSupport
import Foundation
import GRPCCore
import OrderClient
import OrderProtocol
import SwiftProtobuf

/// One `due` run against a started orderd: setup, the billing run, the checks.
struct DueRun: Sendable {
  let organizations: Int
  let ordersEach: Int
  let kind: TenantKind
  let quantity: Int32
  let advanceTimeout: Duration
  let concurrency: Int
  /// Orders placed round robin over the organizations rather than one organization's after another's.
  let interleaved: Bool
  /// Products in each organization's catalog (the one ordered among them).
  let catalog: Int

  /// Returns whether the advance answered in time and every check passed. With a pool of a
  /// connection per node, each organization is set up through one node (in turn), and the
  /// billing run is asked of the first.
  func run(_ pool: ClientPool, rootKey: String) async throws -> Bool {
    let total = self.organizations * self.ordersEach
    Console.line(
      "due: \(self.organizations) \(self.kind.rawValue) organization(s) × \(self.ordersEach) sales orders "
        + "scheduled for \(DueCalendar.scheduledFor) (\(total) in all), \(self.concurrency) setup calls in flight"
        + (pool.connectionCount > 1 ? ", organizations set up through \(pool.connectionCount) nodes in turn" : "")
        + (self.interleaved ? ", orders placed round robin over the organizations" : ""))

    let setupStart = ContinuousClock.now
    try await BenchProduct.create(with: pool.client(apiKey: rootKey))
    let tenants = try await pool.createTenants(
      count: self.organizations, kind: self.kind, rootKey: rootKey, limit: self.concurrency, spread: true)
    let organizationsDone = ContinuousClock.now
    var ordersStart = organizationsDone
    if self.catalog > 1 {
      try await BenchProduct.createFillers(
        self.catalog - 1, with: pool.client(apiKey: rootKey), limit: self.concurrency)
      for tenant in tenants {
        try await BenchProduct.createFillers(
          self.catalog - 1, with: pool.client(apiKey: tenant.adminKey, connection: tenant.connection),
          limit: self.concurrency)
      }
      let filled = ContinuousClock.now
      Console.line(
        "catalog: \(self.catalog) products in each organization, made in \(Units.fixed(Units.seconds(filled - organizationsDone))) s"
      )
      ordersStart = filled
    }
    try await pool.placeScheduledOrders(
      in: tenants, perTenant: self.ordersEach, quantity: self.quantity, date: DueCalendar.scheduledFor,
      limit: self.concurrency, interleaved: self.interleaved)
    let setupEnd = ContinuousClock.now
    let ordersSeconds = Units.seconds(setupEnd - ordersStart)
    Console.line(
      "setup: \(Units.fixed(Units.seconds(setupEnd - setupStart))) s "
        + "(organizations \(Units.fixed(Units.seconds(organizationsDone - setupStart))) s, "
        + (ordersStart > organizationsDone
          ? "catalog \(Units.fixed(Units.seconds(ordersStart - organizationsDone))) s, " : "")
        + "orders \(Units.fixed(ordersSeconds)) s = \(Units.fixed(Double(total) / ordersSeconds, digits: 0)) "
        + "PlaceOrder calls/s)")

    let advanced = try await self.advance(pool.client(apiKey: rootKey), orders: total)
    let checks = await ExactlyOnceChecks(
      pool: pool, rootKey: rootKey, tenants: tenants, ordersEach: self.ordersEach, kind: self.kind,
      concurrency: self.concurrency
    ).run()
    for check in checks { Console.line(check.line) }
    let passed = advanced && checks.allSatisfy(\.passed)
    Console.line("result: \(passed ? "pass" : "FAIL")")
    return passed
  }

  /// The billing run: one AdvanceClock past the scheduled date, timed. Returns whether it
  /// answered within the timeout.
  private func advance(_ root: OrderdTCPClient, orders: Int) async throws -> Bool {
    let target = try Date(DueCalendar.advanceTo, strategy: .iso8601)
    let start = ContinuousClock.now
    do {
      _ = try await root.advanceClock(
        .with { $0.to = Google_Protobuf_Timestamp(date: target) }, timeout: self.advanceTimeout)
    } catch let error as RPCError where error.code == .deadlineExceeded {
      let waited = Units.seconds(ContinuousClock.now - start)
      Console.line("billing run: AdvanceClock to \(DueCalendar.advanceTo) TIMED OUT after \(Units.fixed(waited)) s")
      return false
    } catch let error as RPCError {
      Console.line("billing run: AdvanceClock to \(DueCalendar.advanceTo) FAILED: \(error)")
      return false
    }
    let seconds = Units.seconds(ContinuousClock.now - start)
    Console.line(
      "billing run: AdvanceClock to \(DueCalendar.advanceTo) took \(Units.fixed(seconds, digits: 3)) s "
        + "= \(Units.fixed(Double(orders) / seconds, digits: 1)) orders/s")
    return true
  }
}
