import Foundation
import OrderTesting
import Testing

/// The organization cache and the connection cap sized from the file descriptor limit at
/// start (issue 13), on each storage: an SQLite organization holds five descriptors, a
/// PostgreSQL schema none, so on PostgreSQL the cache is not sized from the limit and does
/// not take descriptors from the connections (issue 14).
@Suite("Sizing from the file descriptor limit", .timeLimit(.minutes(2)))
struct FileDescriptorSizingEndToEndTests {
  @Test("the organization cache and --max-connections are sized for the storage orderd runs on")
  func sizedForTheStorage() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fd-sizing-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(
      dataDirectory: directory, extraArguments: ["--max-connections", "300"], fileDescriptorLimit: 512)
    let log = server.log
    if TestStorage.isPostgres {
      // 512 − 128 spare − 16 pooled connections − 1 listener = 367: room for 300 connections.
      #expect(log.contains("organization cache: 4096 open organization schemas on PostgreSQL"), "\(log)")
      #expect(!log.contains("--max-connections 300 lowered"), "\(log)")
      #expect(!log.contains("open databases"), "\(log)")
    } else {
      // (512 − 128 − max(384 − 300, 384 / 2)) / 5 = 38 files, 38 × 5 + 128 = 318 descriptors kept.
      #expect(log.contains("organization cache: 38 open databases, sized from the soft limit of 512"), "\(log)")
      #expect(log.contains("--max-connections 300 lowered to 194"), "\(log)")
    }
    #expect(try await server.stop() == 0)
  }
}
