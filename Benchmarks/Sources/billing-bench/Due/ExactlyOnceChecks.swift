import BenchSupport
import OrderClient
import OrderProtocol

/// After the billing run: every scheduled sales order ran exactly once, in each organization
/// and, for tenants, as a backorder applied in the root.
///
/// Counts come from the notification logs, read whole in pages; ListOrders and ListBackorders
/// (every page of them) show what is left unfinished.
struct ExactlyOnceChecks: Sendable {
  let pool: ClientPool
  let rootKey: String
  let tenants: [Tenant]
  let ordersEach: Int
  let kind: TenantKind
  let concurrency: Int

  /// Runs every check; a call that fails makes its check fail with the error as the detail.
  func run() async -> [Check] {
    var checks = await self.guarded("organizations' orders and invoices") { try await self.tenantChecks() }
    if self.kind.backorders {
      checks += await self.guarded("root's backorders") { try await self.rootChecks() }
    }
    return checks
  }

  private func guarded(_ name: String, _ checks: () async throws -> [Check]) async -> [Check] {
    do {
      return try await checks()
    } catch {
      return [Check(name: name, passed: false, detail: "error: \(error)")]
    }
  }

  /// In each organization: no sales order left unfinished; each of the M completed once and
  /// invoiced once.
  private func tenantChecks() async throws -> [Check] {
    let expected = self.ordersEach
    let tallies = try await concurrentMap(self.tenants, limit: self.concurrency) { tenant in
      try await TenantTally.read(from: self.pool.client(apiKey: tenant.adminKey))
    }
    let unfinished = tallies.reduce(into: [String: Int]()) { $0.merge($1.unfinished, uniquingKeysWith: +) }
    let completed = tallies.filter {
      $0.log.count("OrderCompleted") == expected && $0.log.distinct("OrderCompleted") == expected
    }.count
    let invoiced = tallies.filter {
      $0.log.count("InvoiceIssued") == expected && $0.log.distinct("InvoiceIssued") == expected
    }.count
    let total = { (type: String) in tallies.reduce(0) { $0 + $1.log.count(type) } }
    let organizations = self.tenants.count
    return [
      Check(
        name: "no sales order left unfinished (\(UnfinishedOrders.statuses.joined(separator: ", ")))",
        passed: unfinished.isEmpty, detail: Self.summary(unfinished)),
      Check(
        name: "each organization completed its \(expected) orders once each (OrderCompleted)",
        passed: completed == organizations,
        detail: "\(completed)/\(organizations) organizations; \(total("OrderCompleted")) in all, "
          + "\(total("OrderFailed")) OrderFailed"),
      Check(
        name: "each organization issued \(expected) invoices (InvoiceIssued)",
        passed: invoiced == organizations,
        detail: "\(invoiced)/\(organizations) organizations; \(total("InvoiceIssued")) in all"),
    ]
  }

  /// In the root: N × M backorders received, none stalled or waiting, each applied as one
  /// completed order.
  private func rootChecks() async throws -> [Check] {
    let expected = self.tenants.count * self.ordersEach
    let root = self.pool.client(apiKey: self.rootKey)
    let log = try await NotificationCounts.read(from: root)
    var pending: [String: Int] = [:]
    for status in ["stalled", "waiting"] {
      var request = Orders_V1_ListBackordersRequest()
      request.status = status
      request.pageSize = 1000
      let backorders = try await root.collectPages(request) { try await root.listBackorders($0) }.backorders
      if !backorders.isEmpty { pending[status] = backorders.count }
    }
    let unfinished = try await UnfinishedOrders.read(from: root)
    return [
      Check(
        name: "the root received \(expected) backorders, once each (BackorderReceived)",
        passed: log.count("BackorderReceived") == expected && log.distinct("BackorderReceived") == expected,
        detail: "\(log.count("BackorderReceived")) received, \(log.distinct("BackorderReceived")) distinct, "
          + "\(log.count("BackorderFailed")) BackorderFailed"),
      Check(
        name: "no backorder stalled or waiting in the root", passed: pending.isEmpty, detail: Self.summary(pending)),
      Check(
        name: "the root completed one order per backorder (OrderCompleted), none unfinished",
        passed: log.count("OrderCompleted") == expected && log.distinct("OrderCompleted") == expected
          && unfinished.isEmpty,
        detail: "\(log.count("OrderCompleted")) completed, \(log.distinct("OrderCompleted")) distinct; "
          + "unfinished: \(Self.summary(unfinished))"),
    ]
  }

  private static func summary(_ counts: [String: Int]) -> String {
    counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
  }
}
