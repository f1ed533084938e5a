import Foundation
import GRDB
import OrderDomain
import Testing

@testable import OrderStorage

/// New organizations' files copied from a migrated template (issue 13).
@Suite("Organization template", .sqliteOnly, .timeLimit(.minutes(2)))
struct OrganizationTemplateTests {
  /// Every schema object of the file at `url`, and its applied migrations.
  static func schema(of url: URL) throws -> (objects: [String], migrations: [String]) {
    let queue = try DatabaseFiles.openReadOnly(url)
    defer { try? queue.close() }
    return try queue.read { db in
      (
        try String.fetchAll(
          db,
          sql:
            "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || IFNULL(sql, '') FROM sqlite_master ORDER BY type, name"
        ),
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
      )
    }
  }

  @Test("a file created from the template has the schema of a file migrated step by step")
  func sameSchemaAsMigrated() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let migrated = temporary.directory.organizationURL(.random())
    try OrganizationStore.open(at: migrated, organizationID: .random()).close()
    let id = OrganizationID.random()
    let databases = OrganizationDatabases(directory: temporary.directory)
    _ = try await databases.withStore(id) { store in
      try await store.write { tx in try tx.createAccount(NewAccount(name: "First", kind: .customer), now: t0) }
    }
    await databases.closeIdle()
    let copied = try Self.schema(of: temporary.directory.organizationURL(id))
    let expected = try Self.schema(of: migrated)
    #expect(copied.objects == expected.objects)
    #expect(copied.migrations == expected.migrations)
    #expect(copied.migrations.count == OrganizationSchema.migrator.migrations.count)
  }

  @Test("a crash mid-creation leaves only a .creating file: never listed, never opened, replaced by the next creation")
  func crashMidCreation() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    // What a crash between writing the copy and renaming it leaves: a partial copy.
    let partial = try OrganizationTemplate.templateBytes().prefix(1000)
    let creating = url.deletingPathExtension().appendingPathExtension("creating")
    try Data(partial).write(to: creating)
    #expect(!FileManager.default.fileExists(atPath: url.path))
    #expect(try DatabaseFiles.organizationFiles(in: temporary.directory).isEmpty)
    // The creation rolls forward: the organization's file is made afresh and works.
    let databases = OrganizationDatabases(directory: temporary.directory)
    let names = try await databases.withStore(id) { store in
      _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "After", kind: .customer), now: t0) }
      return try await store.read { tx in try tx.accounts().map(\.name) }
    }
    await databases.closeIdle()
    #expect(names == ["After"])
    #expect(!FileManager.default.fileExists(atPath: creating.path))
    #expect(try DatabaseFiles.organizationFiles(in: temporary.directory) == [url])
    let report = DataDirectoryCheck.check(url, in: temporary.directory, migrator: OrganizationSchema.migrator)
    #expect(report.isOK, "\(report.problems)")
  }

  @Test("an existing file is never replaced by the template")
  func existingKept() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    let store = try OrganizationStore.open(at: url, organizationID: id)
    _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "Kept", kind: .customer), now: t0) }
    try store.close()
    try OrganizationTemplate.createIfMissing(at: url, database: .organization(id))
    let databases = OrganizationDatabases(directory: temporary.directory)
    let names = try await databases.withStore(id) { store in
      try await store.read { tx in try tx.accounts().map(\.name) }
    }
    await databases.closeIdle()
    #expect(names == ["Kept"])
  }
}
