import GRDB
import OrderDomain

/// A listing read one page at a time by keyset (issue 12): `WHERE (k1, k2) > (last k1, last
/// k2) ORDER BY k1, k2 LIMIT size + 1`, never `OFFSET`, so a row inserted while a caller
/// pages neither shifts nor repeats the rows already listed. The keys together must be
/// unique per row (end with the id or the rowid) and never NULL (wrap a nullable column in
/// `COALESCE`), and compare as integers or text, never as booleans (a key `CASE WHEN … THEN 1
/// ELSE 0 END`, not `column IS NULL`): the same SQL runs on every engine (``SQL``).
struct KeysetQuery {
  /// The table (or join) the rows come from.
  var from: String
  /// Conditions joined with AND, with `?` placeholders for `arguments`.
  var conditions: [String] = []
  var arguments: SQLArguments = []
  /// The sort keys as SQL expressions, most significant first.
  var keys: [String]
  /// Sort from the largest key down (newest first).
  var descending = false

  /// The rows of one page and where the next starts (`nil` on the last page).
  ///
  /// - Throws: `invalidArgument` when the request's position does not fit these keys
  ///   (a token of another listing).
  func fetch(_ sql: SQL, page: PageRequest) throws -> (rows: [Row], next: PagePosition?) {
    var conditions = self.conditions
    var arguments = self.arguments
    if let after = page.after {
      guard after.keys.count == self.keys.count else {
        throw DomainError.invalidArgument(
          "page_token does not belong to this listing; pass the next_page_token of the previous page unchanged, or no page_token to start from the first page"
        )
      }
      let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ", ")
      conditions.append("(\(keys.joined(separator: ", "))) \(descending ? "<" : ">") (\(placeholders))")
      arguments.append(contentsOf: after.keys.lazy.map(\.databaseValue))
    }
    let selected = keys.enumerated().map { "\($1) AS pageKey\($0)" }.joined(separator: ", ")
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    let order = keys.map { descending ? "\($0) DESC" : $0 }.joined(separator: ", ")
    arguments.append(page.size + 1)
    let rows = try sql.rows("SELECT *, \(selected) FROM \(from) \(whereClause) ORDER BY \(order) LIMIT ?", arguments)
    guard rows.count > page.size else { return (rows, nil) }
    let kept = Array(rows.prefix(page.size))
    return (kept, try kept.last.map { try self.position(of: $0) })
  }

  /// Records of one page.
  func fetch<Record: FetchableRecord>(_: Record.Type, _ sql: SQL, page: PageRequest) throws -> Page<Record> {
    let (rows, next) = try fetch(sql, page: page)
    return Page(items: try rows.map { try Record(row: $0) }, next: next)
  }

  private func position(of row: Row) throws -> PagePosition {
    PagePosition(
      try keys.indices.map { index in
        let value: DatabaseValue = row["pageKey\(index)"]
        return try PageKey(value)
      })
  }
}

extension PageKey {
  init(_ value: DatabaseValue) throws {
    switch value.storage {
    case .null: self = .null
    case .int64(let integer): self = .integer(integer)
    case .double(let real): self = .real(real)
    case .string(let text): self = .text(text)
    case .blob: throw DomainError.internalError("a listing cannot sort by a blob column")
    }
  }

  var databaseValue: DatabaseValue {
    switch self {
    case .null: .null
    case .integer(let integer): integer.databaseValue
    case .real(let real): real.databaseValue
    case .text(let text): text.databaseValue
    }
  }
}
