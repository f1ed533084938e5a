import Foundation
import GRDB

/// `orderd check`: SQLite's integrity and foreign key checks, and the schema version, of the
/// registry and every organization file, read-only (a running server is not disturbed).
public enum DataDirectoryCheck {
  /// What was found in one file.
  public struct FileReport: Hashable, Sendable {
    /// The file, relative to the data directory: `registry.sqlite`, `orgs/<id>.sqlite`.
    public var path: String
    /// What is wrong, one problem a line; empty when the file is fine.
    public var problems: [String]

    public var isOK: Bool { self.problems.isEmpty }
  }

  /// At most this many problems are listed per file (SQLite's `integrity_check(N)`).
  public static let problemLimit = 100

  /// Checks the registry and every organization file of `directory`.
  public static func run(_ directory: DataDirectory) throws -> [FileReport] {
    var reports = [Self.check(directory.registryURL, in: directory, migrator: RegistrySchema.migrator)]
    for url in try DatabaseFiles.organizationFiles(in: directory) {
      reports.append(Self.check(url, in: directory, migrator: OrganizationSchema.migrator))
    }
    return reports
  }

  /// Checks one file: it opens, its schema is one this build knows, `integrity_check` and
  /// `foreign_key_check` find nothing.
  static func check(_ url: URL, in directory: DataDirectory, migrator: DatabaseMigrator) -> FileReport {
    let path = DatabaseFiles.relativePath(of: url, in: directory)
    guard FileManager.default.fileExists(atPath: url.path) else {
      return FileReport(path: path, problems: ["missing"])
    }
    do {
      let queue = try DatabaseFiles.openReadOnly(url)
      defer { try? queue.close() }
      // Statement by statement, outside a transaction: on a damaged file the transaction's
      // COMMIT fails too, and the problems found must not be lost with it.
      let problems = try queue.inDatabase { db in try Self.problems(db, migrator: migrator) }
      return FileReport(path: path, problems: problems)
    } catch {
      let converted = StorageFailure.converting(error, in: .file(path))
      let text = (converted as? StorageFailure).map { "\($0.kind.summary) (\($0.detail))" } ?? "\(converted)"
      return FileReport(path: path, problems: ["cannot be read: \(text)"])
    }
  }

  private static func problems(_ db: Database, migrator: DatabaseMigrator) throws -> [String] {
    var problems: [String] = []
    let applied = try migrator.appliedIdentifiers(db)
    let unknown = try SchemaVersion.unknownMigrations(db, migrator: migrator)
    if !unknown.isEmpty {
      problems.append("schema: written by a newer orderd (\(SchemaVersion.describe(unknown)))")
    } else if applied.isEmpty {
      problems.append("schema: no orderd schema in this file (empty, or not orderd's)")
    }
    let integrity = try Self.integrity(db)
    if integrity != ["ok"] {
      // Foreign keys mean little in damaged tables, and reading them may fail.
      return problems + integrity.map { "integrity: \($0)" }
    }
    for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").prefix(Self.problemLimit) {
      let table: String = row[0]
      let rowid: Int64? = row[1]
      let parent: String = row[2]
      problems.append(
        "foreign key: row \(rowid.map(String.init) ?? "?") of \(table) refers to a row of \(parent) that does not exist"
      )
    }
    return problems
  }

  /// `integrity_check`'s lines. On a badly damaged file SQLite reports what it found and then
  /// fails the statement: the lines found are kept, with the failure last. The `*** in
  /// database main ***` heading is left out.
  private static func integrity(_ db: Database) throws -> [String] {
    var lines: [String] = []
    let cursor = try String.fetchCursor(db, sql: "PRAGMA integrity_check(\(Self.problemLimit))")
    do {
      while let text = try cursor.next() { lines += text.split(separator: "\n").map(String.init) }
    } catch let error as DatabaseError where !lines.isEmpty {
      lines.append("the check stopped: \(StorageFailure.detail(of: error))")
    }
    let kept = lines.filter { !$0.hasPrefix("*** in database") }
    return kept.isEmpty ? lines : kept
  }
}
