import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which other processes have a data directory's SQLite files open (`orderd migrate` refuses
/// to copy a directory a server is still writing to).
///
/// orderd keeps no lock or pid file. SQLite itself marks an open file: every connection to a
/// WAL database holds a shared POSIX lock on the "DMS" byte of its `-shm` file (byte 128 in
/// SQLite's unix VFS) for as long as it is open, and a running orderd keeps the registry open
/// all the time. A process that has the file open is found by asking the kernel which lock
/// would block an exclusive one there (`F_GETLK`); nothing is locked or written. A process
/// that died holds no lock, so a server killed with SIGKILL does not count.
///
/// Call it before this process opens any of the files: closing a descriptor of a file drops
/// every POSIX lock the process holds on it, SQLite's own too, and the kernel never reports
/// the asking process's own locks.
enum DataDirectoryUse {
  /// The offset of SQLite's "DMS" lock byte in a `-shm` file (unix VFS: 120 + 8).
  static let dmsLockOffset: off_t = 128

  /// One database file another process has open, and that process's id.
  struct Holder: Hashable, Sendable, CustomStringConvertible {
    /// Relative to the data directory: `registry.sqlite`, `orgs/<id>.sqlite`.
    var path: String
    var processID: Int32

    var description: String { "\(path) (process \(processID))" }
  }

  /// The registry and organization files of `directory` that another process has open.
  static func holders(of directory: DataDirectory) throws -> [Holder] {
    let files = [directory.registryURL] + (try DatabaseFiles.organizationFiles(in: directory))
    return files.compactMap { url in
      holder(ofSharedMemory: URL(fileURLWithPath: url.path + "-shm")).map {
        Holder(path: DatabaseFiles.relativePath(of: url, in: directory), processID: $0)
      }
    }
  }

  /// The id of a process that holds SQLite's DMS lock of the `-shm` file at `url`; `nil` when
  /// none does (or there is no such file: no connection has the database open in WAL mode).
  static func holder(ofSharedMemory url: URL) -> Int32? {
    let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var probe = flock()
    probe.l_type = Int16(F_WRLCK)
    probe.l_whence = Int16(SEEK_SET)
    probe.l_start = dmsLockOffset
    probe.l_len = 1
    guard fcntl(descriptor, F_GETLK, &probe) == 0, probe.l_type != Int16(F_UNLCK) else { return nil }
    return probe.l_pid
  }
}
