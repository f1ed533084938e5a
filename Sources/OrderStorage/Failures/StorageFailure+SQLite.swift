import GRDB
import OrderDomain

/// SQLite's errors (and PostgreSQL's, `StorageFailure+Postgres.swift`), converted once at the storage boundary: conditions of the database
/// become ``StorageFailure``s; constraint violations become the ``DomainError`` a caller can
/// act on; anything else is an internal error that keeps SQLite's code and message.
extension StorageFailure {
  /// The error callers get for `error`, met while working on `database`. Errors that are not
  /// SQLite's (``DomainError``s, cancellation) are returned as they are.
  public static func converting(_ error: any Error, in database: Database) -> any Error {
    if let converted = convertingPostgres(error, in: database) { return converted }
    guard let error = error as? DatabaseError else { return error }
    let detail = Self.detail(of: error)
    if let kind = Kind(error.extendedResultCode) { return StorageFailure(kind, in: database, detail: detail) }
    switch error.extendedResultCode {
    case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_ROWID:
      return DomainError.alreadyExists("\(database): it exists already (\(detail))")
    case .SQLITE_CONSTRAINT_FOREIGNKEY:
      return DomainError.failedPrecondition(
        "\(database): it refers to something that does not exist, or something still refers to it (\(detail))")
    case .SQLITE_CONSTRAINT:
      return DomainError.failedPrecondition("\(database): the database refused the change (\(detail))")
    case .SQLITE_TOOBIG:
      return DomainError.invalidArgument("\(database): a value is too large to store (\(detail))")
    default:
      return DomainError.internalError("\(database): unexpected database error (\(detail))")
    }
  }

  /// Whether `error` is a condition of the database or the disk (full, I/O, locked, damaged)
  /// rather than a fault of the work that met it. Work that meets one inside a transaction
  /// must abort the whole transaction, not record the failure against itself.
  public static func isStorageCondition(_ error: any Error) -> Bool {
    if error is StorageFailure { return true }
    if let converted = convertingPostgres(error, in: .registry) { return converted is StorageFailure }
    guard let error = error as? DatabaseError else { return false }
    return Kind(error.extendedResultCode) != nil
  }

  /// SQLite's code name and message, e.g. `SQLITE_FULL: database or disk is full`.
  static func detail(of error: DatabaseError) -> String {
    "\(Self.name(of: error.extendedResultCode)): \(error.message ?? "no message")"
  }

  /// The name of a result code, e.g. `SQLITE_IOERR_WRITE`, or `SQLITE_IOERR (extended 3338)`
  /// for an extended code without a name here.
  static func name(of code: ResultCode) -> String {
    let primary = primaryNames[code.primaryResultCode.rawValue] ?? "SQLite error \(code.primaryResultCode.rawValue)"
    guard code != code.primaryResultCode else { return primary }
    if let suffix = extendedNames[code.primaryResultCode.rawValue]?[code.rawValue >> 8] {
      return "\(primary)_\(suffix)"
    }
    return "\(primary) (extended \(code.rawValue))"
  }

  private static let primaryNames: [CInt: String] = [
    1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT", 5: "SQLITE_BUSY", 6: "SQLITE_LOCKED",
    7: "SQLITE_NOMEM", 8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT", 10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT",
    12: "SQLITE_NOTFOUND", 13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN", 15: "SQLITE_PROTOCOL", 16: "SQLITE_EMPTY",
    17: "SQLITE_SCHEMA", 18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH", 21: "SQLITE_MISUSE",
    22: "SQLITE_NOLFS", 23: "SQLITE_AUTH", 24: "SQLITE_FORMAT", 25: "SQLITE_RANGE", 26: "SQLITE_NOTADB",
  ]

  private static let extendedNames: [CInt: [CInt: String]] = [
    5: [1: "RECOVERY", 2: "SNAPSHOT", 3: "TIMEOUT"],
    8: [1: "RECOVERY", 2: "CANTLOCK", 3: "ROLLBACK", 4: "DBMOVED", 5: "CANTINIT", 6: "DIRECTORY"],
    10: [
      1: "READ", 2: "SHORT_READ", 3: "WRITE", 4: "FSYNC", 5: "DIR_FSYNC", 6: "TRUNCATE", 7: "FSTAT", 8: "UNLOCK",
      9: "RDLOCK", 10: "DELETE", 12: "NOMEM", 13: "ACCESS", 14: "CHECKRESERVEDLOCK", 15: "LOCK", 16: "CLOSE",
      18: "SHMOPEN", 19: "SHMSIZE", 20: "SHMLOCK", 21: "SHMMAP", 22: "SEEK", 23: "DELETE_NOENT", 24: "MMAP",
      32: "DATA", 33: "CORRUPTFS",
    ],
    11: [1: "VTAB", 2: "SEQUENCE", 3: "INDEX"],
    14: [1: "NOTEMPDIR", 2: "ISDIR", 3: "FULLPATH", 6: "SYMLINK"],
    19: [
      1: "CHECK", 2: "COMMITHOOK", 3: "FOREIGNKEY", 4: "FUNCTION", 5: "NOTNULL", 6: "PRIMARYKEY", 7: "TRIGGER",
      8: "UNIQUE", 9: "VTAB", 10: "ROWID", 11: "PINNED", 12: "DATATYPE",
    ],
  ]
}

extension StorageFailure.Kind {
  /// The condition an SQLite result code reports, or `nil` when the code is about the
  /// statement (a constraint, a misuse) rather than the database or the disk.
  init?(_ code: ResultCode) {
    switch code.primaryResultCode {
    case .SQLITE_FULL: self = .diskFull
    case .SQLITE_NOMEM: self = .outOfMemory
    case .SQLITE_IOERR where code == .SQLITE_IOERR_NOMEM: self = .outOfMemory
    case .SQLITE_IOERR, .SQLITE_NOLFS: self = .ioError
    case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_PROTOCOL: self = .busy
    case .SQLITE_INTERRUPT: self = .interrupted
    case .SQLITE_READONLY: self = .readOnly
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: self = .inaccessible
    case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .damaged
    default: return nil
    }
  }
}
