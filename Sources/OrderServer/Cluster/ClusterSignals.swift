import Foundation
import OrderDomain

/// What one node hears from the other nodes that share its storage (issue 14). A signal only
/// says when to look again: the storage stays the truth, so a signal lost or repeated costs a
/// delay or a read, never a wrong answer.
public enum ClusterSignal: Sendable, Hashable {
  /// An organization's notification log grew: its watchers on this node re-read it.
  case logAppended(OrganizationID)
  /// Work came due, or another node settled some: the runner looks at the wake-ups again.
  case workDue
  /// The shared simulated clock moved to this time: this node's clock catches up.
  case clockMoved(Date)
  /// A key was revoked: it leaves this node's authentication cache at once.
  case keyRevoked(APIKeyID)
  /// An organization's registry row changed (its parent account): this node forgets its copy.
  case organizationChanged(OrganizationID)
  /// Listening resumed after a gap in which signals may have been lost: every watcher and the
  /// runner look again, and cached keys and organizations are forgotten, as if every signal
  /// had come.
  case missedSome
}

/// Where a node hears ``ClusterSignal``s from. On an SQLite data directory the node is alone
/// and hears nothing (``NoClusterSignals``); on PostgreSQL the signals come through one
/// `LISTEN` connection (`PostgresListener`).
public protocol ClusterSignals: Sendable {
  /// Hands every signal heard to `deliver`, in the order heard, until the task is cancelled.
  /// `deliver` must not block: it runs on whatever thread hears the signal.
  func listen(_ deliver: @escaping @Sendable (ClusterSignal) -> Void) async
}

/// A node alone on its storage: it hears nothing, and listens until cancelled.
public struct NoClusterSignals: ClusterSignals {
  public init() {}

  public func listen(_ deliver: @escaping @Sendable (ClusterSignal) -> Void) async {
    // Suspends without a thread until the task is cancelled (the stream then ends).
    let (never, continuation) = AsyncStream<Never>.makeStream()
    for await _ in never {}
    continuation.finish()
  }
}

extension ClusterSignals where Self == NoClusterSignals {
  /// A node alone on its storage.
  public static var none: NoClusterSignals { NoClusterSignals() }
}
