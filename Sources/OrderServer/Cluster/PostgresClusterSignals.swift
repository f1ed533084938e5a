import Foundation
import OrderDomain
import OrderStorage

/// What a node on PostgreSQL hears from the others (issue 14): the `pg_notify`s every
/// transaction sends as it commits (``CommitChannel``), through one `LISTEN` connection
/// (``PostgresListener``). Each becomes a ``ClusterSignal``; a node hears its own too, which
/// costs it a look it did not need, never a wrong answer.
///
/// When listening resumes after a lost connection, signals may have been missed: that is
/// ``ClusterSignal/missedSome``.
public struct PostgresClusterSignals: ClusterSignals {
  let storage: PostgresStorage

  public init(storage: PostgresStorage) {
    self.storage = storage
  }

  public func listen(_ deliver: @escaping @Sendable (ClusterSignal) -> Void) async {
    let listener = self.storage.listener(
      channels: CommitChannel.all,
      onNotification: { channel, payload in
        if let signal = Self.signal(channel: channel, payload: payload) { deliver(signal) }
      },
      onReconnect: { deliver(.missedSome) })
    await listener.run()
  }

  /// The signal a notification carries; `nil` for one this build does not know (a newer
  /// node's), which is ignored.
  static func signal(channel: String, payload: String) -> ClusterSignal? {
    switch channel {
    case CommitChannel.log:
      return .logAppended(OrganizationID(rawValue: payload))
    case CommitChannel.work:
      return .workDue
    case CommitChannel.clock:
      return (try? Date(payload, strategy: .iso8601)).map(ClusterSignal.clockMoved)
    case CommitChannel.keys:
      return .keyRevoked(APIKeyID(rawValue: payload))
    case CommitChannel.organizations:
      return .organizationChanged(OrganizationID(rawValue: payload))
    default:
      return nil
    }
  }
}
