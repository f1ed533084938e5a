import GRDB

extension Registry {
  /// A value of the server's small durable state (e.g. the simulated clock's time).
  public func stateValue(forKey key: String) async throws -> String? {
    try await self.read { db in
      try String.fetchOne(try db.cachedStatement(sql: "SELECT value FROM serverState WHERE key = ?"), arguments: [key])
    }
  }

  /// Stores a value of the server's state; `nil` removes it. Durable once this returns.
  public func setStateValue(_ value: String?, forKey key: String) async throws {
    try await self.write { db in
      if let value {
        try db.cachedStatement(
          sql:
            "INSERT INTO serverState (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ).execute(arguments: [key, value])
      } else {
        try db.cachedStatement(sql: "DELETE FROM serverState WHERE key = ?").execute(arguments: [key])
      }
    }
  }
}
