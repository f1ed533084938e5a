import BenchSupport
import OrderClient
import OrderProtocol
import SwiftProtobuf

/// Orders that did not complete: each status a sales order can be left in, with how many are
/// in it (a list answers at most 1000, so 1000 means at least that many).
enum UnfinishedOrders {
  static let statuses = ["scheduled", "executing", "provisioning", "provisioningFailed", "failed", "cancelled"]

  static func read(from client: OrderdTCPClient) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for status in Self.statuses {
      let orders = try await client.listOrders(.with { $0.status = status }).orders
      if !orders.isEmpty { counts[status] = orders.count }
    }
    return counts
  }
}
