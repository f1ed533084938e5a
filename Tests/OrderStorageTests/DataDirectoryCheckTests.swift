import Foundation
import GRDB
import OrderDomain
import OrderTesting
import Testing

@testable import OrderStorage

/// Issue 10: `orderd check` reports each file of a data directory, ok or its problems.
@Suite("Checking a data directory", .sqliteOnly, .timeLimit(.minutes(2)))
struct DataDirectoryCheckTests {
  /// A registry with a root and `count` tenants, each with a file holding a few accounts.
  static func populate(_ directory: DataDirectory, tenants count: Int) async throws -> [OrganizationID] {
    let registry = try Registry(directory: directory)
    defer { try? registry.close() }
    let root = try await registry.bootstrap(now: t0).root
    let databases = OrganizationDatabases(directory: directory)
    var ids: [OrganizationID] = []
    for index in 0..<count {
      let tenant = try await registry.createOrganization(name: "T\(index)", kind: .tenant, parent: root.id, now: t0)
      ids.append(tenant.organization.id)
      try await databases.withStore(tenant.organization.id) { store in
        for batch in 0..<3 {
          _ = try await store.write { tx in
            for account in 0..<30 {
              let name = "\(batch)-\(account) " + String(repeating: "z", count: 1000)
              _ = try tx.createAccount(NewAccount(name: name, kind: .customer), now: t0)
            }
          }
        }
        try await store.checkpointForTests()
      }
    }
    await databases.closeIdle()
    return ids
  }

  /// Checks off the cooperative pool: SQLite's checks block their thread.
  static func check(_ directory: DataDirectory) async throws -> [DataDirectoryCheck.FileReport] {
    try await onOwnThread { try DataDirectoryCheck.run(directory) }
  }

  func report(_ reports: [DataDirectoryCheck.FileReport], _ id: OrganizationID) -> DataDirectoryCheck.FileReport? {
    reports.first { $0.path == "orgs/\(id).sqlite" }
  }

  @Test("a sound directory: every file ok")
  func sound() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let ids = try await Self.populate(temporary.directory, tenants: 2)
    let reports = try await Self.check(temporary.directory)
    #expect(reports.map(\.path).sorted() == (["registry.sqlite"] + ids.map { "orgs/\($0).sqlite" }).sorted())
    #expect(reports.allSatisfy { $0.isOK }, "\(reports)")
  }

  @Test("each kind of breakage is reported for its file only")
  func breakages() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let ids = try await Self.populate(temporary.directory, tenants: 5)
    let directory = temporary.directory
    try FileDamage.overwriteMiddlePages(directory.organizationURL(ids[0]))
    try FileDamage.truncateToHalf(directory.organizationURL(ids[1]))
    try FileDamage.markNewerSchema(directory.organizationURL(ids[2]))
    // A row whose parent does not exist, written with foreign keys off.
    var configuration = Configuration()
    configuration.foreignKeysEnabled = false
    let queue = try DatabaseQueue(path: directory.organizationURL(ids[3]).path, configuration: configuration)
    try await queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO accounts (id, name, kind, resellerID, createdAt)
          VALUES ('ACC-999999', 'Orphan', 'customer', 'ACC-MISSING', '2026-01-01')
          """)
    }
    try queue.close()
    let reports = try await Self.check(directory)
    #expect(reports.first { $0.path == "registry.sqlite" }?.isOK == true)
    #expect(report(reports, ids[0])?.problems.first?.hasPrefix("integrity:") == true, "\(reports)")
    let truncated = try #require(report(reports, ids[1]))
    #expect(!truncated.isOK)
    #expect(truncated.problems.joined().contains("damaged") || truncated.problems.joined().contains("integrity"))
    #expect(
      report(reports, ids[2])?.problems == [
        "schema: written by a newer orderd (unknown schema migration 'v99: from a newer orderd')"
      ])
    #expect(
      report(reports, ids[3])?.problems.contains { $0.hasPrefix("foreign key:") && $0.contains("accounts") } == true)
    #expect(report(reports, ids[4])?.isOK == true)
  }

  @Test("an empty file is not an organization's database")
  func emptyFile() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let ids = try await Self.populate(temporary.directory, tenants: 1)
    try Data().write(to: temporary.directory.organizationURL(ids[0]))
    let reports = try await Self.check(temporary.directory)
    #expect(report(reports, ids[0])?.problems.first?.hasPrefix("schema: no orderd schema") == true)
  }

  @Test("checking while a server writes: read-only, nothing disturbed")
  func whileWriting() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let ids = try await Self.populate(temporary.directory, tenants: 1)
    let databases = OrganizationDatabases(directory: temporary.directory)
    try await databases.withStore(ids[0]) { store in
      _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "In the WAL", kind: .customer), now: t0) }
      let reports = try await Self.check(temporary.directory)
      #expect(reports.allSatisfy { $0.isOK }, "\(reports)")
      _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "After", kind: .customer), now: t0) }
      #expect(try await store.read { tx in try tx.accounts().count } == 92)
    }
    await databases.closeIdle()
  }
}
