import Dispatch
import Foundation
import GRDB
import OrderDomain
import OrderTesting
import Synchronization
import Testing

@testable import OrderStorage

/// Issue 13: concurrent writes to one organization share a transaction, each in its own
/// savepoint, and none is answered before the shared commit. On PostgreSQL too (issue 14,
/// ``PostgresWriteQueue``), where `PostgresWriteQueueTests` adds what only it has.
@Suite("Group commit", .timeLimit(.minutes(2)))
struct GroupCommitTests {
  /// Holds the writer inside a first write until `count` more writes are queued behind it,
  /// so that those form one batch; returns their outcomes in order.
  static func batchBehindBlockedWrite(
    _ store: OrganizationStore, count: Int, _ write: @escaping @Sendable (OrganizationTransaction, Int) throws -> Void
  ) async throws -> [Result<Void, any Error>] {
    let gate = DispatchSemaphore(value: 0)
    let holding = Atomic(false)
    let first = Task {
      try await store.write { tx in
        holding.store(true, ordering: .releasing)
        gate.wait()
        _ = try tx.createAccount(NewAccount(name: "First", kind: .customer), now: t0)
      }
    }
    try #require(await eventually(every: .milliseconds(1)) { holding.load(ordering: .acquiring) })
    let writes = (0..<count).map { index in
      Task { () -> Result<Void, any Error> in
        do {
          try await store.write { tx in try write(tx, index) }
          return .success(())
        } catch {
          return .failure(error)
        }
      }
    }
    try #require(await eventually(every: .milliseconds(1)) { store.queuedWriteCount == count })
    gate.signal()
    try await first.value
    var outcomes: [Result<Void, any Error>] = []
    for write in writes { outcomes.append(await write.value) }
    return outcomes
  }

  @Test("writes queued behind a running one commit together, in one transaction")
  func writesShareOneTransaction() async throws {
    try await withStore { store in
      let before = store.writeStatistics
      let outcomes = try await Self.batchBehindBlockedWrite(store, count: 20) { tx, index in
        _ = try tx.createAccount(NewAccount(name: "Account \(index)", kind: .customer), now: t0)
      }
      #expect(outcomes.allSatisfy { (try? $0.get()) != nil })
      let after = store.writeStatistics
      #expect(after.batches - before.batches == 2)
      #expect(after.writes - before.writes == 21)
      let accounts = try await store.read { tx in try tx.accounts() }
      #expect(accounts.count == 21)
    }
  }

  @Test("a write that fails in a batch undoes only itself; the others are committed")
  func failingWriteUndoesOnlyItself() async throws {
    try await withStore { store in
      let outcomes = try await Self.batchBehindBlockedWrite(store, count: 10) { tx, index in
        _ = try tx.createAccount(NewAccount(name: "Account \(index)", kind: .customer), now: t0)
        if index % 3 == 0 { throw DomainError.invalidArgument("write \(index) refuses") }
      }
      for (index, outcome) in outcomes.enumerated() {
        switch outcome {
        case .success: #expect(index % 3 != 0)
        case .failure(let error):
          #expect(index % 3 == 0)
          #expect((error as? DomainError)?.message == "write \(index) refuses")
        }
      }
      let names = Set(try await store.read { tx in try tx.accounts() }.map(\.name))
      let expected = Set(["First"] + (0..<10).filter { $0 % 3 != 0 }.map { "Account \($0)" })
      #expect(names == expected)
    }
  }

  @Test("when SQLite abandons the transaction, every write of the batch fails and none is kept", .sqliteOnly)
  func abandonedTransactionFailsTheBatch() async throws {
    try await withStore { store in
      let outcomes = try await Self.batchBehindBlockedWrite(store, count: 6) { tx, index in
        _ = try tx.createAccount(NewAccount(name: "Account \(index)", kind: .customer), now: t0)
        // What SQLITE_FULL or SQLITE_IOERR do: the whole transaction is rolled back.
        if index == 3 { try tx.sql.sqliteDatabase!.execute(sql: "ROLLBACK") }
      }
      #expect(outcomes.allSatisfy { (try? $0.get()) == nil })
      let names = try await store.read { tx in try tx.accounts() }.map(\.name)
      #expect(names == ["First"])
      // The next write starts a new transaction and works.
      try await store.write { tx in _ = try tx.createAccount(NewAccount(name: "Later", kind: .customer), now: t0) }
      #expect(try await store.read { tx in try tx.accounts() }.count == 2)
    }
  }

  @Test("a single write runs at once, as a batch of one")
  func singleWriteIsABatchOfOne() async throws {
    try await withStore { store in
      let before = store.writeStatistics
      for index in 0..<5 {
        try await store.write { tx in
          _ = try tx.createAccount(NewAccount(name: "Account \(index)", kind: .customer), now: t0)
        }
      }
      let after = store.writeStatistics
      #expect(after.batches - before.batches == 5)
      #expect(after.writes - before.writes == 5)
    }
  }
}
