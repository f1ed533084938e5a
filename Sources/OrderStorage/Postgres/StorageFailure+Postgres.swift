import OrderDomain
import PostgresNIO

/// PostgreSQL's errors (issue 14), converted at the storage boundary as SQLite's are
/// (`StorageFailure+SQLite.swift`): by SQLSTATE, conditions of the server become
/// ``StorageFailure``s, constraint violations (our immutability triggers raise 23000) the
/// ``DomainError`` a caller can act on, anything else an internal error keeping the SQLSTATE
/// and message.
extension StorageFailure {
  /// The converted error when `error` is PostgreSQL's (or the PostgreSQL session's); `nil`
  /// when it is not.
  static func convertingPostgres(_ error: any Error, in database: Database) -> (any Error)? {
    switch error {
    case let error as PSQLError:
      if let state = error.serverInfo?[.sqlState] {
        return converting(sqlState: state, message: error.serverInfo?[.message] ?? "no message", in: database)
      }
      let detail = "postgres-nio \(error.code)" + (error.underlying.map { ": \(String(reflecting: $0))" } ?? "")
      if let kind = Kind(postgresClient: error.code) { return StorageFailure(kind, in: database, detail: detail) }
      return DomainError.internalError("\(database): unexpected PostgreSQL client error (\(detail))")
    case let error as PostgresConnectionLost:
      return StorageFailure(.ioError, in: database, detail: error.description)
    case let error as PostgresUnreachable:
      return StorageFailure(.unreachable, in: database, detail: error.description)
    case let error as PostgresAborted:
      // What aborted the transaction is what the caller should hear about (a lost connection,
      // a full disk); a statement error that was caught and not rethrown is a bug.
      let cause = convertingPostgres(error.cause, in: database) ?? error.cause
      if cause is StorageFailure { return cause }
      return DomainError.internalError("\(database): \(error.description)")
    default:
      return nil
    }
  }

  /// The error for a server error of SQLSTATE `sqlState`.
  static func converting(sqlState: String, message: String, in database: Database) -> any Error {
    let detail = "SQLSTATE \(sqlState): \(message)"
    if let kind = Kind(sqlState: sqlState) { return StorageFailure(kind, in: database, detail: detail) }
    switch sqlState {
    case "23505":
      return DomainError.alreadyExists("\(database): it exists already (\(detail))")
    case "23503":
      return DomainError.failedPrecondition(
        "\(database): it refers to something that does not exist, or something still refers to it (\(detail))")
    case "23000", "23514", "23502":
      return DomainError.failedPrecondition("\(database): the database refused the change (\(detail))")
    case _ where sqlState.hasPrefix("22"):
      return DomainError.invalidArgument("\(database): a value cannot be stored (\(detail))")
    default:
      return DomainError.internalError("\(database): unexpected database error (\(detail))")
    }
  }
}

extension StorageFailure.Kind {
  /// The condition a SQLSTATE reports, or `nil` when it is about the statement.
  init?(sqlState: String) {
    switch sqlState {
    case "53100": self = .diskFull
    case "53200": self = .outOfMemory
    // Serialization failure, deadlock, lock not available, too many connections.
    case "40001", "40P01", "55P03", "53300": self = .busy
    case "57014": self = .interrupted
    case "25006": self = .readOnly
    // Cannot connect now (starting or stopping), rejected, no such database, authentication.
    case "57P03", "08001", "08004", "3D000", "28000", "28P01": self = .unreachable
    // The server ended the session (terminated, crashed), or the connection broke: whether a
    // commit in flight was kept is unknown.
    case "57P01", "57P02", "58030": self = .ioError
    case _ where sqlState.hasPrefix("08"): self = .ioError
    case "XX001", "XX002": self = .damaged
    default: return nil
    }
  }

  /// The condition of a client-side error without a SQLSTATE, or `nil`.
  init?(postgresClient code: PSQLError.Code) {
    switch code {
    case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown: self = .ioError
    case .connectionError, .sslUnsupported, .failedToAddSSLHandler, .unsupportedAuthMechanism,
      .authMechanismRequiresPassword, .saslError, .poolClosed:
      self = .unreachable
    case .queryCancelled: self = .interrupted
    default: return nil
    }
  }
}
