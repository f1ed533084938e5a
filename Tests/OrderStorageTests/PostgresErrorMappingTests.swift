import OrderDomain
import Testing

@testable import OrderStorage

/// Issue 14: PostgreSQL's errors become the statuses SQLite's do, by SQLSTATE.
@Suite("PostgreSQL errors converted at the storage boundary", .timeLimit(.minutes(1)))
struct PostgresErrorMappingTests {
  static let organization = OrganizationID.random()

  static let cases: [(String, DomainError.Code, Bool)] = [
    // (SQLSTATE, the caller's status, whether it is a condition of the database)
    ("23505", .alreadyExists, false),
    ("23503", .failedPrecondition, false),
    ("23000", .failedPrecondition, false),
    ("23514", .failedPrecondition, false),
    ("23502", .failedPrecondition, false),
    ("22001", .invalidArgument, false),
    ("22P02", .invalidArgument, false),
    ("53100", .resourceExhausted, true),
    ("53200", .resourceExhausted, true),
    ("40001", .unavailable, true),
    ("40P01", .unavailable, true),
    ("55P03", .unavailable, true),
    ("53300", .unavailable, true),
    ("57014", .unavailable, true),
    ("25006", .unavailable, true),
    ("57P01", .unavailable, true),
    ("08006", .unavailable, true),
    ("57P03", .unavailable, true),
    ("3D000", .unavailable, true),
    ("28P01", .unavailable, true),
    ("XX001", .dataLoss, true),
    ("42P01", .internalError, false),
    ("42601", .internalError, false),
  ]

  @Test("each SQLSTATE becomes the status a caller can act on", arguments: Self.cases)
  func mapping(sqlState: String, expected: DomainError.Code, isCondition: Bool) {
    let converted = StorageFailure.converting(
      sqlState: sqlState, message: "as PostgreSQL says", in: .organization(Self.organization))
    let domain: DomainError? = (converted as? StorageFailure)?.domainError ?? (converted as? DomainError)
    guard let domain else {
      Issue.record("\(sqlState) became \(type(of: converted))")
      return
    }
    #expect(domain.code == expected, "\(sqlState)")
    #expect(domain.message.contains("organization \(Self.organization)"))
    #expect(domain.message.contains("SQLSTATE \(sqlState): as PostgreSQL says"))
    #expect((converted is StorageFailure) == isCondition, "\(sqlState)")
  }

  @Test("a storage that cannot connect is UNAVAILABLE, and a condition of the database")
  func unreachable() {
    let location = PostgresLocation(user: "orderd", password: "secret", host: "127.0.0.1", database: "orderd")
    let error = PostgresUnreachable(location: location, cause: TestCause())
    let converted = StorageFailure.converting(error, in: .registry)
    #expect((converted as? StorageFailure)?.kind == .unreachable)
    #expect((converted as? StorageFailure)?.code == .unavailable)
    #expect(!"\(converted)".contains("secret"))
    #expect(StorageFailure.isStorageCondition(error))
  }

  @Test("a statement after a caught error is an internal error naming the first one")
  func aborted() {
    let first = StorageFailure.converting(sqlState: "23505", message: "duplicate key", in: .registry)
    let converted = StorageFailure.converting(PostgresAborted(cause: first), in: .registry)
    #expect((converted as? DomainError)?.code == .internalError)
    #expect("\(converted)".contains("duplicate key"))
  }

  struct TestCause: Error {}
}
