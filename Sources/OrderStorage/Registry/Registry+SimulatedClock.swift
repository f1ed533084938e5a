import Foundation

/// The simulated clock's time, shared by every node on the storage (F6, issue 14).
extension Registry {
  /// Where `serverState` keeps it: fixed-format ISO 8601 in UTC, so that text order is time order.
  static let simulatedClockKey = "simulatedClock"

  /// The simulated time as last persisted; `nil` before the first advance.
  public func simulatedClock() async throws -> Date? {
    try await self.stateValue(forKey: Self.simulatedClockKey).flatMap { try? Date($0, strategy: .iso8601) }
  }

  /// Persists an advance of the simulated clock to `date`, forward only: a time earlier than
  /// the one persisted (another node advanced further meanwhile) leaves it as it is. Returns
  /// the time persisted now, `date` or later. Durable once this returns.
  @discardableResult
  public func advanceSimulatedClock(to date: Date) async throws -> Date {
    let key = Self.simulatedClockKey
    let stored = try await self.write { sql in
      try sql.execute(
        """
        INSERT INTO serverState (key, value) VALUES (?, ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE serverState.value < excluded.value
        """, [key, date.formatted(.iso8601)])
      let stored = try sql.fetchOne(String.self, "SELECT value FROM serverState WHERE key = ?", [key])
      // Every node's clock catches up with the shared one (issue 14).
      if let stored { sql.onCommit(.clockMoved(stored)) }
      return stored
    }
    return stored.flatMap { try? Date($0, strategy: .iso8601) } ?? date
  }
}
