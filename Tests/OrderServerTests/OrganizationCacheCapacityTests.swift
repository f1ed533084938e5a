import Foundation
import OrderDomain
import Testing

@testable import OrderServer
@testable import OrderStorage

/// The organization cache sized from the file descriptor limit (issue 13).
@Suite("Organization cache capacity", .sqliteOnly, .timeLimit(.minutes(2)))
struct OrganizationCacheCapacityTests {
  @Test("capacity = min(512, (soft limit - 128 spare - connections, at most half) / 5), at least 4")
  func formula() {
    func capacity(_ soft: UInt64, connections: Int) -> Int {
      FileDescriptorLimit(soft: soft, hard: soft).organizationCacheCapacity(connections: connections)
    }
    #expect(capacity(20_000, connections: 1024) == 512)
    #expect(capacity(3_000, connections: 1024) == (3_000 - 128 - 1024) / 5)
    #expect(capacity(1_048_576, connections: 1024) == 512)
    // Connections never take more than half.
    #expect(capacity(1024, connections: 1024) == (1024 - 128) / 2 / 5)
    #expect(capacity(128, connections: 100_000) == 4)
    #expect(capacity(16, connections: 1) == 4)
    let explicitCeiling = FileDescriptorLimit(soft: 20_000, hard: 20_000)
      .organizationCacheCeiling(reservingConnections: 10_000)
    #expect(explicitCeiling == (20_000 - 128 - 10_000) / 5)
  }

  @Test(
    "an open organization holds at most descriptorsPerOrganization file descriptors, readers included",
    .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd"), "needs /proc/self/fd"))
  func descriptorsPerOrganization() async throws {
    let directory = DataDirectory(
      FileManager.default.temporaryDirectory.appendingPathComponent("fd-\(UUID().uuidString)", isDirectory: true))
    defer { try? FileManager.default.removeItem(at: directory.url) }
    let databases = OrganizationDatabases(directory: directory, capacity: 4)
    let id = OrganizationID.random()
    let peak = try await databases.withStore(id) { store in
      // Reads beside writes, until the second connection is open (and a while after).
      var peak = 0
      var round = 0
      while round < 20 || (store.connections.connectionCount < 2 && round < 2_000) {
        round += 1
        try await withThrowingTaskGroup(of: Int.self) { group in
          for index in 0..<4 {
            group.addTask {
              _ = try await store.write { tx in
                try tx.createAccount(NewAccount(name: "\(index)", kind: .customer), now: .now)
              }
              return 0
            }
            group.addTask { try await store.read { tx in try tx.accounts().count } }
          }
          for try await _ in group {}
        }
        peak = max(peak, Self.openFiles(under: directory.url))
      }
      #expect(store.connections.connectionCount == 2)
      return peak
    }
    #expect(peak >= 3)
    #expect(peak <= FileDescriptorLimit.descriptorsPerOrganization)
    await databases.closeIdle()
    #expect(Self.openFiles(under: directory.url) == 0)
  }

  static func openFiles(under directory: URL) -> Int {
    let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return fds.count {
      let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")
      return target?.hasPrefix(directory.path) == true
    }
  }
}
