import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Organization databases", .timeLimit(.minutes(5)))
struct OrganizationDatabasesTests {
  @Test("T2: each organization has its own file; org A's data is not in org B's")
  func separateFiles() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let databases = OrganizationDatabases(directory: temporary.directory, capacity: 4)
    let a = OrganizationID.random()
    let b = OrganizationID.random()
    _ = try await databases.withStore(a) { store in
      try await store.write { tx in
        try tx.createAccount(NewAccount(name: "Zebra Unique Corp", kind: .customer), now: t0)
      }
    }
    _ = try await databases.withStore(b) { store in try await store.read { tx in try tx.accounts() } }
    await databases.closeIdle()
    #expect(FileManager.default.fileExists(atPath: temporary.directory.organizationURL(a).path))
    #expect(FileManager.default.fileExists(atPath: temporary.directory.organizationURL(b).path))
    let bBytes = try Data(contentsOf: temporary.directory.organizationURL(b))
    #expect(bBytes.range(of: Data("Zebra Unique Corp".utf8)) == nil)
    let aAccounts = try await databases.withStore(a) { store in try await store.read { tx in try tx.accounts() } }
    let bAccounts = try await databases.withStore(b) { store in try await store.read { tx in try tx.accounts() } }
    #expect(aAccounts.map(\.name) == ["Zebra Unique Corp"])
    #expect(bAccounts.isEmpty)
  }

  @Test("LRU: more organizations than the capacity keep the open count bounded, and data persists")
  func lruBound() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let databases = OrganizationDatabases(directory: temporary.directory, capacity: 3)
    let organizations = (0..<12).map { _ in OrganizationID.random() }
    for (index, id) in organizations.enumerated() {
      _ = try await databases.withStore(id) { store in
        try await store.write { tx in try tx.createAccount(NewAccount(name: "Org \(index)", kind: .customer), now: t0) }
      }
      #expect(await databases.openCount <= 3)
    }
    for (index, id) in organizations.enumerated() {
      let names = try await databases.withStore(id) { store in
        try await store.read { tx in try tx.accounts().map(\.name) }
      }
      #expect(names == ["Org \(index)"])
      #expect(await databases.openCount <= 3)
    }
  }

  @Test("LRU: a database in use is not closed under its operation")
  func leasedNotClosed() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let databases = OrganizationDatabases(directory: temporary.directory, capacity: 1)
    let busy = OrganizationID.random()
    try await databases.withStore(busy) { store in
      for _ in 0..<3 {
        _ = try await databases.withStore(.random()) { other in try await other.read { tx in try tx.accounts() } }
      }
      // Still usable although three other organizations were opened meanwhile.
      _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "Still open", kind: .customer), now: t0) }
      #expect(await databases.openCount == 1)
    }
    #expect(await databases.openCount == 1)
  }

  @Test("LRU: concurrent operations on many organizations stay bounded")
  func concurrentBound() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let databases = OrganizationDatabases(directory: temporary.directory, capacity: 4)
    let organizations = (0..<8).map { _ in OrganizationID.random() }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for round in 0..<3 {
        for id in organizations {
          group.addTask {
            _ = try await databases.withStore(id) { store in
              try await store.write { tx in
                try tx.createAccount(NewAccount(name: "r\(round)", kind: .customer), now: t0)
              }
            }
          }
        }
      }
      try await group.waitForAll()
    }
    #expect(await databases.openCount <= 4)
    for id in organizations {
      let count = try await databases.withStore(id) { store in try await store.read { tx in try tx.accounts().count } }
      #expect(count == 3)
    }
  }

  @Test("a malformed organization id is refused before touching the file system")
  func malformedID() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let databases = OrganizationDatabases(directory: temporary.directory)
    await #expect(throws: DomainError.self) {
      try await databases.withStore("../escape") { _ in () }
    }
  }
}
