import Foundation
import OrderDomain

/// `orderd migrate`: moves a data directory's SQLite files into PostgreSQL (issue 14), and
/// verifies the copy by reading both back.
///
/// orderd must be stopped: a directory whose files another process has open is refused
/// (``DataDirectoryUse``). The target must hold no orderd data, unless `replace` drops what
/// an earlier (aborted) run left. Then, children before parents (as backup copies them),
/// each organization's file is opened and migrated to this build's version as the server
/// opens it, and in one PostgreSQL transaction its schema is created at the same version
/// and every table copied with the foreign keys deferred (orders and subscriptions refer to
/// each other), keeping every value (identities and `rowid` too); each identity's sequence
/// then continues after the last number SQLite gave. The registry comes last, the same way,
/// so that a target whose registry is filled holds every organization it names. After each
/// database, every table is read back from both sides in primary key order and compared
/// value by value.
///
/// The claims of due work (`wakeups.claimedBy`, `claimExpiresAt`) are not copied: they are
/// a stopped process's leases, which an SQLite server drops at start too.
public enum PostgresImport {
  /// Columns the copy leaves NULL, by table (lowercase): the claims of due work.
  static let emptiedColumns: [String: Set<String>] = ["wakeups": ["claimedby", "claimexpiresat"]]

  /// Why nothing was copied.
  public enum Failure: Error, CustomStringConvertible, Sendable {
    case noRegistry(String)
    case inUse([String])
    case targetNotEmpty([String])
    case schemaMismatch(String, [String])

    public var description: String {
      switch self {
      case .noRegistry(let path):
        return "\(path) has no registry.sqlite: not an orderd data directory"
      case .inUse(let holders):
        return "the data directory is in use (\(holders.joined(separator: ", "))): stop orderd (and any orderd "
          + "backup or check) before migrating it"
      case .targetNotEmpty(let found):
        return "the PostgreSQL database holds orderd data already (\(found.joined(separator: "; "))): migrate into "
          + "an empty database, or pass --replace to drop it and migrate again (after an aborted migrate, say)"
      case .schemaMismatch(let database, let problems):
        return "\(database): the SQLite and PostgreSQL schemas differ, nothing of it was copied: "
          + problems.joined(separator: "; ")
      }
    }
  }

  /// One table's rows on each side, and how they differ.
  public struct TableReport: Sendable, Hashable {
    /// SQLite's name (`orderStatusChanges`; PostgreSQL's is in lowercase).
    public var table: String
    public var sourceRows: Int
    public var targetRows: Int
    /// Rows missing on one side or whose values differ, at most ``ImportTable/differenceLimit``.
    public var differences: [String]
  }

  /// One database copied and compared: the registry or an organization.
  public struct DatabaseReport: Sendable, Hashable {
    /// `nil` for the registry.
    public var organization: OrganizationID?
    /// The organization's name and kind from the registry (`Acme, tenant`); empty for the
    /// registry or an organization being created.
    public var label: String
    /// Every table, by name.
    public var tables: [TableReport]
    /// Differences that are not a table's rows (an identity that would repeat a number).
    public var otherDifferences: [String]
    /// Why nothing was copied though nothing failed (no file: the organization is empty).
    public var note: String?

    /// Whether both sides hold the same.
    public var isVerified: Bool { otherDifferences.isEmpty && tables.allSatisfy(\.differences.isEmpty) }
    public var rowCount: Int { tables.reduce(0) { $0 + $1.targetRows } }
  }

  /// What a migration did.
  public struct Report: Sendable {
    /// The organizations, in the order copied, then the registry.
    public var databases: [DatabaseReport] = []
    /// Organization files nothing names: not copied.
    public var unnamedFiles: [String] = []
    /// Organization schemas in the target that its registry does not name (left by an
    /// earlier use of the database): left alone.
    public var unnamedSchemas: [String] = []

    public var isVerified: Bool { databases.allSatisfy(\.isVerified) }
  }

  /// Throws ``Failure/noRegistry(_:)`` unless `source` is a data directory, and
  /// ``Failure/inUse(_:)`` when another process has one of its files open. Reads nothing
  /// else: a tool calls it before it connects anywhere. Call it before this process opens
  /// any of the files (``DataDirectoryUse``).
  public static func checkSource(_ source: DataDirectory) throws {
    guard FileManager.default.fileExists(atPath: source.registryURL.path) else {
      throw Failure.noRegistry(source.url.path)
    }
    let holders = try DataDirectoryUse.holders(of: source)
    guard holders.isEmpty else { throw Failure.inUse(holders.map(\.description)) }
  }

  /// Copies `source` into `storage` (running) and compares the copy. `copied` is told of each
  /// database once it is copied and compared.
  ///
  /// - Throws: ``Failure`` before anything is written; ``StorageFailure`` (an unreachable
  ///   server among them) or ``Failure/schemaMismatch(_:_:)`` on the way, after which the
  ///   organizations copied so far stay and `replace` redoes the whole.
  public static func run(
    from source: DataDirectory, to storage: PostgresStorage, replace: Bool = false,
    copied: @Sendable (DatabaseReport) -> Void = { _ in }
  ) async throws -> Report {
    try checkSource(source)
    let plan = try ImportSource(source)
    try await prepareTarget(storage, for: plan, replace: replace)
    try await PostgresSchema.migrateRegistry(in: storage)
    var report = Report(unnamedFiles: plan.unnamedFiles)
    for organization in plan.organizations {
      let database = try await importOrganization(organization, from: source, to: storage)
      copied(database)
      report.databases.append(database)
    }
    let registry = try await importRegistry(from: source, to: storage)
    copied(registry)
    report.databases.append(registry)
    report.unnamedSchemas = try await unnamedSchemas(in: storage)
    return report
  }
}
