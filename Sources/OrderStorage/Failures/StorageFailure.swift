import OrderDomain

/// The database or the disk under it failed, not the request: a full disk, an I/O error, a
/// lock held too long, a damaged or unreadable file, a schema newer than this build.
///
/// Storage reports these at the boundary of ``OrganizationStore``, ``Registry`` and
/// ``OrganizationDatabases`` (see `StorageFailure+SQLite.swift`); the service layer maps
/// ``domainError`` to an RPC status like any other ``DomainError``. Background work treats them
/// as conditions of the whole database, never as a fault of the job that met them.
public struct StorageFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// What failed.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// The disk (or SQLite's page limit) is full: nothing was written.
    case diskFull
    /// SQLite could not get the memory it needed.
    case outOfMemory
    /// Reading or writing the file failed at the operating system, or the connection to the
    /// database server was lost before it answered.
    case ioError
    /// Another connection or process held a lock longer than the busy timeout.
    case busy
    /// The operation was interrupted before it finished.
    case interrupted
    /// The file, its directory or its file system cannot be written.
    case readOnly
    /// The file cannot be opened: permissions, or not a regular file.
    case inaccessible
    /// The file is not a database, is truncated, or its pages are damaged.
    case damaged
    /// The file was migrated by a newer orderd, to a schema this build does not know.
    case newerSchema
    /// The database server cannot be reached, or refuses the connection (PostgreSQL).
    case unreachable
  }

  /// Which database failed.
  public enum Database: Hashable, Sendable, CustomStringConvertible {
    case registry
    case organization(OrganizationID)
    /// A file outside a running server (`orderd check`, `orderd backup`).
    case file(String)

    public var description: String {
      switch self {
      case .registry: return "the registry"
      case .organization(let id): return "organization \(id)"
      case .file(let path): return path
      }
    }
  }

  public let kind: Kind
  public let database: Database
  /// What SQLite (or the schema check) said, e.g. `SQLITE_FULL: database or disk is full`.
  public let detail: String

  public init(_ kind: Kind, in database: Database, detail: String) {
    self.kind = kind
    self.database = database
    self.detail = detail
  }

  /// The class of failure a caller sees.
  public var code: DomainError.Code {
    switch self.kind {
    case .diskFull, .outOfMemory: return .resourceExhausted
    case .ioError, .busy, .interrupted, .readOnly, .inaccessible, .unreachable: return .unavailable
    case .damaged: return .dataLoss
    case .newerSchema: return .failedPrecondition
    }
  }

  /// What went wrong, in which database, and what to do about it.
  public var message: String {
    "\(self.database): \(self.kind.summary) (\(self.detail)); \(self.kind.advice)"
  }

  /// The failure as the ``DomainError`` callers get.
  public var domainError: DomainError { DomainError(self.code, self.message) }

  public var description: String { "\(self.code): \(self.message)" }

  /// Whether the condition may pass by itself (space freed, a lock released), so that work
  /// which met it is retried soon; a damaged or newer file waits for an operator.
  public var isTransient: Bool {
    switch self.kind {
    case .diskFull, .outOfMemory, .ioError, .busy, .interrupted, .readOnly, .inaccessible, .unreachable: return true
    case .damaged, .newerSchema: return false
    }
  }
}

extension StorageFailure.Kind {
  /// The condition in a few words.
  public var summary: String {
    switch self {
    case .diskFull: return "the disk is full"
    case .outOfMemory: return "the server is out of memory"
    case .ioError: return "reading or writing the database failed (the disk, or the connection to the database server)"
    case .busy: return "the database is locked by another connection or process"
    case .interrupted: return "the database operation was interrupted"
    case .readOnly: return "the database file cannot be written (read-only file, directory or file system)"
    case .inaccessible: return "the database file cannot be opened (its permissions, or not a regular file)"
    case .damaged: return "the database file is damaged"
    case .newerSchema: return "the database was written by a newer orderd"
    case .unreachable: return "the database server cannot be reached"
    }
  }

  /// What happened to the call, and what the caller or the operator can do.
  public var advice: String {
    switch self {
    case .diskFull:
      return "nothing was written; reads still work; retry once the operator has freed disk space"
    case .outOfMemory:
      return "nothing was written; retry later"
    case .ioError:
      return
        "retry later with the same idempotency key (it is not done twice); the operator should check the disk or the database server"
    case .busy, .interrupted:
      return "nothing was written; retry"
    case .readOnly:
      return "nothing was written; reads still work; the operator must make the file writable"
    case .inaccessible:
      return "the operator must fix the file's permissions; retry later"
    case .damaged:
      return "nothing was written; the operator must restore the file from a backup (`orderd check` lists the problems)"
    case .newerSchema:
      return "run the newer orderd, or restore a backup made for this version"
    case .unreachable:
      return
        "nothing was written; retry later; the operator must check that the database server runs and accepts orderd's connections"
    }
  }
}
