import Foundation
import OrderTesting
import SoakKit
import Testing

/// F6: the billing service is killed (SIGKILL of the real process) while it executes due
/// orders; after a restart every due order has executed exactly once. The short version runs
/// in every `swift test`; `ORDERD_LONG_TESTS=1` runs more orders and more kills.
@Suite("Crash recovery of the billing service", .sqliteOnly, .serialized, .timeLimit(.minutes(10)))
struct CrashRecoveryTests {
  static let long = ProcessInfo.processInfo.environment["ORDERD_LONG_TESTS"] == "1"

  @Test("F6, S4: killing orderd mid-run and restarting executes each due order exactly once")
  func killDuringClockAdvance() async throws {
    let orders = Self.long ? 120 : 40
    let kills = Self.long ? 5 : 2
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-crash-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    var server = try await ServerProcess.start(dataDirectory: directory)
    let rootKey = try String(contentsOf: directory.appendingPathComponent("root-admin.key"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    func run(_ arguments: [String], key: String) async throws -> CommandResult {
      let result = try await orderctl(arguments, server: server.address, key: key)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      return result
    }
    let created = try await run(["org", "create", "--name", "Tenant", "--kind", "tenant", "--json"], key: rootKey)
      .json()
    let key = try #require((created["adminKey"] as? [String: Any])?["secret"] as? String)
    let tenant = try #require((created["organization"] as? [String: Any])?["id"] as? String)
    let tenantFile = directory.appendingPathComponent("orgs/\(tenant).sqlite")
    let completedSQL = "SELECT COUNT(*) FROM orderStatusChanges WHERE toStatus = 'completed'"
    let account = try #require(
      try await run(["account", "create", "--name", "Customer", "--json"], key: key).json()["id"] as? String)
    _ = try await run(
      ["product", "create", "--sku", "SEAT", "--name", "Seat", "--kind", "subscription", "--price", "3.00"], key: key)
    var numbers: [String] = []
    for day in 0..<orders {
      let date = Self.date(daysAfterFebruaryFirst: day)
      let order = try await run(
        ["order", "place", "--account", account, "--item", "SEAT:2", "--on", date, "--json"], key: key
      ).json()
      numbers.append(try #require(order["number"] as? String))
    }
    // Advance past every date and kill the server while it works through them: as soon as
    // the file shows the run has started, and only counting kills that left it unfinished
    // (read from the file before anything restarts the server).
    var landed = 0
    var attempts = 0
    while landed < kills, attempts < kills + 8 {
      attempts += 1
      let before = try DatabaseProbe.integer(tenantFile, completedSQL)
      if before == orders { break }
      let advance = try startOrderctl(["clock", "advance", "--to", "2027-06-01"], server: server.address, key: rootKey)
      _ = await eventually(timeout: .seconds(30), every: .milliseconds(2)) {
        (try? DatabaseProbe.integer(tenantFile, completedSQL)) ?? 0 > before
      }
      try await server.stop(signal: SIGKILL)
      try await onOwnThread { advance.waitUntilExit() }
      let completed = try DatabaseProbe.integer(tenantFile, completedSQL)
      if completed > before, completed < orders { landed += 1 }
      print("kill \(attempts): \(completed) of \(orders) orders had completed (\(before) before this run)")
      server = try await ServerProcess.start(dataDirectory: directory)
    }
    #expect(landed == kills, "the kills landed mid-run \(landed) times in \(attempts) attempts")
    _ = try await run(["clock", "advance", "--to", "2027-06-01"], key: rootKey)
    let now = try await run(["clock", "show", "--json"], key: rootKey).json()
    #expect(now["now"] as? String == "2027-06-01T00:00:00Z")

    let subscriptions = try #require(
      try await run(["subscription", "list", "--json"], key: key).json()["subscriptions"] as? [[String: Any]])
    let invoices = try #require(
      try await run(["invoice", "list", "--json"], key: key).json()["invoices"] as? [[String: Any]])
    for number in numbers {
      let order = try await run(["order", "show", number, "--json"], key: key).json()
      let id = try #require(order["id"] as? String)
      #expect(order["status"] as? String == "completed", "\(number)")
      let history = try #require(order["history"] as? [[String: Any]])
      #expect(history.filter { $0["to"] as? String == "executing" }.count == 1, "\(number) executed more than once")
      #expect(subscriptions.filter { $0["orderId"] as? String == id }.count == 1, "\(number) subscriptions")
      #expect(invoices.filter { $0["orderId"] as? String == id }.count == 1, "\(number) invoices")
    }
    try await server.stop()
    _ = server
  }

  static func date(daysAfterFebruaryFirst days: Int) -> String {
    let start = Date(timeIntervalSince1970: 1_801_440_000)  // 2027-02-01
    return String(start.addingTimeInterval(Double(days) * 86_400).formatted(.iso8601).prefix(10))
  }
}
