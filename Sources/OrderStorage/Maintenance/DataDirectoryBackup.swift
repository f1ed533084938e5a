import Foundation
import GRDB

/// `orderd backup`: a consistent copy of the registry and every organization file with
/// SQLite's online backup API, while a server may be writing to them.
///
/// Each file is copied from one read snapshot (WAL lets the server write meanwhile). The
/// files are copied at slightly different moments, in an order that keeps what spans them
/// consistent: children before their parents, so that a backorder a child's copy no longer
/// holds in its outbox is in its parent's copy; the registry last, so that it knows every
/// organization and key the copies refer to. The copy's wake-ups are then set from its own
/// job queues, so that no job in a copy is left without one. `root-admin.key` is not copied:
/// a backup holds no key secret (see docs/decisions.md).
public enum DataDirectoryBackup {
  public enum Failure: Error, CustomStringConvertible {
    case targetNotEmpty(String)
    case sameDirectory
    case noRegistry(String)

    public var description: String {
      switch self {
      case .targetNotEmpty(let path):
        return "\(path) holds database files already; back up into a new or empty directory"
      case .sameDirectory: return "the backup cannot go into the data directory itself"
      case .noRegistry(let path): return "\(path) has no registry.sqlite: not an orderd data directory"
      }
    }
  }

  /// What a backup copied, and the organization files it could not copy (a damaged one,
  /// say) with the reason; the others are copied all the same.
  public struct Outcome: Sendable {
    /// Files copied, relative to the data directory, in the order they were copied.
    public var copied: [String] = []
    /// Files that could not be copied, and why.
    public var failed: [(path: String, reason: String)] = []
  }

  /// Copies `source` into `target` (created with mode 0700 if missing, and holding no
  /// database files). `copied` is told each file once it is copied, relative to the data
  /// directory. An organization file that cannot be copied is skipped and reported; a
  /// registry that cannot be copied fails the backup.
  @discardableResult
  public static func run(
    from source: DataDirectory, to target: DataDirectory, copied: (String) -> Void = { _ in }
  ) throws -> Outcome {
    try Self.prepare(source: source, target: target)
    let parents = try DatabaseFiles.parents(registry: source.registryURL)
    var outcome = Outcome()
    for url in try Self.organizationFilesChildrenFirst(in: source, parents: parents) {
      let path = DatabaseFiles.relativePath(of: url, in: source)
      let destination = target.url.appendingPathComponent(path)
      do {
        try Self.copy(url, to: destination, name: path)
      } catch {
        try? FileManager.default.removeItem(at: destination)
        outcome.failed.append((path, "\(error)"))
        continue
      }
      outcome.copied.append(path)
      copied(path)
    }
    try Self.copy(source.registryURL, to: target.registryURL, name: "registry.sqlite")
    try Self.setWakeups(of: target)
    outcome.copied.append("registry.sqlite")
    copied("registry.sqlite")
    return outcome
  }

  private static func prepare(source: DataDirectory, target: DataDirectory) throws {
    guard FileManager.default.fileExists(atPath: source.registryURL.path) else {
      throw Failure.noRegistry(source.url.path)
    }
    let sourcePath = source.url.standardizedFileURL.resolvingSymlinksInPath().path
    let targetPath = target.url.standardizedFileURL.resolvingSymlinksInPath().path
    guard sourcePath != targetPath else { throw Failure.sameDirectory }
    let existing = try DatabaseFiles.organizationFiles(in: target)
    if FileManager.default.fileExists(atPath: target.registryURL.path) || !existing.isEmpty {
      throw Failure.targetNotEmpty(target.url.path)
    }
    // A backup holds every organization's business data: readable by the owner only.
    try FileManager.default.createDirectory(
      at: target.organizationsURL, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: target.url.path)
  }

  /// Organization files, deepest organizations first; files the registry does not know
  /// (an organization created after its snapshot) come first of all.
  static func organizationFilesChildrenFirst(in directory: DataDirectory, parents: [String: String?]) throws -> [URL] {
    func depth(_ id: String) -> Int { OrganizationDepth.of(id, parents: parents) }
    return try DatabaseFiles.organizationFiles(in: directory)
      .map { ($0, depth($0.deletingPathExtension().lastPathComponent)) }
      .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.lastPathComponent < $1.0.lastPathComponent }
      .map(\.0)
  }

  /// Copies one file from a single read snapshot into a new file.
  static func copy(_ source: URL, to destination: URL, name: String) throws {
    do {
      let reader = try DatabaseFiles.openReadOnly(source)
      defer { try? reader.close() }
      let writer = try DatabaseQueue(path: destination.path)
      try reader.backup(to: writer)
      try writer.close()
    } catch {
      throw StorageFailure.converting(error, in: .file(name))
    }
  }

  /// Sets each organization's wake-up in the copied registry to the earliest job of its
  /// copied queue: the files were copied at different moments, and a job that ran between
  /// its file's copy and the registry's would otherwise have no wake-up in the copy.
  static func setWakeups(of target: DataDirectory) throws {
    var earliest: [String: DatabaseValue] = [:]
    for url in try DatabaseFiles.organizationFiles(in: target) {
      let queue = try DatabaseFiles.openReadOnly(url)
      defer { try? queue.close() }
      let due = try queue.read { db -> DatabaseValue in
        guard try db.tableExists("jobs") else { return .null }
        return try DatabaseValue.fetchOne(db, sql: "SELECT MIN(dueAt) FROM jobs") ?? .null
      }
      earliest[url.deletingPathExtension().lastPathComponent] = due
    }
    let registry = try DatabaseQueue(path: target.registryURL.path)
    defer { try? registry.close() }
    try registry.write { db in
      for (organization, due) in earliest {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM organizations WHERE id = ?", arguments: [organization]) != nil
        else { continue }
        if due.isNull {
          try db.execute(sql: "DELETE FROM wakeups WHERE organizationID = ?", arguments: [organization])
        } else {
          try db.execute(
            sql: """
              INSERT INTO wakeups (organizationID, dueAt) VALUES (?, ?)
              ON CONFLICT(organizationID) DO UPDATE SET dueAt = excluded.dueAt
              """, arguments: [organization, due])
        }
      }
    }
  }
}
