import Foundation
import GRDB
import Testing

@testable import OrderStorage

/// The seam's statement arguments (issue 14): SQLite gets exactly the arguments given, in
/// order, whatever their number; another engine gets them as database values.
@Suite("SQL arguments")
struct SQLArgumentsTests {
  @Test("SQLite gets every argument in order, however many there are; none is no arguments")
  func statementArguments() {
    #expect(SQLArguments().statementArguments == nil)
    for count in 1...9 {
      let given = (0..<count).map { index -> SQLArguments.Argument in index.isMultiple(of: 3) ? nil : "v\(index)" }
      let expected = StatementArguments(given.map { $0 as (any DatabaseValueConvertible)? })
      #expect(SQLArguments(given).statementArguments == expected, "\(count) arguments")
    }
  }

  @Test("values are the arguments as database values; appending and adding keep the order")
  func values() {
    let date = Date(timeIntervalSince1970: 0)
    var arguments: SQLArguments = [1, "a", nil, date, Data([1, 2])]
    #expect(
      arguments.values == [
        1.databaseValue, "a".databaseValue, .null, date.databaseValue, Data([1, 2]).databaseValue,
      ])
    arguments.append(contentsOf: ["b", "c"])
    arguments += [Int64(7)]
    arguments.append(nil)
    #expect(arguments.values.suffix(4) == ["b".databaseValue, "c".databaseValue, 7.databaseValue, .null])
    #expect((SQLArguments(values: [.null]) + [2]).values == [.null, 2.databaseValue])
  }
}
