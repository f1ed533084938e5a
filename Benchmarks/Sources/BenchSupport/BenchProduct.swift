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

  /// `count` more subscriptions (`BENCH-FILL-00001`, …) that nothing orders, `limit` calls in
  /// flight: a catalog as large as a reseller's, which no order should pay for.
  public static func createFillers(_ count: Int, with client: OrderdTCPClient, limit: Int) async throws {
    guard count > 0 else { return }
    _ = try await concurrentMap(Array(1...count), limit: limit) { index in
      _ = try await client.createProduct(
        .with {
          $0.product = .with {
            $0.sku = "BENCH-FILL-" + String(repeating: "0", count: max(0, 5 - String(index).count)) + String(index)
            $0.name = "Filler \(index)"
            $0.kind = .subscription
            $0.vendor = .generic
            $0.billingCycles = [.monthly, .annual]
            $0.terms = [.p1M, .p1Y]
          }
          $0.price = "10.00"
        })
    }
  }
}
