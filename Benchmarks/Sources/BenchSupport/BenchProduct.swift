import OrderClient
import OrderProtocol
import SwiftProtobuf

/// The catalog entry every organization sells: a monthly subscription, so that a tenant's
/// backorders of it apply in the root.
public enum BenchProduct {
  public static let sku = "BENCH-SUB"

  public static func create(with client: OrderdTCPClient) async throws {
    _ = try await client.createProduct(
      .with {
        $0.product = .with {
          $0.sku = Self.sku
          $0.name = "Benchmark subscription"
          $0.kind = .subscription
          $0.vendor = .generic
          $0.billingCycles = [.monthly]
          $0.terms = [.p1M]
        }
        $0.price = "10.00"
      })
  }
}
