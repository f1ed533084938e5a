import Foundation
import GRDB
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Creates new organizations' files as copies of a migrated empty database (issue 13).
///
/// Migrating a new file runs every migration in its own transaction, one `fsync` each. The
/// template is migrated once per process the same way (``DatabaseOpening``, the same
/// migrator) into a temporary file, and its bytes are kept; a new organization's file is
/// then one write and one `fsync`.
///
/// Crash safety: the copy is written to `orgs/<id>.creating`, synced, and only then renamed
/// to `orgs/<id>.sqlite` (and the folder synced). A file at the real name is therefore
/// always complete; a crash leaves at most a `.creating` file, which nothing opens (tools
/// list `*.sqlite` only) and the next creation of that organization overwrites.
enum OrganizationTemplate {
  private static let bytes = Mutex<Data?>(nil)

  /// Creates the file at `url` from the template unless a file is there already.
  ///
  /// - Throws: ``StorageFailure`` naming `database` (a full disk, a folder it may not write).
  static func createIfMissing(at url: URL, database: StorageFailure.Database) throws {
    guard !FileManager.default.fileExists(atPath: url.path) else { return }
    let image = try templateBytes()
    do {
      try copy(image, to: url)
    } catch {
      throw error.storageFailure(in: database)
    }
  }

  private static func copy(_ image: Data, to url: URL) throws(FileFailure) {
    let creating = url.deletingPathExtension().appendingPathExtension("creating")
    try writeDurably(image, to: creating)
    guard rename(creating.path, url.path) == 0 else { throw posixError("rename \(creating.path)") }
    try syncDirectory(url.deletingLastPathComponent())
  }

  /// The migrated empty database, made on first use.
  static func templateBytes() throws -> Data {
    try bytes.withLock { cached in
      if let cached { return cached }
      let made = try makeTemplate()
      cached = made
      return made
    }
  }

  /// Migrates a file in a temporary folder as any organization's, checkpoints it into one
  /// file, and reads it.
  private static func makeTemplate() throws -> Data {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("orderd-template-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("template.sqlite")
    let pool = try DatabaseOpening.openPool(
      at: url, database: .file("template.sqlite"), label: "org-template", maximumReaderCount: 1,
      migrator: OrganizationSchema.migrator, migrate: OrganizationSchema.migrate)
    try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    try pool.close()
    return try Data(contentsOf: url)
  }

  /// Writes `data` to `url` (replacing what is there) and syncs it.
  private static func writeDurably(_ data: Data, to url: URL) throws(FileFailure) {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw posixError("open \(url.path)") }
    defer { close(descriptor) }
    let failure: FileFailure? = data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return posixError("write \(url.path)")
        }
        offset += written
      }
      return nil
    }
    if let failure { throw failure }
    guard fsync(descriptor) == 0 else { throw posixError("fsync \(url.path)") }
  }

  /// Makes a rename in `folder` durable.
  private static func syncDirectory(_ folder: URL) throws(FileFailure) {
    let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw posixError("open \(folder.path)") }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw posixError("fsync \(folder.path)") }
  }

  private static func posixError(_ what: String) -> FileFailure { FileFailure(what: what, code: errno) }
}

/// A system call of ``OrganizationTemplate`` that failed, and its `errno`.
struct FileFailure: Error {
  var what: String
  var code: Int32

  func storageFailure(in database: StorageFailure.Database) -> StorageFailure {
    let detail = "\(what): \(String(cString: strerror(code)))"
    switch code {
    case ENOSPC, EDQUOT: return StorageFailure(.diskFull, in: database, detail: detail)
    case EACCES, EPERM, ENOENT, ENOTDIR, EISDIR: return StorageFailure(.inaccessible, in: database, detail: detail)
    case EROFS: return StorageFailure(.readOnly, in: database, detail: detail)
    default: return StorageFailure(.ioError, in: database, detail: detail)
    }
  }
}
