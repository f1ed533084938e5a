import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// One organization's SQLite connections (issue 13).
///
/// An organization is opened with one connection, which writes (``GroupCommit``) and reads.
/// A read that arrives while writes are queued or running would wait for their commit on
/// that connection, and one that arrives while another read runs there would wait for it;
/// it goes to a second connection instead, opened the first time it is needed, and reads the
/// last committed state there (WAL lets one connection read while another writes). Either
/// way a read sees every write that was answered before it began.
///
/// A pool (as the registry has) costs more to open: GRDB writes and drops a table on every
/// open of a file whose WAL is empty, and each read takes a reader connection that parses
/// the schema again. Most organizations in a large installation are opened for a call or
/// two and closed again, so the opening is what counts.
final class OrganizationConnections: Sendable {
  let writer: DatabaseQueue
  let groupCommit = GroupCommit()
  private let url: URL
  private let database: StorageFailure.Database
  private let label: String
  private let reader = Mutex<DatabaseQueue?>(nil)
  /// 1 while a read runs on the writer's connection: a read that overlaps it goes to the
  /// second connection, so that two reads run side by side.
  private let readsOnWriter = Atomic<Int>(0)

  /// Opens (migrating if needed) the file at `url`.
  init(at url: URL, database: StorageFailure.Database, label: String) throws {
    self.url = url
    self.database = database
    self.label = label
    writer = try DatabaseOpening.openQueue(
      at: url, database: database, label: label, migrator: OrganizationSchema.migrator,
      migrate: OrganizationSchema.migrate)
    // The WAL and shared-memory files stay when the organization is closed (the WAL emptied,
    // see `close()`): deleting two files at every close and creating them again at the next
    // open was most of what opening an organization cost (ext4's inode allocation).
    try writer.writeWithoutTransaction { db in
      var persist: Int32 = 1
      let code = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
      guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }
  }

  /// A durable write in a savepoint of the next batch.
  func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    try await groupCommit.write(on: writer, body)
  }

  /// A read on a consistent snapshot, on whichever connection is free of writes.
  func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
    if groupCommit.isIdle, readsOnWriter.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged {
      defer { readsOnWriter.store(0, ordering: .releasing) }
      return try await Self.read(on: writer, body)
    }
    return try await Self.read(on: try await readConnection(), body)
  }

  private static func read<T: Sendable>(
    on connection: DatabaseQueue, _ body: @Sendable (Database) throws -> T
  ) async throws -> T {
    try await connection.writeWithoutTransaction { db in try db.inCachedReadTransaction { try body(db) } }
  }

  /// How many connections are open (1 or 2).
  var connectionCount: Int { reader.withLock { $0 == nil ? 1 : 2 } }

  /// The second connection, opened by the first read that needs it, off the caller's thread
  /// (concurrent reads that need it meanwhile wait for the same opening).
  private func readConnection() async throws -> DatabaseQueue {
    if let open = reader.withLock({ $0 }) { return open }
    return try await BlockingWork.run { [self] in
      try reader.withLock { current in
        if let current { return current }
        let opened = try DatabaseOpening.openReader(at: url, database: database, label: "\(label)-reader")
        current = opened
        return opened
      }
    }
  }

  /// Closes both connections. The writer closes last: SQLite checkpoints the WAL into the
  /// file when the last connection closes and, with `journal_size_limit` 0, empties it, so
  /// that a closed organization's data is all in its `.sqlite` file (its `-wal` is empty, its
  /// `-shm` an index of nothing). A checkpoint that fails (a full disk) leaves the WAL, which
  /// is fine: the next open reads it.
  func close() throws {
    let open = reader.withLock { current in
      defer { current = nil }
      return current
    }
    try open?.close()
    try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_size_limit = 0") }
    try writer.close()
  }
}
