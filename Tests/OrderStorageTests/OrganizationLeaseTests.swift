import Dispatch
import Foundation
import Logging
import OrderDomain
import Synchronization
import Testing

@testable import OrderStorage

/// Opening and closing outside the actor (issue 13): what concurrent leases, eviction and
/// closes may and may not do. File work is observed (and held back) through
/// ``OrganizationFiles`` hooks; nothing is ordered by sleeping.
@Suite("Organization leases", .timeLimit(.minutes(2)))
struct OrganizationLeaseTests {
  /// What the hooks saw, in order: "open <n>", "close <n> begins", "close <n> ends".
  final class Journal: Sendable {
    let events = Mutex<[String]>([])
    /// Closes of these organizations wait until `letCloseGo` is signalled.
    let heldCloses = Mutex<Set<OrganizationID>>([])
    let closeHeld = DispatchSemaphore(value: 0)
    let letCloseGo = DispatchSemaphore(value: 0)

    func note(_ event: String) { events.withLock { $0.append(event) } }
    var all: [String] { events.withLock { $0 } }
    func count(_ event: String) -> Int { all.count { $0 == event } }

    func files(_ directory: DataDirectory, names: [OrganizationID: String]) -> OrganizationFiles {
      let real = OrganizationFiles.real(
        directory: directory, health: StorageHealth(logger: Logger(label: "test")), metrics: StorageMetrics())
      return OrganizationFiles(
        open: { id in
          self.note("open \(names[id] ?? "?")")
          return try await real.open(id)
        },
        close: { store in
          let name = names[store.organizationID] ?? "?"
          self.note("close \(name) begins")
          if self.heldCloses.withLock({ $0.contains(store.organizationID) }) {
            self.closeHeld.signal()
            self.letCloseGo.wait()
          }
          try real.close(store)
          self.note("close \(name) ends")
        })
    }
  }

  @Test("concurrent leases of one organization open its file once")
  func concurrentLeasesOpenOnce() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let a = OrganizationID.random()
    let journal = Journal()
    let databases = OrganizationDatabases(
      directory: temporary.directory, capacity: 4, files: journal.files(temporary.directory, names: [a: "a"]))
    try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<32 {
        group.addTask {
          try await databases.withStore(a) { store in try await store.read { tx in try tx.accounts() }.count }
        }
      }
      for try await count in group { #expect(count == 0) }
    }
    #expect(journal.count("open a") == 1)
    #expect(await databases.openCount == 1)
    await databases.closeIdle()
    #expect(journal.count("close a ends") == 1)
  }

  @Test("eviction never closes a store in use, even with many misses meanwhile")
  func evictionSparesLeased() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let busy = OrganizationID.random()
    let others = (0..<12).map { _ in OrganizationID.random() }
    var names = [busy: "busy"]
    for (index, id) in others.enumerated() { names[id] = "o\(index)" }
    let journal = Journal()
    let databases = OrganizationDatabases(
      directory: temporary.directory, capacity: 2, files: journal.files(temporary.directory, names: names))
    try await databases.withStore(busy) { store in
      try await withThrowingTaskGroup(of: Void.self) { group in
        for id in others {
          group.addTask {
            _ = try await databases.withStore(id) { other in try await other.read { tx in try tx.accounts() } }
          }
        }
        try await group.waitForAll()
      }
      #expect(!journal.all.contains { $0.hasPrefix("close busy") })
      _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "Still open", kind: .customer), now: t0) }
    }
    await databases.closeIdle()
    #expect(journal.count("close busy ends") == 1)
    #expect(await databases.openCount == 0)
    #expect(await databases.closingCount == 0)
  }

  @Test("an organization being closed is opened again only once its close is over")
  func noReopenWhileClosing() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let a = OrganizationID.random()
    let b = OrganizationID.random()
    let journal = Journal()
    journal.heldCloses.withLock { _ = $0.insert(a) }
    let databases = OrganizationDatabases(
      directory: temporary.directory, capacity: 1, files: journal.files(temporary.directory, names: [a: "a", b: "b"]))
    _ = try await databases.withStore(a) { store in
      try await store.write { tx in try tx.createAccount(NewAccount(name: "Before", kind: .customer), now: t0) }
    }
    // Opening b evicts a, whose close now waits in the hook.
    _ = try await databases.withStore(b) { store in try await store.read { tx in try tx.accounts() } }
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        journal.closeHeld.wait()
        continuation.resume()
      }
    }
    #expect(await databases.closingCount == 1)
    let reopened = Task {
      try await databases.withStore(a) { store in try await store.read { tx in try tx.accounts() } }
    }
    // The lease is waiting for the close: a is counted as opening, not opened.
    while await databases.openCount < 2 { await Task.yield() }
    #expect(journal.count("open a") == 1)
    // Only this close is held: the next ones (at the end) go through.
    journal.heldCloses.withLock { $0.removeAll() }
    journal.letCloseGo.signal()
    let accounts = try await reopened.value
    #expect(accounts.map(\.name) == ["Before"])
    let events = journal.all
    let closeEnds = try #require(events.firstIndex(of: "close a ends"))
    let secondOpen = try #require(events.lastIndex(of: "open a"))
    #expect(closeEnds < secondOpen)
    #expect(journal.count("open a") == 2)
    await databases.closeIdle()
  }

  @Test("closeIdle returns once every close under way is over, and no file stays open")
  func closeIdleWaits() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let organizations = (0..<6).map { _ in OrganizationID.random() }
    let databases = OrganizationDatabases(directory: temporary.directory, capacity: 2)
    for id in organizations {
      _ = try await databases.withStore(id) { store in
        try await store.write { tx in try tx.createAccount(NewAccount(name: "x", kind: .customer), now: t0) }
      }
    }
    await databases.closeIdle()
    #expect(await databases.openCount == 0)
    #expect(await databases.closingCount == 0)
    if FileDescriptorTests.hasProcFileSystem {
      #expect(FileDescriptorTests.openFiles(under: temporary.directory.url) == 0)
    }
  }
}
