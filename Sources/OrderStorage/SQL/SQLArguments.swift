import GRDB

/// The values of a statement's `?` placeholders, in order (``SQL``).
///
/// Written as an array literal at the call site (`[id.rawValue, date]`), as GRDB's
/// `StatementArguments` were. The values are kept as they were given, not converted: SQLite
/// converts them once, into GRDB's arguments (``statementArguments``); ``values`` converts
/// them for any other engine.
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
  ///
  /// Up to six arguments (nearly every statement) go through GRDB's array-literal initializer,
  /// which GRDB compiled for its own argument array. Its generic initializer, called from this
  /// module, runs unspecialized: reading five statements cost a tenth more CPU through it
  /// (release build, issue 14).
  var statementArguments: StatementArguments? {
    let e = elements
    switch e.count {
    case 0: return nil
    case 1: return [e[0]]
    case 2: return [e[0], e[1]]
    case 3: return [e[0], e[1], e[2]]
    case 4: return [e[0], e[1], e[2], e[3]]
    case 5: return [e[0], e[1], e[2], e[3], e[4]]
    case 6: return [e[0], e[1], e[2], e[3], e[4], e[5]]
    default:
      return StatementArguments(e.lazy.map { (argument: Argument) -> (any DatabaseValueConvertible)? in argument })
    }
  }
}
