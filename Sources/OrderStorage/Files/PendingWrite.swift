import GRDB

/// What a batched write runs on: a transaction that can hold a savepoint (GRDB's `Database`
/// on SQLite, a ``PostgresSession`` on PostgreSQL).
protocol SavepointScope {
  /// Runs `body` in a savepoint: kept when it returns, undone when it throws.
  func inWriteSavepoint<T>(_ body: () throws -> T) throws -> T
}

extension Database: SavepointScope {
  func inWriteSavepoint<T>(_ body: () throws -> T) throws -> T { try inCachedSavepoint(body) }
}

extension PostgresSession: SavepointScope {
  func inWriteSavepoint<T>(_ body: () throws -> T) throws -> T { try savepoint(body) }
}

/// One queued write of a group commit (``GroupCommit``, ``PostgresWriteQueue``), type-erased
/// so that writes of any result type share a batch.
protocol BatchedWrite<Scope>: Sendable {
  associatedtype Scope: SavepointScope
  /// Runs the write (in a savepoint, or as the whole transaction) and keeps its outcome;
  /// returns its error if it failed.
  func run(_ scope: Scope, inSavepoint: Bool) -> (any Error)?
  /// Answers the caller once the batch is over: with the write's own outcome when the batch
  /// committed (or when the write itself failed), else with the batch's failure.
  func answer(batchFailure: (any Error)?)
}

/// `outcome` is written by ``run(_:inSavepoint:)`` on the batch's thread and read by
/// ``answer(batchFailure:)`` after the batch's transaction is over, one after the other.
final class PendingWrite<Scope: SavepointScope, T: Sendable>: BatchedWrite, @unchecked Sendable {
  let body: @Sendable (Scope) throws -> T
  let continuation: CheckedContinuation<T, any Error>
  private var outcome: Result<T, any Error>?

  init(body: @escaping @Sendable (Scope) throws -> T, continuation: CheckedContinuation<T, any Error>) {
    self.body = body
    self.continuation = continuation
  }

  func run(_ scope: Scope, inSavepoint: Bool) -> (any Error)? {
    do {
      outcome = .success(inSavepoint ? try scope.inWriteSavepoint { try body(scope) } : try body(scope))
      return nil
    } catch {
      outcome = .failure(error)
      return error
    }
  }

  func answer(batchFailure: (any Error)?) {
    switch (outcome, batchFailure) {
    case (.failure(let error)?, _): continuation.resume(throwing: error)
    case (_, let failure?): continuation.resume(throwing: failure)
    case (.success(let value)?, nil): continuation.resume(returning: value)
    case (nil, nil): continuation.resume(throwing: BatchEndedBeforeWrite())
    }
  }
}

/// The batch's transaction ended without running this write and without an error of its own.
struct BatchEndedBeforeWrite: Error {}
