extension Registry {
  /// A value of the server's small durable state (e.g. the simulated clock's time).
  public func stateValue(forKey key: String) async throws -> String? {
    try await self.read { sql in
      try sql.fetchOne(String.self, "SELECT value FROM serverState WHERE key = ?", [key])
    }
  }

  /// Stores a value of the server's state; `nil` removes it. Durable once this returns.
  public func setStateValue(_ value: String?, forKey key: String) async throws {
    try await self.write { sql -> Void in
      if let value {
        try sql.execute(
          "INSERT INTO serverState (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
          [key, value])
      } else {
        try sql.execute("DELETE FROM serverState WHERE key = ?", [key])
      }
    }
  }
}
