import BenchSupport
import OrderClient
import OrderProtocol
import SwiftProtobuf

/// Orders that did not complete: each status a sales order can be left in, with how many are
/// in it (every page of the listing, PROTOCOL.md §13).
enum UnfinishedOrders {
  static let statuses = ["scheduled", "executing", "provisioning", "provisioningFailed", "failed", "cancelled"]

  static func read(from client: OrderdTCPClient) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for status in Self.statuses {
      var request = Orders_V1_ListOrdersRequest()
      request.status = status
      request.pageSize = 1000
      let orders = try await client.collectPages(request) { try await client.listOrders($0) }.orders
      if !orders.isEmpty { counts[status] = orders.count }
    }
    return counts
  }
}
