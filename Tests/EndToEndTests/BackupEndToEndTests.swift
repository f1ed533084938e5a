import Foundation
import OrderClient
import OrderProtocol
import OrderTesting
import Testing

/// Issue 10: `orderd backup` copies a running server's data directory while it serves and
/// writes; a second `orderd` started on the copy answers the same; `orderd check` reports
/// each file, and fails on a damaged one.
@Suite("orderd backup and orderd check end to end", .sqliteOnly, .serialized, .timeLimit(.minutes(5)))
struct BackupEndToEndTests {
  @Test("a backup taken while orderd serves and writes starts a second orderd that answers the same")
  func backupWhileServing() async throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-backup-\(UUID().uuidString)")
    let live = base.appendingPathComponent("live")
    let copy = base.appendingPathComponent("copy")
    defer { try? FileManager.default.removeItem(at: base) }
    let server = try await ServerProcess.start(dataDirectory: live)
    defer { server.stopBlocking(signal: SIGKILL) }
    let rootKey = try server.rootKey()
    func run(_ arguments: [String], key: String, on address: String) async throws -> CommandResult {
      let result = try await orderctl(arguments, server: address, key: key)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      return result
    }

    // A tenant with customers, a catalog, orders placed now and scheduled.
    let created = try await run(
      ["org", "create", "--name", "Quiet", "--kind", "tenant", "--json"], key: rootKey, on: server.address
    ).json()
    let quiet = try #require((created["adminKey"] as? [String: Any])?["secret"] as? String)
    _ = try await run(
      ["product", "create", "--sku", "SEAT", "--name", "Seat", "--kind", "subscription", "--price", "3.00"], key: quiet,
      on: server.address)
    for name in ["Acme", "Globex"] {
      let account = try await run(["account", "create", "--name", name, "--json"], key: quiet, on: server.address)
        .json()
      let id = try #require(account["id"] as? String)
      _ = try await run(["order", "place", "--account", id, "--item", "SEAT:3"], key: quiet, on: server.address)
      _ = try await run(
        ["order", "place", "--account", id, "--item", "SEAT:1", "--on", "2027-03-01"], key: quiet, on: server.address)
    }
    // Another tenant keeps writing while the backup runs.
    let busyCreated = try await run(
      ["org", "create", "--name", "Busy", "--kind", "tenant", "--json"], key: rootKey, on: server.address
    ).json()
    let busy = try #require((busyCreated["adminKey"] as? [String: Any])?["secret"] as? String)
    // Over one connection of the Swift client: no process per write.
    let busyClient = OrderdClientConfiguration(server: try #require(ServerAddress(server.address)), apiKey: busy)
    let stop = StopFlag()
    let writer = Task {
      try await OrderdTCPClient.withConnection(busyClient) { client in
        var count = 0
        while !stop.isSet {
          var request = Orders_V1_CreateAccountRequest()
          request.name = "Busy \(count)"
          _ = try await client.createAccount(request)
          count += 1
          try? await Task.sleep(for: .milliseconds(10))
        }
        return count
      }
    }
    // However the test ends, the writer stops.
    defer { stop.set() }
    try await Task.sleep(for: .milliseconds(300))
    let backup = try await orderd(["backup", "--data-dir", live.path, "--to", copy.path])
    #expect(backup.status == 0, "\(backup.stderr)")
    #expect(backup.stdout.contains("root-admin.key is not copied"))
    stop.set()
    let busyWrites = try await writer.value
    #expect(busyWrites > 0)
    #expect(!FileManager.default.fileExists(atPath: copy.appendingPathComponent("root-admin.key").path))

    // The live directory checks ok while the server runs; so does the copy.
    for directory in [live, copy] {
      let check = try await orderd(["check", "--data-dir", directory.path])
      #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
      #expect(check.stdout.contains("registry.sqlite: ok"))
    }

    // A second orderd on the copy answers what the first one answers.
    let second = try await ServerProcess.start(dataDirectory: copy)
    defer { second.stopBlocking(signal: SIGKILL) }
    for arguments in [
      ["order", "list", "--json"], ["account", "list", "--json"], ["subscription", "list", "--json"],
    ] {
      let first = try await run(arguments, key: quiet, on: server.address).stdout
      let restored = try await run(arguments, key: quiet, on: second.address).stdout
      #expect(first == restored, "\(arguments)")
    }
    let liveBusy = try await run(["account", "list", "--json"], key: busy, on: server.address).json()
    let copiedBusy = try await run(["account", "list", "--json"], key: busy, on: second.address).json()
    let liveNames = ((liveBusy["accounts"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    let copiedNames = ((copiedBusy["accounts"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    #expect(copiedNames == Array(liveNames.prefix(copiedNames.count)), "the copy is not a snapshot of the live data")
    // The copy's scheduled orders still run there (and the subscriptions renew).
    _ = try await run(["clock", "advance", "--to", "2027-03-02"], key: rootKey, on: second.address)
    let orders = try await run(["order", "list", "--json"], key: quiet, on: second.address).json()
    let statuses = ((orders["orders"] as? [[String: Any]]) ?? []).compactMap { $0["status"] as? String }
    #expect(statuses.count > 4 && statuses.allSatisfy { $0 == "completed" }, "\(statuses)")
    try await second.stop()
    try await server.stop()

    // A damaged file fails the check, named with its problem.
    let organizations = try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("orgs").path)
    let damaged = try #require(organizations.first { $0.hasSuffix(".sqlite") })
    try FileDamage.truncateToHalf(copy.appendingPathComponent("orgs").appendingPathComponent(damaged))
    let check = try await orderd(["check", "--data-dir", copy.path])
    #expect(check.status == 1)
    #expect(check.stdout.contains("orgs/\(damaged): "))
    #expect(!check.stdout.contains("orgs/\(damaged): ok"))
    #expect(check.stdout.contains("with problems"))
  }
}
