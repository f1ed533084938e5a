import Foundation
import OrderTesting
import SoakKit
import Testing
import WireTesting

/// B3: orderd is killed (SIGKILL) again and again while a tenant places orders; the parent
/// ends with exactly one backorder per executed tenant change, in the tenant's order. The
/// short version runs in every `swift test`; `ORDERD_LONG_TESTS=1` runs more.
@Suite("Backorders across crashes", .sqliteOnly, .serialized, .timeLimit(.minutes(10)))
struct BackorderCrashTests {
  @Test("B3: repeated SIGKILLs while a tenant places orders leave exactly one backorder per change, in order")
  func killWhilePlacing() async throws {
    let long = ProcessInfo.processInfo.environment["ORDERD_LONG_TESTS"] == "1"
    let rounds = long ? 6 : 2
    let perRound = long ? 15 : 6
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-bo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    // Restarted on its port, which no other test can take meanwhile (see TestPorts).
    let (first, port) = try await ServerProcess.startRestartable(dataDirectory: directory, clock: "system")
    var server = first
    let rootKey = try String(contentsOf: directory.appendingPathComponent("root-admin.key"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    _ = try await orderctl(
      ["product", "create", "--sku", "SEAT", "--name", "Seat", "--kind", "subscription", "--price", "2.00"],
      server: server.address, key: rootKey)
    let created = try await orderctl(
      ["org", "create", "--name", "Tenant", "--kind", "tenant", "--json"], server: server.address, key: rootKey
    ).json()
    let key = try #require((created["adminKey"] as? [String: Any])?["secret"] as? String)
    let tenant = try #require((created["organization"] as? [String: Any])?["id"] as? String)
    let tenantFile = directory.appendingPathComponent("orgs/\(tenant).sqlite")
    _ = try await orderctl(
      ["product", "create", "--sku", "SEAT", "--name", "Seat", "--kind", "subscription", "--price", "3.00"],
      server: server.address, key: key)
    let account = try #require(
      try await orderctl(["account", "create", "--name", "Customer", "--json"], server: server.address, key: key)
        .json()["id"] as? String)
    var acknowledged: [String] = []  // tenant order numbers the server answered
    var landed = 0
    var attempts = 0
    // Rounds until `rounds` kills landed with placements in flight (a loaded machine may let
    // all of them finish before the kill).
    while landed < rounds, attempts < rounds + 6 {
      attempts += 1
      // Placements run concurrently; the server is killed as soon as the first one reached
      // the file, while others are still in flight (they retry and finish after the restart).
      let finished = Counter()
      let before = try DatabaseProbe.integer(tenantFile, "SELECT COUNT(*) FROM orders")
      let address = server.address
      async let placements = withThrowingTaskGroup(of: CommandResult.self) { group in
        for _ in 0..<perRound {
          group.addTask {
            defer { finished.add() }
            return try await orderctl(
              ["order", "place", "--account", account, "--item", "SEAT:1", "--json"], server: address, key: key)
          }
        }
        return try await group.reduce(into: [CommandResult]()) { $0.append($1) }
      }
      _ = await eventually(timeout: .seconds(30), every: .milliseconds(2)) {
        (try? DatabaseProbe.integer(tenantFile, "SELECT COUNT(*) FROM orders")) ?? 0 > before
      }
      let inFlight = perRound - finished.value
      try await server.stop(signal: SIGKILL)
      if inFlight > 0 { landed += 1 }
      server = try await ServerProcess.start(dataDirectory: directory, clock: "system", port: port)
      for placed in try await placements where placed.status == 0 {
        if let number = try placed.json()["number"] as? String { acknowledged.append(number) }
      }
    }
    #expect(landed == rounds, "each kill landed while placements were in flight (\(landed) of \(rounds))")
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
