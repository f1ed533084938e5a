import Foundation
import OrderStorage
import OrderTesting
import Testing

/// Issue 14: a node that starts before its database server waits for it, saying so; a node
/// the server refuses stops at once, saying why.
@Suite("orderd starting on PostgreSQL", .postgresOnly, .timeLimit(.minutes(3)))
struct PostgresStartEndToEndTests {
  @Test("a node started before PostgreSQL answers waits for it, logging why, and serves once it does")
  func waitsForTheServer() async throws {
    let admin = try TestPostgres.adminLocation()
    let forwarder = try await TCPForwarder(to: admin.host, port: admin.port)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pg-start-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    // The node's database, reached through the forwarder, which closes every connection
    // until it is told to forward: a server that is not up yet.
    var url = try #require(URLComponents(string: try await TestPostgres.processStorageURL(dataDirectory: directory)))
    url.port = forwarder.port
    let storage = try #require(url.string)
    async let starting = ServerProcess.start(dataDirectory: directory, storage: .postgres(storage))
    #expect(await eventually(timeout: .seconds(60)) { forwarder.refusedCount >= 2 }, "orderd tried once only")
    forwarder.forward()
    let server = try await starting
    #expect(server.log.contains("waiting for PostgreSQL at postgres://"), "\(server.log)")
    #expect(server.log.contains("connected to PostgreSQL at"), "\(server.log)")
    let clock = try await orderctl(["clock", "show", "--json"], server: server.address, key: try server.rootKey())
    #expect(clock.status == 0, "\(clock)")
    #expect(try await server.stop() == 0)
    await forwarder.close()
  }

  @Test("a node PostgreSQL refuses (no such database) stops at once with status 78 and the server's reason")
  func stopsWhenRefused() async throws {
    let admin = try TestPostgres.adminLocation()
    let missing = "orderd_missing_" + UUID().uuidString.prefix(8).lowercased()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pg-refused-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let started = ContinuousClock.now
    let result = try await orderd([
      "--data-dir", directory.path, "--port", "0", "--storage", admin.with(database: missing).description,
    ])
    #expect(result.status == 78, "\(result)")
    #expect(result.stderr.contains("refuses this node"), "\(result.stderr)")
    #expect(result.stderr.contains("database \"\(missing)\" does not exist (SQLSTATE 3D000)"), "\(result.stderr)")
    #expect(!result.stderr.contains("orderd listening"))
    #expect(ContinuousClock.now - started < .seconds(60))
  }
}
