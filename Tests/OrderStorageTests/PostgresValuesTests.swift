import Foundation
import GRDB
import NIOCore
import OrderDomain
import PostgresNIO
import Testing

@testable import OrderStorage

/// Issue 14: GRDB's values bound as PostgreSQL's, and PostgreSQL's cells read as GRDB's.
@Suite("PostgreSQL values", .timeLimit(.minutes(1)))
struct PostgresValuesTests {
  @Test("arguments bind as int8, float8, text, bytea, and an untyped NULL")
  func bindings() {
    let bound = PostgresValues.bindings([
      42.databaseValue, 2.5.databaseValue, "ACC-000001".databaseValue, Data([0, 1, 255]).databaseValue, .null,
      true.databaseValue,
    ])
    var expected = PostgresBindings()
    expected.append(Int64(42))
    expected.append(2.5)
    expected.append("ACC-000001")
    expected.append(ByteBuffer(bytes: [0, 1, 255]))
    expected.appendNull()
    expected.append(Int64(1))
    #expect(bound == expected)
  }

  static func cell(_ type: PostgresDataType, _ bytes: ByteBuffer?, format: PostgresFormat = .binary) -> PostgresCell {
    PostgresCell(bytes: bytes, dataType: type, format: format, columnName: "c", columnIndex: 0)
  }

  static func encoded(_ write: (inout ByteBuffer) -> Void) -> ByteBuffer {
    var buffer = ByteBuffer()
    write(&buffer)
    return buffer
  }

  @Test("integers and booleans read as integers, floats as doubles, text as strings, bytea as blobs")
  func cells() throws {
    let cases: [(PostgresCell, DatabaseValue)] = [
      (Self.cell(.int2, Self.encoded { $0.writeInteger(Int16(-7)) }), (-7).databaseValue),
      (Self.cell(.int4, Self.encoded { $0.writeInteger(Int32(70_000)) }), 70_000.databaseValue),
      (Self.cell(.int8, Self.encoded { $0.writeInteger(Int64.max) }), Int64.max.databaseValue),
      (Self.cell(.bool, Self.encoded { $0.writeInteger(UInt8(1)) }), 1.databaseValue),
      (Self.cell(.bool, Self.encoded { $0.writeInteger(UInt8(0)) }), 0.databaseValue),
      (Self.cell(.float8, Self.encoded { $0.writeInteger(2.5.bitPattern) }), 2.5.databaseValue),
      (Self.cell(.float4, Self.encoded { $0.writeInteger(Float(0.5).bitPattern) }), 0.5.databaseValue),
      (
        Self.cell(.text, Self.encoded { $0.writeString("2026-12-01 05:00:00.000") }),
        "2026-12-01 05:00:00.000".databaseValue
      ),
      (Self.cell(.varchar, Self.encoded { $0.writeString("é") }), "é".databaseValue),
      (Self.cell(.text, Self.encoded { _ in }), "".databaseValue),
      (Self.cell(.bytea, Self.encoded { $0.writeBytes([0, 1, 255]) }), Data([0, 1, 255]).databaseValue),
      (Self.cell(.int8, nil), .null),
      (Self.cell(.text, nil), .null),
      (Self.cell(.void, Self.encoded { _ in }), .null),
      (Self.cell(.int8, Self.encoded { $0.writeString("12") }, format: .text), 12.databaseValue),
    ]
    for (cell, expected) in cases {
      #expect(try PostgresValues.databaseValue(of: cell) == expected, "\(cell.dataType)")
    }
  }

  @Test("a column of a type the storage does not read is an internal error naming it")
  func unknownType() {
    let cell = PostgresCell(
      bytes: Self.encoded { $0.writeInteger(Int64(0)) }, dataType: .timestamptz, format: .binary,
      columnName: "claimExpiresAt", columnIndex: 3)
    #expect {
      try PostgresValues.databaseValue(of: cell)
    } throws: { error in
      guard let error = error as? DomainError else { return false }
      return error.code == .internalError && error.message.contains("claimExpiresAt")
    }
  }

  @Test("a cell whose bytes do not fit its type is an internal error naming the column")
  func damagedCell() {
    let cell = PostgresCell(
      bytes: Self.encoded { $0.writeInteger(Int16(1)) }, dataType: .int8, format: .binary, columnName: "position",
      columnIndex: 0)
    #expect(throws: DomainError.self) { try PostgresValues.databaseValue(of: cell) }
  }
}
