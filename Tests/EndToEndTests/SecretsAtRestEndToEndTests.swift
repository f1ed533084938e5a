import Foundation
import OrderTesting
import Testing

/// Issue 9 with the real `orderd` and `orderctl`: the secrets of keys issued with an
/// idempotency key are in no file of the data directory and no line of a trace-level log
/// (nor are the idempotency keys or the caller's key), and rerunning the same command after a
/// restart prints the same key.
@Suite("API key secrets at rest, end to end", .sqliteOnly, .serialized, .timeLimit(.minutes(3)))
struct SecretsAtRestEndToEndTests {
  @Test(
    "T3: org create and key create leave no secret in the data directory or the log; a rerun after a restart prints the same keys; a short idempotency key is refused"
  )
  func secretsAtRest() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    var server = try await ServerProcess.start(dataDirectory: directory, extraArguments: ["--log-level", "trace"])
    defer { server.stopBlocking(signal: SIGKILL) }
    let rootKey = try server.rootKey()
    func run(_ arguments: [String]) async throws -> CommandResult {
      try await orderctl(arguments, server: server.address, key: rootKey)
    }
    let calls = (organization: UUID().uuidString, key: UUID().uuidString)
    let organizationCommand = [
      "org", "create", "--name", "Sealed", "--kind", "tenant", "--json", "--idempotency-key", calls.organization,
    ]
    let keyCommand = ["key", "create", "--role", "admin", "--json", "--idempotency-key", calls.key]
    let organization = try await run(organizationCommand)
    let key = try await run(keyCommand)
    #expect(organization.status == 0 && key.status == 0, "\(organization.stderr)\(key.stderr)")
    let organizationSecret = try #require((organization.json()["adminKey"] as? [String: Any])?["secret"] as? String)
    let keySecret = try #require(key.json()["secret"] as? String)
    let forms = SecretScan.forms(ofKey: organizationSecret) + SecretScan.forms(ofKey: keySecret)
    #expect(try SecretScan.hits(of: forms, under: directory).isEmpty)
    #expect(server.log.contains("method=orders.v1.KeyService/CreateKey"), "the log should be at trace level")
    var log = server.log

    try await server.stop()
    #expect(try SecretScan.hits(of: forms, under: directory).isEmpty)
    server = try await ServerProcess.start(dataDirectory: directory, extraArguments: ["--log-level", "trace"])
    let organizationAgain = try await run(organizationCommand)
    let keyAgain = try await run(keyCommand)
    #expect(organizationAgain.stdout == organization.stdout)
    #expect(keyAgain.stdout == key.stdout)

    let short = try await run(["key", "create", "--role", "admin", "--idempotency-key", "retry-1"])
    #expect(short.status == 2)
    #expect(short.stderr.contains("INVALID_ARGUMENT") && short.stderr.contains("random UUID"), "\(short.stderr)")
    let keys = try #require(try await run(["key", "list", "--json"]).json()["keys"] as? [[String: Any]])
    #expect(keys.count == 2)  // the root's first key and the one created above, once

    try await server.stop()
    log += server.log
    #expect(try SecretScan.hits(of: forms, under: directory).isEmpty)
    #expect(SecretScan.hits(of: forms, in: log).isEmpty)
    #expect(!log.contains(rootKey), "the log shows the authorization metadata")
    #expect(!log.contains(calls.organization) && !log.contains(calls.key), "the log shows idempotency keys")
  }
}
