import Foundation
import GRDB
import OrderDomain
import OrderTesting
import Testing

@testable import OrderStorage

/// Issue 10: a broken organization file fails that organization only, with a clear error and
/// one log line; every other organization goes on.
@Suite("Broken organization files", .sqliteOnly, .timeLimit(.minutes(2)))
struct BrokenFileTests {
  /// Two organizations with data, their files closed cleanly: `broken` spans many pages.
  struct Setup {
    let temporary: TemporaryDataDirectory
    let recorder = LogRecorder()
    let databases: OrganizationDatabases
    let broken = OrganizationID.random()
    let healthy = OrganizationID.random()

    init() async throws {
      temporary = try TemporaryDataDirectory()
      databases = OrganizationDatabases(directory: temporary.directory, logger: recorder.logger())
      let name = String(repeating: "x", count: 1500)
      try await databases.withStore(broken) { store in
        for batch in 0..<4 {
          _ = try await store.write { tx in
            for index in 0..<50 {
              _ = try tx.createAccount(NewAccount(name: "\(batch)-\(index) \(name)", kind: .customer), now: t0)
            }
          }
        }
        try await store.checkpointForTests()
      }
      try await databases.withStore(healthy) { store in
        _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "Fine", kind: .customer), now: t0) }
        try await store.checkpointForTests()
      }
      await databases.closeIdle()
    }

    var brokenURL: URL { temporary.directory.organizationURL(broken) }

    /// Reads every account of `broken`; the failure it meets.
    func failure() async -> StorageFailure? {
      do {
        _ = try await databases.withStore(broken) { store in try await store.read { tx in try tx.accounts() } }
        return nil
      } catch {
        return error as? StorageFailure
      }
    }

    /// The healthy organization reads and writes as before.
    func expectHealthyWorks() async throws {
      let count = try await databases.withStore(healthy) { store in
        _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "More", kind: .customer), now: t0) }
        return try await store.read { tx in try tx.accounts().count }
      }
      #expect(count >= 2)
    }

    var failureLines: Int { recorder.lines(containing: "storage failure", org: "\(broken)").count }
  }

  /// Breaks the file, then expects `kind` on three attempts, one log line, and the other
  /// organization unaffected.
  func expectBroken(_ kind: StorageFailure.Kind, code: DomainError.Code, damage: (URL) throws -> Void) async throws
    -> Setup
  {
    let setup = try await Setup()
    try damage(setup.brokenURL)
    for _ in 0..<3 {
      let failure = try #require(await setup.failure(), "the broken organization's read did not fail")
      #expect(failure.kind == kind)
      #expect(failure.domainError.code == code)
      #expect(failure.message.contains("organization \(setup.broken)"))
      #expect(failure.message.contains(kind.summary))
    }
    try await setup.expectHealthyWorks()
    #expect(setup.failureLines == 1, "\(setup.recorder.recorded.map(\.message))")
    return setup
  }

  @Test("a truncated file: DATA_LOSS for that organization only, logged once")
  func truncated() async throws {
    let setup = try await expectBroken(.damaged, code: .dataLoss) { try FileDamage.truncateToHalf($0) }
    #expect(await setup.databases.brokenFailure(of: setup.broken)?.kind == .damaged)
    setup.temporary.cleanUp()
  }

  @Test("pages overwritten in the middle: DATA_LOSS when read, and the organization is set aside")
  func overwrittenPages() async throws {
    let setup = try await expectBroken(.damaged, code: .dataLoss) { try FileDamage.overwriteMiddlePages($0) }
    #expect(await setup.databases.brokenFailure(of: setup.broken)?.kind == .damaged)
    #expect(await setup.databases.openCount == 1, "the damaged file was not closed")
    setup.temporary.cleanUp()
  }

  @Test("a file migrated by a newer orderd: FAILED_PRECONDITION naming the migration; the file is left alone")
  func newerSchema() async throws {
    let setup = try await expectBroken(.newerSchema, code: .failedPrecondition) {
      try FileDamage.markNewerSchema($0)
    }
    let failure = try #require(await setup.failure())
    #expect(failure.detail.contains("v99: from a newer orderd"))
    let queue = try DatabaseQueue(path: setup.brokenURL.path)
    let accounts = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts") }
    try queue.close()
    #expect(accounts == 200)
    setup.temporary.cleanUp()
  }

  @Test(
    "an unreadable file (mode 000): UNAVAILABLE until its permissions are fixed",
    .enabled(if: !FileDamage.readsEverything, "root reads a file whatever its mode"))
  func unreadable() async throws {
    let setup = try await expectBroken(.inaccessible, code: .unavailable) { try FileDamage.setPermissions($0, 0o000) }
    try FileDamage.setPermissions(setup.brokenURL, 0o644)
    #expect(await setup.failure() == nil, "fixing the permissions did not bring the organization back")
    setup.temporary.cleanUp()
  }

  @Test("a directory where the file should be: UNAVAILABLE (the file cannot be opened)")
  func notAFile() async throws {
    let setup = try await expectBroken(.inaccessible, code: .unavailable) { url in
      try FileManager.default.removeItem(at: url)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    }
    setup.temporary.cleanUp()
  }

  @Test("a damaged file replaced by a good copy is opened again without a restart, and the log says so")
  func restoredWhileRunning() async throws {
    let setup = try await Setup()
    defer { setup.temporary.cleanUp() }
    let copy = setup.temporary.directory.url.appendingPathComponent("good-copy.sqlite")
    try FileManager.default.copyItem(at: setup.brokenURL, to: copy)
    try FileDamage.overwriteMiddlePages(setup.brokenURL)
    #expect(await setup.failure()?.kind == .damaged)
    #expect(await setup.failure()?.kind == .damaged)
    // The operator moves the damaged file (and its -wal, -shm) away and the copy in.
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: setup.brokenURL.path + suffix)
    }
    #expect(await setup.failure()?.kind == .damaged, "a missing file must not be created empty")
    try FileManager.default.moveItem(at: copy, to: setup.brokenURL)
    #expect(await setup.failure() == nil)
    #expect(setup.failureLines == 1)
    #expect(setup.recorder.lines(containing: "storage works again", org: "\(setup.broken)").count == 1)
  }
}
