import BenchSupport
import OrderClient
import OrderProtocol
import SwiftProtobuf

extension ClientPool {
  /// Places `perTenant` sales orders of `quantity` seats in each tenant, scheduled for
  /// `date` (YYYY-MM-DD), `limit` calls in flight across all tenants, each tenant's through
  /// the connection it was set up through. In turn: the first tenant's orders, then the
  /// next's (the calls in flight are mostly in one organization); `interleaved`: one order
  /// per tenant at a time, round robin (the calls in flight are in as many organizations).
  func placeScheduledOrders(
    in tenants: [Tenant], perTenant: Int, quantity: Int32, date: String, limit: Int, interleaved: Bool = false
  ) async throws {
    let work =
      interleaved
      ? (0..<perTenant).flatMap { _ in tenants } : tenants.flatMap { tenant in (0..<perTenant).map { _ in tenant } }
    _ = try await concurrentMap(work, limit: limit) { tenant in
      // OrderClient draws an idempotency key for each call and reuses it on retries.
      _ = try await self.client(apiKey: tenant.adminKey, connection: tenant.connection).placeOrder(
        .with {
          $0.accountID = tenant.accountID
          $0.items = [
            .with {
              $0.sku = BenchProduct.sku
              $0.quantity = quantity
            }
          ]
          $0.scheduledFor = date
        })
    }
  }
}
