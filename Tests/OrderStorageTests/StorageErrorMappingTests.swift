import Foundation
import GRDB
import OrderDomain
import Testing

@testable import OrderStorage

/// Issue 10: SQLite's errors are converted once, at the storage boundary, into errors a
/// caller can act on; none stays a bare `DatabaseError`.
@Suite("SQLite errors converted at the storage boundary", .timeLimit(.minutes(1)))
struct StorageErrorMappingTests {
  static let organization = OrganizationID.random()

  static let cases: [(ResultCode, DomainError.Code)] = [
    (.SQLITE_FULL, .resourceExhausted),
    (.SQLITE_NOMEM, .resourceExhausted),
    (.SQLITE_IOERR, .unavailable),
    (.SQLITE_IOERR_WRITE, .unavailable),
    (.SQLITE_IOERR_FSYNC, .unavailable),
    (.SQLITE_IOERR_NOMEM, .resourceExhausted),
    (.SQLITE_BUSY, .unavailable),
    (.SQLITE_BUSY_TIMEOUT, .unavailable),
    (.SQLITE_LOCKED, .unavailable),
    (.SQLITE_PROTOCOL, .unavailable),
    (.SQLITE_INTERRUPT, .unavailable),
    (.SQLITE_READONLY, .unavailable),
    (.SQLITE_READONLY_DIRECTORY, .unavailable),
    (.SQLITE_CANTOPEN, .unavailable),
    (.SQLITE_CANTOPEN_ISDIR, .unavailable),
    (.SQLITE_PERM, .unavailable),
    (.SQLITE_CORRUPT, .dataLoss),
    (.SQLITE_CORRUPT_INDEX, .dataLoss),
    (.SQLITE_NOTADB, .dataLoss),
    (.SQLITE_CONSTRAINT_UNIQUE, .alreadyExists),
    (.SQLITE_CONSTRAINT_PRIMARYKEY, .alreadyExists),
    (.SQLITE_CONSTRAINT_FOREIGNKEY, .failedPrecondition),
    (.SQLITE_CONSTRAINT_CHECK, .failedPrecondition),
    (.SQLITE_CONSTRAINT_NOTNULL, .failedPrecondition),
    (.SQLITE_CONSTRAINT_TRIGGER, .failedPrecondition),
    (.SQLITE_CONSTRAINT, .failedPrecondition),
    (.SQLITE_TOOBIG, .invalidArgument),
    (.SQLITE_ERROR, .internalError),
    (.SQLITE_MISUSE, .internalError),
    (.SQLITE_SCHEMA, .internalError),
  ]

  @Test("each SQLite result code becomes the status a caller can act on", arguments: Self.cases)
  func mapping(code: ResultCode, expected: DomainError.Code) {
    let error = DatabaseError(resultCode: code, message: "as SQLite says")
    let converted = StorageFailure.converting(error, in: .organization(Self.organization))
    let domain: DomainError? = (converted as? StorageFailure)?.domainError ?? (converted as? DomainError)
    guard let domain else {
      Issue.record("\(code) stayed \(type(of: converted))")
      return
    }
    #expect(domain.code == expected, "\(code)")
    #expect(domain.message.contains("organization \(Self.organization)"))
    #expect(domain.message.contains("as SQLite says"))
    // Conditions of the database are StorageFailures (background work waits on them);
    // what a statement did wrong is not.
    #expect(StorageFailure.isStorageCondition(error) == (converted is StorageFailure))
  }

  @Test("messages name SQLite's code: SQLITE_IOERR_WRITE, SQLITE_CONSTRAINT_UNIQUE")
  func codeNames() {
    #expect(StorageFailure.name(of: .SQLITE_IOERR_WRITE) == "SQLITE_IOERR_WRITE")
    #expect(StorageFailure.name(of: .SQLITE_CONSTRAINT_UNIQUE) == "SQLITE_CONSTRAINT_UNIQUE")
    #expect(StorageFailure.name(of: .SQLITE_FULL) == "SQLITE_FULL")
  }

  @Test("errors that are not SQLite's pass through unchanged")
  func passThrough() {
    let domain = DomainError.notFound("account ACC-000001 not found")
    #expect(StorageFailure.converting(domain, in: .registry) as? DomainError == domain)
    #expect(StorageFailure.converting(CancellationError(), in: .registry) is CancellationError)
  }

  @Test(
    "real violations through a store: a duplicate key is ALREADY_EXISTS, a trigger or a foreign key FAILED_PRECONDITION"
  )
  func throughAStore() async throws {
    try await withStore { store in
      let account = try await store.write { tx in try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
      }
      let order = try await store.write { tx in try tx.createOrder(simpleOrder(account: account.id), now: t0) }
      let statements: [(String, DomainError.Code)] = [
        (
          "INSERT INTO accounts (id, name, kind, createdAt) VALUES ('\(account.id)', 'B', 'customer', '2026-01-01')",
          .alreadyExists
        ),
        ("UPDATE orders SET totalMinor = 1 WHERE id = '\(order.id)'", .failedPrecondition),
        (
          "INSERT INTO assets (id, accountID, sku, name, status, syncStatus, purchaseDate, orderID) VALUES ('x', 'NOPE', 's', 'n', 'active', 'synced', '2026-01-01', '\(order.id)')",
          .failedPrecondition
        ),
      ]
      for (sql, expected) in statements {
        do {
          _ = try await store.write { tx in try tx.sql.execute(sql) }
          Issue.record("\(sql) did not fail")
        } catch let error as DomainError {
          #expect(error.code == expected, "\(sql): \(error)")
        }
      }
    }
  }
}
