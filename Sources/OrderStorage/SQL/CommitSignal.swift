import Foundation

/// What a transaction tells other processes when it commits (``SQL/onCommit(_:)``).
///
/// SQLite's one process learns of both otherwise (the watchers' bell, the runner's wake-ups),
/// so its engine sends nothing.
enum CommitSignal: Sendable, Equatable {
  /// The notification log grew.
  case log
  /// A job is due at this time.
  case jobDue(Date)
}
