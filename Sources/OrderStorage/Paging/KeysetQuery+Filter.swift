import GRDB

extension KeysetQuery {
  /// The query limited to rows whose `column` equals `value`; unchanged when `value` is nil.
  func filtered(_ column: String, _ value: String?) -> KeysetQuery {
    guard let value else { return self }
    var query = self
    query.conditions.append("\(column) = ?")
    query.arguments.append(value)
    return query
  }
}
