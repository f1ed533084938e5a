import BenchSupport
import GRPCCore
import OrderClient
import OrderProtocol
import SwiftProtobuf

/// The calls the benchmark makes, each as its organization's admin, over one connection of
/// either transport (our protocol, or gRPC over HTTP/2).
struct ServerCalls<Transport: ClientTransport>: Sendable {
  let tenants: [Tenant]
  /// One client per tenant, made once.
  private let clients: [OrderdClient<Transport>]

  init(grpc: GRPCClient<Transport>, tenants: [Tenant], server: ServerAddress, callTimeout: Duration) {
    self.tenants = tenants
    self.clients = tenants.map {
      OrderdClient(
        wrapping: grpc,
        configuration: OrderdClientConfiguration(server: server, apiKey: $0.adminKey, defaultTimeout: callTimeout))
    }
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
