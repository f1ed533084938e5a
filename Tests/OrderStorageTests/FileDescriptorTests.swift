import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Organization databases at scale", .sqliteOnly, .timeLimit(.minutes(5)))
struct FileDescriptorTests {
  static let hasProcFileSystem = FileManager.default.fileExists(atPath: "/proc/self/fd")

  /// How many of this process's open files are under `directory`.
  static func openFiles(under directory: URL) -> Int {
    let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return fds.count {
      let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")
      return target?.hasPrefix(directory.path) == true
    }
  }

  @Test(
    "T2: many more organizations than the capacity do not accumulate file descriptors",
    .enabled(if: hasProcFileSystem, "needs /proc/self/fd"))
  func boundedDescriptors() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let databases = OrganizationDatabases(directory: temporary.directory, capacity: 3)
    var peak = 0
    for _ in 0..<30 {
      _ = try await databases.withStore(.random()) { store in try await store.read { tx in try tx.accounts() } }
      peak = max(peak, Self.openFiles(under: temporary.directory.url))
    }
    #expect(await databases.openCount == 3)
    // An open pool holds a handful of files (database and WAL per connection); 30 open
    // pools would hold well over 100.
    #expect(peak > 0)
    #expect(peak <= 3 * 8)
    await databases.closeIdle()
    #expect(await databases.openCount == 0)
    #expect(Self.openFiles(under: temporary.directory.url) == 0)
  }
}
