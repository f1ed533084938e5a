import Foundation
import GRDB
import OrderDomain
import OrderTesting
import Testing

@testable import OrderStorage

/// Issue 10: a full disk fails writes with RESOURCE_EXHAUSTED naming the cause and the
/// organization; reads go on, nothing committed is lost, and once space is back the same
/// write succeeds. SQLite's `max_page_count` on the writer connection plays the full disk.
@Suite("A full disk at the storage level", .sqliteOnly, .timeLimit(.minutes(2)))
struct FullDiskTests {
  @Test("writes fail with RESOURCE_EXHAUSTED naming the cause and the organization; reads go on; logged once")
  func fullDisk() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let recorder = LogRecorder()
    let databases = OrganizationDatabases(directory: temporary.directory, logger: recorder.logger())
    let organization = OrganizationID.random()
    let big = String(repeating: "y", count: 2000)
    try await databases.withStore(organization) { store in
      for index in 0..<3 {
        _ = try await store.write { tx in
          try tx.createAccount(NewAccount(name: "Kept \(index)", kind: .customer), now: t0)
        }
      }
      try await store.limitToCurrentSize()
      // Fill what is left of the last pages; then every write of a big account needs a new page.
      var written = 3
      var failure: StorageFailure?
      for _ in 0..<50 {
        do {
          _ = try await store.write { tx in try tx.createAccount(NewAccount(name: big, kind: .customer), now: t0) }
          written += 1
        } catch let error as StorageFailure {
          failure = error
          break
        }
      }
      let full = try #require(failure, "the page limit never filled up")
      #expect(full.kind == .diskFull)
      #expect(full.domainError.code == .resourceExhausted)
      #expect(full.message.contains("organization \(organization)"))
      #expect(full.message.contains("the disk is full"))
      #expect(full.detail.contains("SQLITE_FULL"))
      for _ in 0..<3 {
        await #expect(throws: StorageFailure.self) {
          _ = try await store.write { tx in try tx.createAccount(NewAccount(name: big, kind: .customer), now: t0) }
        }
      }
      // Reads go on, and everything committed before is there.
      let accounts = try await store.read { tx in try tx.accounts() }
      #expect(accounts.count == written)
      #expect(accounts.prefix(3).map(\.name) == ["Kept 0", "Kept 1", "Kept 2"])
      #expect(recorder.lines(containing: "storage failure", org: "\(organization)").count == 1)
      #expect(databases.health.failure(of: .organization(organization))?.kind == .diskFull)

      try await store.removePageLimit()
      _ = try await store.write { tx in try tx.createAccount(NewAccount(name: big, kind: .customer), now: t0) }
      #expect(try await store.read { tx in try tx.accounts().count } == written + 1)
      #expect(recorder.lines(containing: "storage works again", org: "\(organization)").count == 1)
      #expect(databases.health.failure(of: .organization(organization)) == nil)
    }
  }

  @Test("a read does not end the episode of a full disk; only a write that works does")
  func readsDoNotEndTheEpisode() {
    let recorder = LogRecorder()
    let health = StorageHealth(logger: recorder.logger())
    let database = StorageFailure.Database.organization(.random())
    health.failed(StorageFailure(.diskFull, in: database, detail: "SQLITE_FULL: database or disk is full"))
    health.failed(StorageFailure(.diskFull, in: database, detail: "SQLITE_FULL: database or disk is full"))
    health.worked(database, wrote: false)
    #expect(health.failure(of: database)?.kind == .diskFull)
    health.worked(database, wrote: true)
    #expect(health.failure(of: database) == nil)
    #expect(recorder.lines(containing: "storage failure").count == 1)
    #expect(recorder.lines(containing: "storage works again").count == 1)
  }
}
