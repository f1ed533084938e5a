import Foundation
import OrderTesting
import Testing

/// N2, B6: `orderctl notifications watch` prints each notification as it is written, and
/// across a crash and restart of orderd continues after the last position it printed,
/// losing and repeating nothing.
@Suite("Watching notifications end to end", .serialized, .timeLimit(.minutes(10)))
struct WatchEndToEndTests {
  /// A tenant's admin key and a customer to place orders for.
  struct Tenant {
    var key: String
    var account: String
  }

  @Test("N2: a new order's notification arrives within 1 second; after SIGKILL and restart nothing is lost or repeated")
  func watchSurvivesARestart() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-watch-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    var server = try await ServerProcess.start(dataDirectory: directory)
    defer { server.stopBlocking(signal: SIGKILL) }
    let tenant = try await Self.setUp(server)

    let watcher = try LineReadingProcess.orderctl(
      ["notifications", "watch", "--json"], server: server.address, key: tenant.key)
    var seen: [Int64] = []
    // The first order's notification may wait for the watcher to connect; the second is live.
    let first = try await Self.placeOrder(tenant, server)
    let firstSeen = try await Self.awaitCreated(first, from: watcher, within: .seconds(20), positions: &seen)
    #expect(firstSeen, "no OrderCreated for \(first): \(watcher.errors)")
    let second = try await Self.placeOrder(tenant, server)
    // N2's one second is measured from the server's timestamps in SystemClockEndToEndTests; a
    // wall-clock bound here would fail on a loaded machine, so this only waits generously.
    let secondSeen = try await Self.awaitCreated(second, from: watcher, within: .seconds(20), positions: &seen)
    #expect(secondSeen, "N2: no OrderCreated for \(second) on a live watch")

    // Crash orderd and restart it on the same data, on its old port if that is still free.
    let lastBeforeCrash = try #require(seen.last)
    let oldAddress = server.address
    try await server.stop(signal: SIGKILL)
    server = try await Self.restart(directory, preferring: oldAddress)
    let third = try await Self.placeOrder(tenant, server)

    // A new watcher from the last position seen gets what follows it, and nothing before.
    let resumed = try LineReadingProcess.orderctl(
      ["notifications", "watch", "--json", "--from", "\(lastBeforeCrash)"], server: server.address, key: tenant.key)
    var resumedSeen = [lastBeforeCrash]
    let thirdResumed = try await Self.awaitCreated(third, from: resumed, within: .seconds(20), positions: &resumedSeen)
    #expect(thirdResumed, "no OrderCreated for \(third) after the restart: \(resumed.errors)")
    #expect(try await resumed.stop() == 0, "SIGINT ends the watch with exit status 0")

    // On the same address, the first watcher reconnects by itself and sees the same entries.
    print("orderd restarted on \(server.address == oldAddress ? "its old" : "a new") address \(server.address)")
    if server.address == oldAddress {
      let thirdSeen = try await Self.awaitCreated(third, from: watcher, within: .seconds(20), positions: &seen)
      #expect(thirdSeen, "the watcher did not resume after the restart: \(watcher.errors)")
      #expect(Array(seen.drop { $0 < lastBeforeCrash }) == resumedSeen)
    }
    #expect(try await watcher.stop() == 0, "SIGINT ends the watch with exit status 0")
  }
}

extension WatchEndToEndTests {
  static func setUp(_ server: ServerProcess) async throws -> Tenant {
    let rootKey = try String(
      contentsOf: server.dataDirectory.appendingPathComponent("root-admin.key"), encoding: .utf8
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let created = try await Self.run(
      ["org", "create", "--name", "Tenant", "--kind", "tenant", "--json"], server, key: rootKey
    ).json()
    let key = try #require((created["adminKey"] as? [String: Any])?["secret"] as? String)
    let account = try #require(
      try await Self.run(["account", "create", "--name", "Customer", "--json"], server, key: key).json()["id"]
        as? String)
    _ = try await Self.run(
      ["product", "create", "--sku", "SEAT", "--name", "Seat", "--kind", "subscription", "--price", "3.00"], server,
      key: key)
    return Tenant(key: key, account: account)
  }

  /// Places an order now; returns its number.
  static func placeOrder(_ tenant: Tenant, _ server: ServerProcess) async throws -> String {
    let order = try await Self.run(
      ["order", "place", "--account", tenant.account, "--item", "SEAT:1", "--json"], server, key: tenant.key
    ).json()
    return try #require(order["number"] as? String)
  }

  /// Reads notifications until `OrderCreated` of order `number` (true) or `within` passes
  /// (false), appending each position to `positions` and checking that each comes after the
  /// one before: nothing repeated, nothing out of order.
  static func awaitCreated(
    _ number: String, from watcher: LineReadingProcess, within timeout: Duration, positions: inout [Int64]
  ) async throws -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while let notification = try await watcher.nextJSON(timeout: ContinuousClock.now.duration(to: deadline)) {
      let position = try #require((notification["position"] as? String).flatMap { Int64($0) })
      #expect(position > positions.last ?? 0, "N2: position \(position) after \(positions)")
      positions.append(position)
      if notification["type"] as? String == "OrderCreated", notification["subjectId"] as? String == number {
        return true
      }
    }
    return false
  }

  /// Starts orderd on `directory` again, on the port of `address` when it is free.
  static func restart(_ directory: URL, preferring address: String) async throws -> ServerProcess {
    if let port = address.split(separator: ":").last,
      let server = try? await ServerProcess.start(dataDirectory: directory, extraArguments: ["--port", String(port)])
    {
      return server
    }
    return try await ServerProcess.start(dataDirectory: directory)
  }

  static func run(_ arguments: [String], _ server: ServerProcess, key: String) async throws -> CommandResult {
    let result = try await orderctl(arguments, server: server.address, key: key)
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    return result
  }
}
