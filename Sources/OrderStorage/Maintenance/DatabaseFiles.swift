import Foundation
import GRDB

/// The database files of a data directory as maintenance tools see them, opened one at a
/// time outside the server's pools (which may be running in another process).
enum DatabaseFiles {
  /// The organization files in `directory`'s `orgs` folder, by name.
  static func organizationFiles(in directory: DataDirectory) throws -> [URL] {
    let folder = directory.organizationsURL
    guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "sqlite" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  /// The path of `url` relative to `directory`, for reports: `orgs/<id>.sqlite`.
  static func relativePath(of url: URL, in directory: DataDirectory) -> String {
    let base = directory.url.standardizedFileURL.path
    let path = url.standardizedFileURL.path
    return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
  }

  /// A read-only connection to `url`. It reads a consistent snapshot while a server writes
  /// (WAL) and never changes the file.
  static func openReadOnly(_ url: URL) throws -> DatabaseQueue {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(DatabaseOpening.busyTimeout)
    configuration.label = "maintenance"
    return try DatabaseQueue(path: url.path, configuration: configuration)
  }

  /// Each organization's parent, from the registry at `url` (`nil` for the root).
  static func parents(registry url: URL) throws -> [String: String?] {
    do {
      let registry = try openReadOnly(url)
      defer { try? registry.close() }
      return try registry.read { db in
        var parents: [String: String?] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, parentID FROM organizations") {
          parents[row["id"] as String] = row["parentID"] as String?
        }
        return parents
      }
    } catch {
      throw StorageFailure.converting(error, in: .file("registry.sqlite"))
    }
  }
}
