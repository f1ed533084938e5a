import Foundation
import GRDB

/// Ways a database file breaks, done to a closed file by tests.
///
/// Each first makes the file whole (``settle(_:)``): a closed server leaves recent writes in
/// the `-wal` file, and damage to the main file alone should be what it looks like.
public enum FileDamage {
  /// Checkpoints the file's WAL into it and removes the WAL; the file must not be open.
  public static func settle(_ url: URL) throws {
    let queue = try DatabaseQueue(path: url.path)
    try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    try queue.close()
  }

  /// Cuts the file to half its size, as a copy interrupted midway would.
  public static func truncateToHalf(_ url: URL) throws {
    try Self.settle(url)
    let size = try Self.size(of: url)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.truncate(atOffset: UInt64(size / 2))
  }

  /// Overwrites `pages` whole pages in the middle of the file with garbage, as a failing disk
  /// would; the first page (the header) stays intact, so the file still opens.
  public static func overwriteMiddlePages(_ url: URL, pages: Int = 3) throws {
    try Self.settle(url)
    let data = try Data(contentsOf: url)
    let pageSize = Self.pageSize(of: data)
    let pageCount = data.count / pageSize
    precondition(pageCount >= pages + 4, "the file is too small to damage its middle: \(pageCount) pages")
    let first = pageCount / 2
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seek(toOffset: UInt64(first * pageSize))
    try handle.write(contentsOf: Data(repeating: 0xA5, count: pages * pageSize))
  }

  /// Records a schema migration this build does not know, as a newer orderd would have.
  public static func markNewerSchema(_ url: URL, migration: String = "v99: from a newer orderd") throws {
    let queue = try DatabaseQueue(path: url.path)
    defer { try? queue.close() }
    try queue.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration])
    }
  }

  /// Sets the file's permission bits (0o000: nobody but root can open it).
  public static func setPermissions(_ url: URL, _ mode: Int) throws {
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
  }

  /// Whether this process reads files whatever their permissions say (root).
  public static var readsEverything: Bool { geteuid() == 0 }

  public static func size(of url: URL) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
  }

  /// The page size in an SQLite header (bytes 16–17, big-endian; 1 means 65536).
  static func pageSize(of data: Data) -> Int {
    guard data.count >= 18 else { return 4096 }
    let raw = Int(data[data.startIndex + 16]) << 8 | Int(data[data.startIndex + 17])
    return raw == 1 ? 65536 : max(512, raw)
  }
}
