import GRDB

/// The values of a statement's `?` placeholders, in order (``SQL``).
///
/// Written as an array literal at the call site (`[id.rawValue, date]`), as GRDB's
/// `StatementArguments` were. The values are kept as they were given, not converted: SQLite
/// converts them once, into GRDB's arguments, so a statement costs the same two arrays it
/// cost before the seam; ``values`` converts them for any other engine.
struct SQLArguments: ExpressibleByArrayLiteral, Sendable {
  /// One argument: a value GRDB can store (text, integer, date, blob...) or NULL.
  typealias Argument = (any DatabaseValueConvertible & Sendable)?

  /// The values as given.
  private(set) var elements: [Argument]

  init(arrayLiteral elements: Argument...) {
    self.elements = elements
  }

  init(_ values: some Sequence<Argument>) {
    elements = Array(values)
  }

  init(_ values: some Sequence<some DatabaseValueConvertible & Sendable>) {
    elements = values.map { $0 as Argument }
  }

  /// Arguments already converted (tests, another engine's own statements).
  init(values: [DatabaseValue]) {
    self.init(values)
  }

  /// The arguments converted to database values, in order.
  var values: [DatabaseValue] {
    get { elements.map { $0?.databaseValue ?? .null } }
    set { elements = newValue.map { $0 as Argument } }
  }

  var isEmpty: Bool { elements.isEmpty }

  mutating func append(_ value: Argument) {
    elements.append(value)
  }

  mutating func append(contentsOf values: some Sequence<some DatabaseValueConvertible & Sendable>) {
    elements.append(contentsOf: values.lazy.map { $0 as Argument })
  }

  mutating func append(contentsOf arguments: SQLArguments) {
    elements.append(contentsOf: arguments.elements)
  }

  static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments {
    var sum = lhs
    sum.append(contentsOf: rhs)
    return sum
  }

  static func += (lhs: inout SQLArguments, rhs: SQLArguments) {
    lhs.append(contentsOf: rhs)
  }

  /// GRDB's arguments for SQLite; `nil` for none, so that a statement without placeholders
  /// runs as GRDB runs it without arguments.
  var statementArguments: StatementArguments? {
    guard !elements.isEmpty else { return nil }
    let erased = elements.lazy.map { (argument: Argument) -> (any DatabaseValueConvertible)? in argument }
    return StatementArguments(erased)
  }
}
