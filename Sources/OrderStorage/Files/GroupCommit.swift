import GRDB
import Synchronization

/// Group commit for one database (an organization's or the registry): concurrent writes
/// share one transaction and one `fdatasync`.
///
/// Each write is queued, then a drain is scheduled on the database's writer queue. A drain
/// takes every write queued so far and runs them in one transaction, each in its own
/// savepoint: a write that throws rolls back only its savepoint and gets its own error,
/// the others go on. The batch commits once (`synchronous=FULL`), and only then is any of
/// its writes answered, so nothing is acknowledged before it is durable.
///
/// Batches form by themselves: a write that arrives while a batch runs waits for that
/// batch's commit anyway (SQLite has one writer), and is taken by the next drain together
/// with every other write that arrived meanwhile. At one write in flight the batch is that
/// write alone, with no added wait. A drain that finds the queue empty (its write was taken
/// by an earlier batch) returns at once.
///
/// When SQLite abandons the transaction itself (a full disk, an I/O error), or the commit
/// fails, every write of the batch fails with that error: none of them was answered, and
/// none is in the database.
final class GroupCommit: Sendable {
  /// What this database's writes have done so far.
  struct Statistics: Sendable, Equatable {
    /// Transactions run (committed or not).
    var batches = 0
    /// Writes run in them.
    var writes = 0
  }

  private let queued = Mutex<[any BatchedWrite<Database>]>([])
  private let counted = Mutex(Statistics())
  /// Writes queued or running, not answered yet.
  private let unanswered = Atomic<Int>(0)

  /// Writes waiting for the next batch.
  var queuedCount: Int { queued.withLock { $0.count } }
  /// Whether no write is queued or running: a read on the writer's connection would not wait.
  var isIdle: Bool { unanswered.load(ordering: .relaxed) == 0 }
  var statistics: Statistics { counted.withLock { $0 } }

  /// The largest number of writes one transaction takes. Bounds the time a batch holds the
  /// writer and what one failed commit fails.
  static let maximumBatch = 256

  /// Runs `body` in a savepoint of the next batch on `writer`; returns when that batch is
  /// durable.
  func write<T: Sendable>(
    on writer: some DatabaseWriter, _ body: @escaping @Sendable (Database) throws -> T
  ) async throws -> T {
    unanswered.add(1, ordering: .relaxed)
    defer { unanswered.subtract(1, ordering: .relaxed) }
    return try await withCheckedThrowingContinuation { continuation in
      queued.withLock { $0.append(PendingWrite(body: body, continuation: continuation)) }
      writer.asyncWriteWithoutTransaction { db in self.drain(db) }
    }
  }

  /// Runs the writes queued now as one transaction, then answers them. On the writer queue.
  private func drain(_ db: Database) {
    let batch = queued.withLock { queue -> [any BatchedWrite<Database>] in
      guard queue.count > Self.maximumBatch else {
        defer { queue.removeAll(keepingCapacity: true) }
        return queue
      }
      defer { queue.removeFirst(Self.maximumBatch) }
      return Array(queue.prefix(Self.maximumBatch))
    }
    guard !batch.isEmpty else { return }
    counted.withLock {
      $0.batches += 1
      $0.writes += batch.count
    }
    var batchFailure: (any Error)?
    do {
      try db.inCachedTransaction(.immediate) {
        for write in batch {
          let failure = write.run(db, inSavepoint: true)
          // SQLite rolls the whole transaction back on some errors (SQLITE_FULL,
          // SQLITE_IOERR): the writes before this one are gone too, for that reason.
          if !db.isInsideTransaction { throw failure ?? TransactionAbandoned() }
        }
      }
    } catch {
      batchFailure = error
    }
    for write in batch { write.answer(batchFailure: batchFailure) }
  }
}

/// Thrown inside a batch whose transaction SQLite rolled back on its own.
private struct TransactionAbandoned: Error {}
