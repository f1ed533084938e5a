import Foundation
import OrderTesting
import Testing

/// F6 end to end, as production runs it: `orderd` on the system clock (no `--clock`), with
/// its runner's longest sleep shortened so that the test sees many idle periods.
@Suite("The billing service on the system clock", .serialized, .timeLimit(.minutes(3)))
struct SystemClockEndToEndTests {
  @Test("F6, B2, B6: after idle periods a tenant's sale reaches the parent at once; a 2 s provisioning delay completes")
  func idleThenWork() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-sys-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(
      dataDirectory: directory, clock: "system", extraArguments: ["--idle-wait-milliseconds", "200"])
    defer { server.stopBlocking(signal: SIGKILL) }
    let rootKey = try server.rootKey()
    func run(_ arguments: [String], key: String) async throws -> CommandResult {
      let result = try await orderctl(arguments, server: server.address, key: key)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      return result
    }
    let product = ["product", "create", "--sku", "BB", "--name", "BB", "--kind", "subscription", "--price", "2.00"]
    _ = try await run(product, key: rootKey)
    let created = try await run(["org", "create", "--name", "Tenant", "--kind", "tenant", "--json"], key: rootKey)
      .json()
    let key = try #require((created["adminKey"] as? [String: Any])?["secret"] as? String)
    _ = try await run(product, key: key)
    let account = try #require(
      try await run(["account", "create", "--name", "Customer", "--json"], key: key).json()["id"] as? String)
    let start = try await run(["notifications", "list", "--json"], key: rootKey).json()
    let watcher = try LineReadingProcess.orderctl(
      ["notifications", "watch", "--from", (start["lastPosition"] as? String) ?? "0", "--json"],
      server: server.address, key: rootKey)
    // Idle well past the runner's longest sleep (200 ms), many times over.
    try await Task.sleep(for: .seconds(2))
    let sale = try await run(["order", "place", "--account", account, "--item", "BB:7", "--json"], key: key).json()
    // Delivered live to the parent's watch (generous: the watcher is a separate process on a
    // loaded machine) ...
    let line = try await watcher.nextJSON(timeout: .seconds(20))
    #expect(line?["type"] as? String == "BackorderReceived", "\(watcher.errors)")
    // ... and received by the parent within a second of the sale, by the server's own clock.
    let backorders = try #require(
      try await run(["backorder", "list", "--json"], key: rootKey).json()["backorders"] as? [[String: Any]])
    let soldAt = try #require(Self.instant(sale["createdAt"]))
    let receivedAt = try #require(Self.instant(backorders.first?["receivedAt"]))
    #expect(
      receivedAt.timeIntervalSince(soldAt) < 1, "received \(receivedAt.timeIntervalSince(soldAt)) s after the sale")
    _ = try await watcher.stop()

    // A vendor that takes two seconds: the order completes by itself, not before.
    let slow = ["product", "create", "--sku", "SLOW", "--name", "Slow", "--kind", "subscription", "--price", "1.00"]
    _ = try await run(slow, key: rootKey)
    _ = try await run(["vendor", "set-behavior", "SLOW", "--provisioning-delay", "PT2S"], key: rootKey)
    let customer = try #require(
      try await run(["account", "create", "--name", "Root customer", "--json"], key: rootKey).json()["id"] as? String)
    try await Task.sleep(for: .seconds(1))  // idle again
    let placedAt = ContinuousClock.now
    let order = try await run(["order", "place", "--account", customer, "--item", "SLOW:1", "--json"], key: rootKey)
      .json()
    let number = try #require(order["number"] as? String)
    #expect(order["status"] as? String != "completed")
    let completed = try await eventually(timeout: .seconds(30), every: .milliseconds(200)) {
      try await run(["order", "show", number, "--json"], key: rootKey).json()["status"] as? String == "completed"
    }
    #expect(completed, "\(number) did not complete by itself:\n\(server.log)")
    #expect(ContinuousClock.now - placedAt >= .seconds(2))
  }

  @Test("F6: SIGTERM during a clock advance ends orderd within its grace period; a restart finishes the work once")
  func shutdownDuringAdvance() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-term-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    var server = try await ServerProcess.start(dataDirectory: directory, extraArguments: ["--grace-period", "1"])
    let rootKey = try server.rootKey()
    func run(_ arguments: [String]) async throws -> CommandResult {
      let result = try await orderctl(arguments, server: server.address, key: rootKey)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      return result
    }
    _ = try await run([
      "product", "create", "--sku", "SEAT", "--name", "Seat", "--kind", "subscription", "--price", "1",
    ])
    let account = try #require(try await run(["account", "create", "--name", "C", "--json"]).json()["id"] as? String)
    var numbers: [String] = []
    for day in 2...13 {
      let date = String(format: "2027-01-%02d", day)
      let order = try await run(["order", "place", "--account", account, "--item", "SEAT:1", "--on", date, "--json"])
      numbers.append(try #require(order.json()["number"] as? String))
    }
    let watcher = try LineReadingProcess.orderctl(
      ["notifications", "watch", "--json"], server: server.address, key: rootKey)
    _ = try await watcher.nextJSON(timeout: .seconds(10))
    let advance = try startOrderctl(["clock", "advance", "--to", "2028-01-01"], server: server.address, key: rootKey)
    let signalled = ContinuousClock.now
    let status = try await server.stop(signal: SIGTERM, timeout: 30)
    let took = ContinuousClock.now - signalled
    #expect(took < .seconds(8), "orderd took \(took) to stop with a 1 s grace period:\n\(server.log)")
    #expect(status == 0, "\(server.log)")
    try await onOwnThread { advance.waitUntilExit() }
    _ = try await watcher.stop(signal: SIGKILL)

    server = try await ServerProcess.start(dataDirectory: directory)
    // A year of renewals: seconds on a loaded machine (PostgreSQL in a debug build is the
    // slowest), longer than orderctl's default timeout of 10 s.
    _ = try await run(["clock", "advance", "--to", "2028-01-01", "--timeout", "300"])
    for number in numbers {
      let order = try await run(["order", "show", number, "--json"]).json()
      #expect(order["status"] as? String == "completed", "\(number)")
      let history = try #require(order["history"] as? [[String: Any]])
      #expect(history.filter { $0["to"] as? String == "executing" }.count == 1, "\(number) executed more than once")
    }
    try await server.stop()
  }

  /// A protobuf JSON timestamp (RFC 3339, fractional seconds optional).
  static func instant(_ value: Any?) -> Date? {
    guard let text = value as? String else { return nil }
    return (try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)))
      ?? (try? Date(text, strategy: .iso8601))
  }
}
