import Foundation
import OrderTesting
import Testing

/// Issue 10 with the real `orderd`: the process is killed with SIGKILL while it creates an
/// organization, paused between two steps (`--test-pause-at`, a hidden option for tests).
/// The next start finishes the organization without any retry; `org create` rerun with the
/// same idempotency key then prints it, the same every time: one organization, one account
/// for it in the parent, no secret in the data directory or the log.
@Suite("Organization creation killed mid-way, end to end", .sqliteOnly, .serialized, .timeLimit(.minutes(4)))
struct OrganizationCreationCrashEndToEndTests {
  @Test(
    "T1, B2: SIGKILL at each step of org create; the restart finishes it once and a rerun prints the same organization and key",
    arguments: ["intentRecorded", "organizationFileWritten", "parentAccountWritten", "operationDone"])
  func killDuringCreation(_ step: String) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    var server = try await ServerProcess.start(dataDirectory: directory, extraArguments: ["--test-pause-at", step])
    defer { server.stopBlocking(signal: SIGKILL) }
    let rootKey = try server.rootKey()
    let call = UUID().uuidString
    let create = ["org", "create", "--name", "Tenant", "--kind", "tenant", "--json", "--idempotency-key", call]
    let client = try startOrderctl(create, server: server.address, key: rootKey)
    defer { if client.isRunning { client.terminate() } }
    let paused = await eventually { server.log.contains("test pause at \(step)") }
    #expect(paused, "orderd did not pause at \(step):\n\(server.log)")
    try await server.stop(signal: SIGKILL)
    var log = server.log
    client.terminate()
    try await onOwnThread { client.waitUntilExit() }

    server = try await ServerProcess.start(dataDirectory: directory)
    func run(_ arguments: [String], key: String = rootKey) async throws -> CommandResult {
      let result = try await orderctl(arguments, server: server.address, key: key)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      return result
    }
    // Finished at start, before any retry.
    let listed = try #require(try await run(["org", "list", "--json"]).json()["children"] as? [[String: Any]])
    #expect(listed.count == 1)
    let child = try #require(listed.first?["id"] as? String)
    if step != "operationDone" {
      #expect(server.log.contains("finished an organization creation interrupted by a crash"), "\(server.log)")
    }

    let created = try await run(create)
    let again = try await run(create)
    #expect(again.stdout == created.stdout)
    let organization = try #require(created.json()["organization"] as? [String: Any])
    let secret = try #require((created.json()["adminKey"] as? [String: Any])?["secret"] as? String)
    #expect(organization["id"] as? String == child)
    let accounts = try #require(try await run(["account", "list", "--json"]).json()["accounts"] as? [[String: Any]])
    #expect(accounts.count == 1)
    #expect(accounts.first?["id"] as? String == organization["parentAccountId"] as? String)
    let own = try await run(["org", "list", "--json"], key: secret).json()["own"] as? [String: Any]
    #expect(own?["id"] as? String == child)
    let children = try #require(try await run(["org", "list", "--json"]).json()["children"] as? [[String: Any]])
    #expect(children.count == 1)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("orgs").path)
    #expect(files.filter { $0.hasSuffix(".sqlite") }.count == 2, "\(files)")  // the root's and the child's

    try await server.stop()
    log += server.log
    let forms = SecretScan.forms(ofKey: secret)
    #expect(try SecretScan.hits(of: forms, under: directory).isEmpty)
    #expect(SecretScan.hits(of: forms, in: log).isEmpty)
    #expect(!log.contains(call), "the log shows the idempotency key")
  }
}
