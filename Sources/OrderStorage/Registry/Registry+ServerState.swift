import GRDB

extension Registry {
  /// A value of the server's small durable state (e.g. the simulated clock's time).
  public func stateValue(forKey key: String) async throws -> String? {
    try await pool.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM serverState WHERE key = ?", arguments: [key])
    }
  }

  /// Stores a value of the server's state; `nil` removes it. Durable once this returns.
  public func setStateValue(_ value: String?, forKey key: String) async throws {
    try await pool.write { db in
      if let value {
        try db.execute(
          sql:
            "INSERT INTO serverState (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
          arguments: [key, value])
      } else {
        try db.execute(sql: "DELETE FROM serverState WHERE key = ?", arguments: [key])
      }
    }
  }
}
