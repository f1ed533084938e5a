import Logging
import Synchronization

/// Logs each episode of a failing database once: when it begins, and when the database works
/// again.
///
/// A full disk fails every write of an organization until space is freed, and the background
/// work retries it: a line per failed call or retry would bury everything else in the log.
/// Calls still fail one by one, each with its status; the log tells the operator once.
public final class StorageHealth: Sendable {
  private let failing = Mutex<[StorageFailure.Database: StorageFailure]>([:])
  /// How many databases are failing, read without the lock on every successful operation.
  private let failingCount = Atomic<Int>(0)
  private let logger: Logger

  public init(logger: Logger) {
    self.logger = logger
  }

  /// Records a failure, and logs it when it begins an episode (or differs from the failure
  /// that began it).
  public func failed(_ failure: StorageFailure) {
    let previous = self.failing.withLock { failing in
      let previous = failing.updateValue(failure, forKey: failure.database)
      self.failingCount.store(failing.count, ordering: .relaxed)
      return previous
    }
    guard previous?.kind != failure.kind else { return }
    self.logger.error(
      "storage failure: \(failure.kind.summary); calls on this database fail with \(failure.code) and background work there waits until it works again (logged once)",
      metadata: Self.metadata(failure.database).merging(["sqlite": "\(failure.detail)"]) { $1 })
  }

  /// Records that an operation on `database` worked, which ends its episode. A read does not
  /// end an episode of a full disk or a read-only file: only writes meet those.
  public func worked(_ database: StorageFailure.Database, wrote: Bool) {
    guard self.failingCount.load(ordering: .relaxed) > 0 else { return }
    let ended: StorageFailure? = self.failing.withLock { failing in
      guard let failure = failing[database] else { return nil }
      if !wrote, failure.kind == .diskFull || failure.kind == .readOnly { return nil }
      failing[database] = nil
      self.failingCount.store(failing.count, ordering: .relaxed)
      return failure
    }
    guard let ended else { return }
    self.logger.notice(
      "storage works again after: \(ended.kind.summary)",
      metadata: Self.metadata(database).merging(["after": "\(ended.kind)"]) { $1 })
  }

  /// The failure of `database`'s current episode, if it is failing.
  public func failure(of database: StorageFailure.Database) -> StorageFailure? {
    self.failing.withLock { $0[database] }
  }

  static func metadata(_ database: StorageFailure.Database) -> Logger.Metadata {
    switch database {
    case .registry: return ["database": "registry"]
    case .organization(let id): return ["org": "\(id)"]
    case .file(let path): return ["database": "\(path)"]
    }
  }
}
