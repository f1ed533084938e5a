import Foundation
import OrderTesting
import Testing

/// B3: orderd is killed (SIGKILL) again and again while a tenant places orders; the parent
/// ends with exactly one backorder per executed tenant change, in the tenant's order. The
/// short version runs in every `swift test`; `ORDERD_LONG_TESTS=1` runs more.
@Suite("Backorders across crashes", .serialized, .timeLimit(.minutes(10)))
struct BackorderCrashTests {
  @Test("B3: repeated SIGKILLs while a tenant places orders leave exactly one backorder per change, in order")
  func killWhilePlacing() async throws {
    let long = ProcessInfo.processInfo.environment["ORDERD_LONG_TESTS"] == "1"
    let rounds = long ? 6 : 2
    let perRound = long ? 15 : 6
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-bo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    var server = try await ServerProcess.start(dataDirectory: directory, clock: "system")
    let rootKey = try String(contentsOf: directory.appendingPathComponent("root-admin.key"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    _ = try await orderctl(
      ["product", "create", "--sku", "SEAT", "--name", "Seat", "--kind", "subscription", "--price", "2.00"],
      server: server.address, key: rootKey)
    let created = try await orderctl(
      ["org", "create", "--name", "Tenant", "--kind", "tenant", "--json"], server: server.address, key: rootKey
    ).json()
    let key = try #require((created["adminKey"] as? [String: Any])?["secret"] as? String)
    _ = try await orderctl(
      ["product", "create", "--sku", "SEAT", "--name", "Seat", "--kind", "subscription", "--price", "3.00"],
      server: server.address, key: key)
    let account = try #require(
      try await orderctl(["account", "create", "--name", "Customer", "--json"], server: server.address, key: key)
        .json()["id"] as? String)
    var acknowledged: [String] = []  // tenant order numbers the server answered
    for _ in 0..<rounds {
      for _ in 0..<perRound {
        let placed = try await orderctl(
          ["order", "place", "--account", account, "--item", "SEAT:1", "--json"], server: server.address, key: key)
        if placed.status == 0, let number = try placed.json()["number"] as? String { acknowledged.append(number) }
      }
      try await server.stop(signal: SIGKILL)
      server = try await ServerProcess.start(dataDirectory: directory, clock: "system")
    }
    // Let the relay catch up (it runs by itself on the system clock).
    var backorders: [[String: Any]] = []
    for _ in 0..<100 {
      let listed = try await orderctl(["backorder", "list", "--json"], server: server.address, key: rootKey)
      backorders = (try? listed.json()["backorders"] as? [[String: Any]]) ?? []
      if backorders.count >= acknowledged.count { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    let tenantOrders = try #require(
      try await orderctl(["order", "list", "--json"], server: server.address, key: key).json()["orders"]
        as? [[String: Any]])
    let completed = tenantOrders.filter {
      $0["type"] as? String == "ORDER_TYPE_SO" && $0["status"] as? String == "completed"
    }
    #expect(Set(acknowledged).isSubset(of: Set(completed.compactMap { $0["number"] as? String })))
    // Exactly one backorder per executed tenant sale, none repeated, all applied, in order.
    #expect(backorders.count == completed.count)
    // Received in the tenant's order: backorder ids (given on receipt) follow the tenant's sequence.
    let byReceipt = backorders.sorted { ($0["id"] as? String ?? "") < ($1["id"] as? String ?? "") }
    let sequences = byReceipt.compactMap { ($0["sourceSequence"] as? String).flatMap(Int64.init) }
    #expect(Set(sequences).count == sequences.count)
    #expect(sequences == sequences.sorted())
    #expect(backorders.allSatisfy { $0["status"] as? String == "applied" })
    try await server.stop()
  }
}
