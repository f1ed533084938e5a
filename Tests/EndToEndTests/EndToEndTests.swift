import Foundation
import OrderTesting
import Testing

/// Starts the real `orderd`, drives the real `orderctl`, reads `--json`.
@Suite("orderd and orderctl end to end", .serialized, .timeLimit(.minutes(10)))
struct EndToEndTests {
  @Test("T1-T6: a tenant admin creates a child, a customer, a product and an order; others see none of it")
  func tenantTour() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(dataDirectory: directory)
    defer { server.stopBlocking(signal: SIGKILL) }
    let rootKey = try String(contentsOf: directory.appendingPathComponent("root-admin.key"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(server.log.contains("root-admin.key"))
    func run(_ arguments: [String], key: String?) async throws -> CommandResult {
      try await orderctl(arguments, server: server.address, key: key)
    }

    // The root admin creates a tenant and receives its first admin key once.
    let created = try await run(
      ["org", "create", "--name", "Reseller One", "--kind", "tenant", "--json"], key: rootKey
    ).json()
    let tenantKey = try #require((created["adminKey"] as? [String: Any])?["secret"] as? String)
    let tenantID = try #require((created["organization"] as? [String: Any])?["id"] as? String)

    // The tenant admin builds its own business.
    let child = try await run(
      ["org", "create", "--name", "Reseller DE", "--kind", "country-tenant", "--json"], key: tenantKey
    ).json()
    #expect((child["organization"] as? [String: Any])?["parentId"] as? String == tenantID)
    let account = try await run(["account", "create", "--name", "Acme GmbH", "--json"], key: tenantKey).json()
    let accountID = try #require(account["id"] as? String)
    let product = try await run(
      [
        "product", "create", "--sku", "M365-E3", "--name", "Microsoft 365 E3", "--kind", "subscription",
        "--vendor", "microsoft", "--price", "32.00", "--billing-cycles", "monthly,annual", "--terms", "P1M,P1Y",
        "--json",
      ], key: tenantKey)
    #expect(product.status == 0, "\(product.stderr)")
    let order = try await run(
      ["order", "place", "--account", accountID, "--item", "M365-E3:5", "--json"], key: tenantKey
    ).json()
    #expect(order["number"] as? String == "SO-000001")
    #expect(order["status"] as? String == "completed")
    #expect((order["total"] as? [String: Any])?["minorUnits"] as? String == "16000")

    let subscriptions = try await run(["subscription", "list", "--json"], key: tenantKey).json()
    let listed = try #require(subscriptions["subscriptions"] as? [[String: Any]])
    #expect(listed.count == 1)
    #expect(listed.first?["quantity"] as? Int == 5)
    #expect(listed.first?["sku"] as? String == "M365-E3")

    // The readable table shows the same subscription.
    let table = try await run(["subscription", "list"], key: tenantKey)
    #expect(table.status == 0)
    #expect(table.stdout.contains("M365-E3"))

    // Another organization's keys see nothing of it (T4, T6).
    let other = try await run(["org", "create", "--name", "Reseller Two", "--kind", "tenant", "--json"], key: rootKey)
      .json()
    let otherKey = try #require((other["adminKey"] as? [String: Any])?["secret"] as? String)
    for key in [rootKey, otherKey] {
      let accounts = try await run(["account", "list", "--json"], key: key).json()
      let names = (accounts["accounts"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
      #expect(!names.contains("Acme GmbH"))
      let shown = try await run(["order", "show", "SO-000001"], key: key)
      #expect(shown.status != 0)
      #expect(shown.stderr.hasPrefix("orderctl: NOT_FOUND: "))
    }

    // No key and a storefront key on an admin command are refused with their status names.
    let anonymous = try await run(["account", "list"], key: nil)
    #expect(anonymous.status != 0)
    #expect(anonymous.stderr.contains("API key"))
    let unknown = try await run(["account", "list"], key: "odk_0000000000000000_00")
    #expect(unknown.stderr.hasPrefix("orderctl: UNAUTHENTICATED: "))
    let storefront = try await run(
      ["key", "create", "--role", "storefront", "--account", accountID, "--json"], key: tenantKey
    ).json()
    let storefrontKey = try #require(storefront["secret"] as? String)
    let denied = try await run(["account", "create", "--name", "Sneaky"], key: storefrontKey)
    #expect(denied.stderr.contains("PERMISSION_DENIED"))
    let own = try await run(["subscription", "list", "--json"], key: storefrontKey).json()
    #expect((own["subscriptions"] as? [Any])?.count == 1)
  }

  @Test("SIGTERM stops orderd cleanly; a restart keeps the data, the key file and the clock")
  func restartKeepsState() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let keyFile = directory.appendingPathComponent("root-admin.key")
    var server = try await ServerProcess.start(dataDirectory: directory)
    let rootKey = try String(contentsOf: keyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    _ = try await orderctl(["account", "create", "--name", "Persistent"], server: server.address, key: rootKey)
    let advanced = try await orderctl(
      ["clock", "advance", "--by", "P1M", "--json"], server: server.address, key: rootKey
    ).json()
    #expect(advanced["now"] as? String == "2027-02-01T00:00:00Z")
    #expect(try await server.stop(signal: SIGTERM) == 0)
    #expect(server.log.contains("shutting down"))

    server = try await ServerProcess.start(dataDirectory: directory)
    let restarted = server
    defer { restarted.stopBlocking(signal: SIGKILL) }
    #expect(try String(contentsOf: keyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == rootKey)
    let accounts = try await orderctl(["account", "list", "--json"], server: server.address, key: rootKey).json()
    #expect((accounts["accounts"] as? [[String: Any]])?.first?["name"] as? String == "Persistent")
    // The simulated clock never moves backwards, not even across a restart.
    let clock = try await orderctl(["clock", "show", "--json"], server: server.address, key: rootKey).json()
    #expect(clock["now"] as? String == "2027-02-01T00:00:00Z")
  }

  @Test("orderctl reports an unreachable server as UNAVAILABLE with a non-zero exit")
  func unreachable() async throws {
    let result = try await orderctl(["clock", "show"], server: "127.0.0.1:1", key: "odk_x_y")
    #expect(result.status != 0)
    #expect(result.stderr.hasPrefix("orderctl: UNAVAILABLE"))
  }
}
