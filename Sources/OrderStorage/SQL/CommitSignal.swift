import Foundation

/// What a transaction tells other processes when it commits (``SQL/onCommit(_:)``).
///
/// SQLite's one process learns of all of these otherwise (the watchers' bell, the runner's
/// wake-ups, its own clock and key cache), so its engine sends nothing. On PostgreSQL each is
/// a `pg_notify` sent just before `COMMIT` (delivered at commit, dropped on rollback), and a
/// job's is also its organization's wake-up, written in the same transaction
/// (``PostgresWriteQueue``).
enum CommitSignal: Sendable, Equatable {
  /// The notification log grew.
  case log
  /// A job is due at this time.
  case jobDue(Date)
  /// The organization's due work was settled: a node waiting for work that another node
  /// held looks again.
  case workSettled
  /// The shared simulated clock moved to this time (ISO 8601, as the registry keeps it).
  case clockMoved(String)
  /// An API key was revoked (its id).
  case keyRevoked(String)
  /// An organization's registry row changed (its id).
  case organizationChanged(String)
}

/// The `LISTEN` channels of ``CommitSignal``s, as every node listens to them.
public enum CommitChannel {
  /// Payload: the organization's id.
  public static let log = "orderd_log"
  /// Payload: the organization's id, then a space and the due time when a job was enqueued.
  public static let work = "orderd_work"
  /// Payload: the simulated time, ISO 8601.
  public static let clock = "orderd_clock"
  /// Payload: the revoked key's id.
  public static let keys = "orderd_keys"
  /// Payload: the changed organization's id.
  public static let organizations = "orderd_orgs"

  public static let all = [log, work, clock, keys, organizations]
}
