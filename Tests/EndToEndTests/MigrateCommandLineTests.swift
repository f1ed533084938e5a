import Foundation
import OrderTesting
import Testing

/// Issue 14: `orderd migrate` refuses bad input with a message a person can act on, before it
/// changes anything. Needs no PostgreSQL: each case stops before a database is reached.
@Suite("orderd migrate refuses bad input", .serialized, .timeLimit(.minutes(5)))
struct MigrateCommandLineTests {
  /// A server that cannot be reached: nothing listens on port 1.
  static let unreachable = "postgres://orderd@127.0.0.1:1/orderd"

  @Test("without a target, with a URL that is not PostgreSQL's, or a directory that is not orderd's")
  func badArguments() async throws {
    let missing = try await orderd(["migrate", "--from", "/tmp"])
    #expect(missing.status == 64 && missing.stderr.contains("--to postgres://"), "\(missing)")
    let http = try await orderd(["migrate", "--from", "/tmp", "--to", "http://example.com/db"])
    #expect(http.status == 64 && http.stderr.contains("--to: invalid PostgreSQL URL"), "\(http)")
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-migrate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    let notOurs = try await orderd(["migrate", "--from", empty.path, "--to", Self.unreachable])
    #expect(notOurs.status == 1 && notOurs.stderr.contains("has no registry.sqlite"), "\(notOurs)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty)
  }

  @Test("a directory orderd runs on is refused; once stopped, a server that cannot be reached is named")
  func inUseThenUnreachable() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-migrate-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(dataDirectory: directory, storage: .dataDirectory)
    defer { server.stopBlocking(signal: SIGKILL) }
    let migrate = ["migrate", "--from", directory.path, "--to", Self.unreachable]
    let busy = try await orderd(migrate)
    #expect(busy.status == 1, "\(busy)")
    #expect(busy.stderr.contains("registry.sqlite (process \(server.processIdentifier))"), "\(busy)")
    #expect(busy.stderr.contains("stop orderd"))
    #expect(try await server.stop() == 0)
    let started = ContinuousClock.now
    let unreachable = try await orderd(migrate)
    #expect(unreachable.status == 1 && unreachable.stderr.contains("cannot be reached"), "\(unreachable)")
    #expect(ContinuousClock.now - started < .seconds(30))
  }
}
