import Foundation
import OrderTesting
import Testing

/// B6, N2: a parent watching its notifications sees a tenant's order as a backorder within a
/// second of the order executing.
@Suite("Backorders watched live", .serialized, .timeLimit(.minutes(10)))
struct BackorderWatchEndToEndTests {
  @Test("B6: `orderctl notifications watch` on the parent prints the backorder within a second")
  func parentSeesBackorder() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-bow-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(dataDirectory: directory, clock: "system")
    defer { server.stopBlocking(signal: SIGKILL) }
    let rootKey = try String(contentsOf: directory.appendingPathComponent("root-admin.key"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let product = ["product", "create", "--sku", "SEAT", "--name", "Seat", "--kind", "subscription", "--price", "2.00"]
    _ = try await orderctl(product, server: server.address, key: rootKey)
    let created = try await orderctl(
      ["org", "create", "--name", "Tenant", "--kind", "tenant", "--json"], server: server.address, key: rootKey
    ).json()
    let key = try #require((created["adminKey"] as? [String: Any])?["secret"] as? String)
    _ = try await orderctl(product, server: server.address, key: key)
    let account = try #require(
      try await orderctl(["account", "create", "--name", "Customer", "--json"], server: server.address, key: key)
        .json()["id"] as? String)
    let start = try await orderctl(["notifications", "list", "--json"], server: server.address, key: rootKey).json()
    let from = (start["lastPosition"] as? String) ?? "0"
    let watcher = try LineReadingProcess.orderctl(
      ["notifications", "watch", "--from", from, "--json"], server: server.address, key: rootKey)
    // The watch starts after `from`, so it sees the backorder whenever it connects.
    let placed = try await orderctl(
      ["order", "place", "--account", account, "--item", "SEAT:3", "--json"], server: server.address, key: key)
    #expect(placed.status == 0)
    let line = try await watcher.nextJSON(timeout: .seconds(20))
    #expect(line?["type"] as? String == "BackorderReceived", "\(watcher.errors)")
    _ = try await watcher.stop()
  }
}
