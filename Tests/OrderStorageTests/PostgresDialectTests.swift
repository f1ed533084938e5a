import Testing

@testable import OrderStorage

/// Issue 14: the storage's SQLite statements as PostgreSQL reads them.
@Suite("PostgreSQL dialect", .timeLimit(.minutes(1)))
struct PostgresDialectTests {
  static let cases: [(sqlite: String, postgres: String)] = [
    ("SELECT * FROM accounts WHERE id = ? AND kind = ?", "SELECT * FROM accounts WHERE id = $1 AND kind = $2"),
    (
      "UPDATE t SET a = ?1 WHERE (b = ?2 OR ?2 IS NULL) AND c = ?1",
      "UPDATE t SET a = $1 WHERE (b = $2 OR $2 IS NULL) AND c = $1"
    ),
    // A bare `?` after numbered ones takes the largest number so far plus one, as in SQLite.
    ("SELECT ?, ?3, ?", "SELECT $1, $3, $4"),
    ("SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = ?", "SELECT '?', 'it''s ?', \"a?\" FROM t WHERE x = $1"),
    ("-- what? \nSELECT ? /* and ?2? */, ?", "-- what? \nSELECT $1 /* and ?2? */, $2"),
    (
      "SELECT * FROM orders WHERE id IN (SELECT value FROM json_each(?)) AND status = ?",
      "SELECT * FROM orders WHERE id IN (SELECT value FROM json_array_elements_text($1::json)) AND status = $2"
    ),
    ("SELECT value FROM JSON_EACH ( ?2 )", "SELECT value FROM json_array_elements_text($2::json)"),
    (
      "SELECT * FROM backorders INDEXED BY backorders_status\n  WHERE status = ? AND tenantOrganizationID = ? ORDER BY rowid",
      "SELECT * FROM backorders WHERE status = $1 AND tenantOrganizationID = $2 ORDER BY rowid"
    ),
    ("SELECT * FROM t indexed by \"t_a\" WHERE a = ?", "SELECT * FROM t WHERE a = $1"),
    // Words that only look like the rewritten ones stay.
    ("SELECT reindexed, indexed, json_each_count FROM t", "SELECT reindexed, indexed, json_each_count FROM t"),
    (
      "SELECT json_each.value FROM json_each('[1]') AS json_each",
      "SELECT json_each.value FROM json_each('[1]') AS json_each"
    ),
    (
      "INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value",
      "INSERT INTO sequences (name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value"
    ),
    ("SELECT 'é ?', ? -- ünïcode ?", "SELECT 'é ?', $1 -- ünïcode ?"),
    ("SELECT a FROM t WHERE b = ? LIMIT ?", "SELECT a FROM t WHERE b = $1 LIMIT $2"),
    ("SELECT 'unterminated ?", "SELECT 'unterminated ?"),
  ]

  @Test("statements are rewritten token by token", arguments: Self.cases)
  func rewrite(sqlite: String, postgres: String) {
    #expect(PostgresDialect.rewrite(sqlite) == postgres)
  }

  @Test("translations are remembered, and the same as rewriting")
  func memo() {
    let sql = "SELECT * FROM jobs WHERE kind = ? AND subject = ? -- memo \(UInt64.random(in: 0...UInt64.max))"
    let first = PostgresDialect.translate(sql)
    #expect(first == PostgresDialect.rewrite(sql))
    #expect(PostgresDialect.translate(sql) == first)
  }

  @Test("the memo stays bounded")
  func memoBounded() {
    for index in 0..<(PostgresDialect.memoLimit + 10) {
      _ = PostgresDialect.translate("SELECT \(index) WHERE a = ?")
    }
    #expect(PostgresDialect.memoCount <= PostgresDialect.memoLimit)
    #expect(PostgresDialect.translate("SELECT 1 WHERE a = ?") == "SELECT 1 WHERE a = $1")
  }
}
