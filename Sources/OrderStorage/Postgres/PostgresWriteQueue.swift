import Foundation
import GRDB
import Synchronization

/// Group commit on PostgreSQL (issue 14): one database's (an organization's schema, or the
/// registry's) concurrent writes of this node share one transaction, as ``GroupCommit``
/// shares SQLite's.
///
/// Each write is queued; one drain at a time leases a connection, begins a transaction with
/// the ``prologue`` (the `search_path` and the writer lock, which serializes the database's
/// writers on every node), and runs every write queued so far, up to
/// ``GroupCommit/maximumBatch``, each in its own savepoint: a write that throws undoes only
/// itself and gets its own error. Then the batch's ``CommitSignal``s are sent (`pg_notify`,
/// delivered at commit), the transaction commits, and only then is any write answered. The
/// drain loops while writes are queued. A batch of one write runs without a savepoint.
///
/// Without it, every write in flight would hold a pooled connection and a thread while it
/// waits for the writer lock, starving the other organizations that share the pool.
///
/// When the transaction is lost (the connection, the commit), every write of the batch fails
/// with that error: none of them was answered, and none is in the database.
final class PostgresWriteQueue: Sendable {
  private struct State {
    var queued: [any BatchedWrite<PostgresSession>] = []
    var draining = false
  }

  let storage: PostgresStorage
  /// The statements after `BEGIN`: PostgreSQL's own SQL.
  let prologue: [String]
  /// What the commit signals name: the organization's id (`nil` on the registry).
  let signalKey: String?
  private let state = Mutex(State())
  private let counted = Mutex(GroupCommit.Statistics())

  init(storage: PostgresStorage, prologue: [String], signalKey: String?) {
    self.storage = storage
    self.prologue = prologue
    self.signalKey = signalKey
  }

  /// The prologue of organization writes in `schema`: its tables resolve unqualified, and its
  /// one writer row is locked (READ COMMITTED: what follows sees the previous writer's commit).
  static func organizationPrologue(schema: String) -> [String] {
    [PostgresSchema.searchPath(schema), "SELECT 1 FROM orderd_writer FOR UPDATE"]
  }

  /// Writes waiting for the next batch.
  var queuedCount: Int { state.withLock { $0.queued.count } }
  var statistics: GroupCommit.Statistics { counted.withLock { $0 } }

  /// Runs `body` in a savepoint of the next batch; returns once that batch has committed.
  func write<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      let startsDrain = state.withLock { state -> Bool in
        state.queued.append(PendingWrite(body: body, continuation: continuation))
        defer { state.draining = true }
        return !state.draining
      }
      if startsDrain { Task { await self.drain() } }
    }
  }

  /// Runs batches until the queue is empty.
  private func drain() async {
    while true {
      let batch = state.withLock { state -> [any BatchedWrite<PostgresSession>] in
        let count = min(state.queued.count, GroupCommit.maximumBatch)
        if count == 0 { state.draining = false }
        defer { state.queued.removeFirst(count) }
        return Array(state.queued.prefix(count))
      }
      guard !batch.isEmpty else { return }
      counted.withLock {
        $0.batches += 1
        $0.writes += batch.count
      }
      await run(batch)
    }
  }

  /// Runs one batch as one transaction, then answers its writes.
  private func run(_ batch: [any BatchedWrite<PostgresSession>]) async {
    var batchFailure: (any Error)?
    do {
      try await storage.transaction(.write, prologue: prologue) { [signalKey] session in
        if batch.count == 1 {
          if let failure = batch[0].run(session, inSavepoint: false) { throw failure }
        } else {
          for write in batch {
            let signals = session.commitSignals.count
            if write.run(session, inSavepoint: true) != nil {
              // Its savepoint is undone: so are its signals.
              session.commitSignals.removeLast(session.commitSignals.count - signals)
            }
            // The rollback to its savepoint failed: the transaction is lost.
            if session.isAborted { throw PostgresAborted(cause: TransactionLost()) }
          }
        }
        try Self.send(session.commitSignals, key: signalKey, session)
      }
    } catch {
      batchFailure = error
    }
    for write in batch { write.answer(batchFailure: batchFailure) }
  }

  /// Sends the batch's signals inside its transaction: PostgreSQL delivers them at commit,
  /// and drops them on rollback. `key` is the organization's id (`nil` on the registry).
  ///
  /// A job's due time is also written as the organization's wake-up in `orderd.wakeups`
  /// (earlier times only), in this transaction: the wake-up commits with the job or not at
  /// all, so no node can settle the organization between the two (``OrganizationStore/settleWakeup()``).
  static func send(_ signals: [CommitSignal], key: String?, _ session: PostgresSession) throws {
    var log = false
    var settled = false
    var due: Date?
    for signal in signals {
      switch signal {
      case .log: log = true
      case .workSettled: settled = true
      case .jobDue(let date): due = min(due ?? date, date)
      case .clockMoved(let time): try notify(CommitChannel.clock, time, session)
      case .keyRevoked(let id): try notify(CommitChannel.keys, id, session)
      case .organizationChanged(let id): try notify(CommitChannel.organizations, id, session)
      }
    }
    guard let key else { return }
    if log { try notify(CommitChannel.log, key, session) }
    if let due {
      try session.execute(
        native: """
          INSERT INTO orderd.wakeups (organizationID, dueAt) VALUES ($1, $2)
          ON CONFLICT (organizationID) DO UPDATE SET dueAt = excluded.dueAt WHERE excluded.dueAt < wakeups.dueAt
          """, [key.databaseValue, due.databaseValue])
      try notify(CommitChannel.work, key + " " + (String.fromDatabaseValue(due.databaseValue) ?? ""), session)
    } else if settled {
      try notify(CommitChannel.work, key, session)
    }
  }

  private static func notify(_ channel: String, _ payload: String, _ session: PostgresSession) throws {
    try session.execute(native: "SELECT pg_notify($1, $2)", [channel.databaseValue, payload.databaseValue])
  }
}

/// Thrown when a savepoint could not be rolled back (the connection is gone).
private struct TransactionLost: Error {}
