import BenchSupport
import OrderClient
import OrderProtocol
import SwiftProtobuf

/// The calls the benchmark makes, each as its organization's admin.
struct ServerCalls: Sendable {
  let tenants: [Tenant]
  /// One client per tenant, made once.
  private let clients: [OrderdTCPClient]

  init(pool: ClientPool, tenants: [Tenant]) {
    self.tenants = tenants
    self.clients = tenants.map { pool.client(apiKey: $0.adminKey) }
  }

  /// Places a sales order in tenant `index`, scheduled for a date (written durably, executed
  /// later); returns its id.
  func placeOrder(in index: Int) async throws -> String {
    let tenant = self.tenants[index]
    let order = try await self.clients[index].placeOrder(
      .with {
        $0.accountID = tenant.accountID
        $0.items = [
          .with {
            $0.sku = BenchProduct.sku
            $0.quantity = 3
          }
        ]
        $0.scheduledFor = "2027-01-15"
      })
    return order.id
  }

  func getOrder(_ id: String, in index: Int) async throws {
    _ = try await self.clients[index].getOrder(.with { $0.id = id })
  }

  func getClock() async throws {
    _ = try await self.clients[0].getClock()
  }
}
