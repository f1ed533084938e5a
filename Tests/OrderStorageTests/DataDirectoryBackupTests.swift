import Foundation
import GRDB
import OrderDomain
import OrderTesting
import Testing

@testable import OrderStorage

/// Issue 10: `orderd backup` copies a data directory consistently while it is written to.
@Suite("Backing up a data directory", .sqliteOnly, .timeLimit(.minutes(2)))
struct DataDirectoryBackupTests {
  @Test("a copy taken while a writer commits opens, checks ok, and holds a prefix of what was written")
  func whileWriting() async throws {
    let source = try TemporaryDataDirectory()
    let target = try TemporaryDataDirectory()
    defer {
      source.cleanUp()
      target.cleanUp()
    }
    let registry = try Registry(directory: source.directory)
    defer { try? registry.close() }
    let root = try await registry.bootstrap(now: t0).root
    let tenant = try await registry.createOrganization(name: "Tenant", kind: .tenant, parent: root.id, now: t0)
    let tenantID = tenant.organization.id
    let databases = OrganizationDatabases(directory: source.directory)
    _ = try await databases.withStore(root.id) { store in
      try await store.write { tx in try tx.createAccount(NewAccount(name: "Root customer", kind: .customer), now: t0) }
    }
    let stop = StopFlag()
    // However the test ends, the writer stops.
    defer { stop.set() }
    let writer = Task {
      var written = 0
      while !stop.isSet {
        let name = "Customer \(written)"
        _ = try await databases.withStore(tenantID) { store in
          try await store.write { tx in try tx.createAccount(NewAccount(name: name, kind: .customer), now: t0) }
        }
        written += 1
      }
      return written
    }
    // Let the writer get going, then copy while it writes.
    #expect(
      await eventually {
        (try? await databases.withStore(tenantID) { store in try await store.read { tx in try tx.accounts().count } })
          ?? 0 >= 20
      })
    let copied = try await onOwnThread {
      try DataDirectoryBackup.run(from: source.directory, to: target.directory).copied
    }
    stop.set()
    let written = try await writer.value
    #expect(Set(copied) == ["registry.sqlite", "orgs/\(root.id).sqlite", "orgs/\(tenantID).sqlite"])
    #expect(copied.last == "registry.sqlite")
    let reports = try await DataDirectoryCheckTests.check(target.directory)
    #expect(reports.count == 3)
    #expect(reports.allSatisfy { $0.isOK }, "\(reports)")

    let live = try await databases.withStore(tenantID) { store in try await store.read { tx in try tx.accounts() } }
    await databases.closeIdle()
    let copy = try OrganizationStore.open(at: target.directory.organizationURL(tenantID), organizationID: tenantID)
    let inCopy = try await copy.read { tx in try tx.accounts() }
    try copy.close()
    #expect(live.count == written)
    #expect(inCopy.count >= 20 && inCopy.count <= live.count)
    #expect(inCopy == Array(live.prefix(inCopy.count)), "the copy is not a snapshot of what was committed")
    let copiedRegistry = try Registry(directory: target.directory)
    defer { try? copiedRegistry.close() }
    #expect(try await copiedRegistry.organization(id: tenantID)?.name == "Tenant")
    #expect(!FileManager.default.fileExists(atPath: target.directory.rootAdminKeyURL.path))
  }

  @Test("the copy's wake-ups follow the copied job queues")
  func wakeupsFollowTheCopies() async throws {
    let source = try TemporaryDataDirectory()
    let target = try TemporaryDataDirectory()
    defer {
      source.cleanUp()
      target.cleanUp()
    }
    let registry = try Registry(directory: source.directory)
    let root = try await registry.bootstrap(now: t0).root
    let idle = try await registry.createOrganization(name: "Idle", kind: .tenant, parent: root.id, now: t0)
    let databases = OrganizationDatabases(directory: source.directory)
    let due = t0.addingTimeInterval(3600)
    _ = try await databases.withStore(root.id) { store in
      try await store.write { tx in try tx.enqueueJob(kind: "renew", subject: "x", dueAt: due, now: t0) }
    }
    _ = try await databases.withStore(idle.organization.id) { store in try await store.read { tx in try tx.accounts() }
    }
    // As if the files had been copied before the registry moved on: the root's wake-up is
    // later than its job, and the idle organization has one without a job.
    try await registry.replaceWakeup(root.id, dueAt: due.addingTimeInterval(86_400))
    try await registry.replaceWakeup(idle.organization.id, dueAt: t0)
    await databases.closeIdle()
    try registry.close()
    _ = try await onOwnThread { try DataDirectoryBackup.run(from: source.directory, to: target.directory) }
    let copied = try Registry(directory: target.directory)
    defer { try? copied.close() }
    let wakeups = try await copied.dueWakeups(by: .distantFuture, limit: 10)
    #expect(wakeups.map(\.0) == [root.id])
    #expect(wakeups.first?.1 == due)
  }

  @Test("a damaged organization file is named and skipped; the others are copied")
  func damagedFileSkipped() async throws {
    let source = try TemporaryDataDirectory()
    let target = try TemporaryDataDirectory()
    defer {
      source.cleanUp()
      target.cleanUp()
    }
    let ids = try await DataDirectoryCheckTests.populate(source.directory, tenants: 2)
    try FileDamage.truncateToHalf(source.directory.organizationURL(ids[0]))
    let outcome = try await onOwnThread { try DataDirectoryBackup.run(from: source.directory, to: target.directory) }
    #expect(outcome.failed.map(\.path) == ["orgs/\(ids[0]).sqlite"])
    #expect(outcome.failed.first?.reason.contains("damaged") == true)
    #expect(Set(outcome.copied) == ["orgs/\(ids[1]).sqlite", "registry.sqlite"])
    #expect(!FileManager.default.fileExists(atPath: target.directory.organizationURL(ids[0]).path))
  }

  @Test("files are copied children first, so a backorder a child no longer holds is in its parent's copy")
  func childrenFirst() throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    for name in ["root", "tenant", "grandchild", "unknown"] {
      try Data().write(to: temporary.directory.organizationsURL.appendingPathComponent("\(name).sqlite"))
    }
    let parents: [String: String?] = ["root": nil, "tenant": "root", "grandchild": "tenant"]
    let order = try DataDirectoryBackup.organizationFilesChildrenFirst(in: temporary.directory, parents: parents)
    #expect(order.map { $0.deletingPathExtension().lastPathComponent } == ["unknown", "grandchild", "tenant", "root"])
  }

  @Test("a target that holds database files, or the data directory itself, is refused")
  func refusals() async throws {
    let source = try TemporaryDataDirectory()
    defer { source.cleanUp() }
    try Registry(directory: source.directory).close()
    #expect(throws: DataDirectoryBackup.Failure.self) {
      try DataDirectoryBackup.run(from: source.directory, to: source.directory)
    }
    let target = try TemporaryDataDirectory()
    defer { target.cleanUp() }
    try DataDirectoryBackup.run(from: source.directory, to: target.directory)
    #expect(throws: DataDirectoryBackup.Failure.self) {
      try DataDirectoryBackup.run(from: source.directory, to: target.directory)
    }
  }
}
