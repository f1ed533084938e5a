import Dispatch
import Foundation
import GRDB
import OrderDomain
import OrderTesting
import Synchronization
import Testing

@testable import OrderStorage

/// Issue 13: an organization is opened with one connection; a second one is opened only for
/// reads that arrive while writes run, and those reads see every answered write.
@Suite("Organization connections", .sqliteOnly, .timeLimit(.minutes(2)))
struct OrganizationConnectionsTests {
  /// Runs `body` while a write (`write`, then waiting) holds the store's writer connection,
  /// then lets that write finish and waits for its answer.
  private func whileWriterHeld(
    _ store: OrganizationStore, by write: @escaping @Sendable (OrganizationTransaction) throws -> Void = { _ in },
    _ body: () async throws -> Void
  ) async throws {
    let gate = DispatchSemaphore(value: 0)
    let holding = Atomic(false)
    let held = Task {
      try await store.write { tx in
        try write(tx)
        holding.store(true, ordering: .releasing)
        gate.wait()
      }
    }
    try #require(await eventually(every: .milliseconds(1)) { holding.load(ordering: .acquiring) })
    do {
      try await body()
    } catch {
      gate.signal()
      _ = try? await held.value
      throw error
    }
    gate.signal()
    try await held.value
  }

  @Test("an organization that is only read and written one call at a time keeps one connection")
  func oneConnectionWhenQuiet() async throws {
    try await withStore { store in
      for index in 0..<5 {
        _ = try await store.write { tx in
          try tx.createAccount(NewAccount(name: "Account \(index)", kind: .customer), now: t0)
        }
        let accounts = try await store.read { tx in try tx.accounts() }
        #expect(accounts.count == index + 1)
      }
      #expect(store.connections.connectionCount == 1)
    }
  }

  @Test("a read while a write holds the writer does not wait for it, and sees the last answered write")
  func readDuringWrite() async throws {
    try await withStore { store in
      _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "Answered", kind: .customer), now: t0) }
      try await whileWriterHeld(
        store,
        by: { tx in _ = try tx.createAccount(NewAccount(name: "Unanswered", kind: .customer), now: t0) }
      ) {
        // The writer is held: this read can only finish on the second connection.
        let names = try await store.read { tx in try tx.accounts().map(\.name) }
        #expect(names == ["Answered"])
        #expect(store.connections.connectionCount == 2)
      }
      let after = try await store.read { tx in try tx.accounts().map(\.name).sorted() }
      #expect(after == ["Answered", "Unanswered"])
    }
  }

  @Test("a closed organization's data is all in its file: the WAL is checkpointed into it and emptied")
  func closedIsOneFile() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    let store = try OrganizationStore.open(at: url, organizationID: id)
    _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "Kept", kind: .customer), now: t0) }
    // Force the second connection open too, so that both are closed.
    try await whileWriterHeld(store) { _ = try await store.read { tx in try tx.accounts() } }
    try store.close()
    let wal = try FileManager.default.attributesOfItem(atPath: url.path + "-wal")[.size] as? Int
    #expect(wal == 0)
    // The file alone, copied away from its WAL and index, has the data.
    let copy = url.deletingLastPathComponent().appendingPathComponent("copy.sqlite")
    try FileManager.default.copyItem(at: url, to: copy)
    let reopened = try DatabaseQueue(path: copy.path)
    let names = try await reopened.read { db in try String.fetchAll(db, sql: "SELECT name FROM accounts") }
    try reopened.close()
    #expect(names == ["Kept"])
  }
}
