import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child process started with `posix_spawn`, for tests that run `orderd` and `orderctl`.
///
/// Foundation's `Process.run()` on Linux (swift-corelibs-foundation up to Swift 6.3.1) reads
/// `/proc/self/fd` with a 256-byte over-read past the last directory entry, and crashes the
/// test process when that entry ends a full `readdir` buffer, which the thousand-odd
/// descriptors the parallel test run holds at its start reach: it crashed most full runs
/// (fixed upstream in swift-corelibs-foundation #5472). This type
/// does what those tests need of `Process`: the child gets stdin from `/dev/null`, stdout and
/// stderr where asked, and no other descriptor of ours (`closefrom`), in its own process group.
public final class ChildProcess: Sendable {
  public let processIdentifier: pid_t
  /// Kept for the child's lifetime, as `Process` keeps them: readers of their read ends
  /// (`readabilityHandler`) stop when the pipe is released.
  private let pipes: [Pipe]
  /// The raw `waitpid` status once the child was reaped.
  private let status = Mutex<Int32?>(nil)

  /// Starts `executable`. `standardOutput` and `standardError` are pipes whose write ends the
  /// child gets (and this process closes), or `nil` for `/dev/null`.
  public init(
    executable: URL, arguments: [String], environment: [String: String], standardOutput: Pipe? = nil,
    standardError: Pipe? = nil
  ) throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    for (target, pipe) in [(Int32(1), standardOutput), (Int32(2), standardError)] {
      if let pipe {
        posix_spawn_file_actions_adddup2(&actions, pipe.fileHandleForWriting.fileDescriptor, target)
      } else {
        posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
      }
    }
    try Self.closeFrom(3, in: &actions)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var flags = Int16(POSIX_SPAWN_SETPGROUP)
    #if canImport(Darwin)
      flags |= Int16(POSIX_SPAWN_CLOEXEC_DEFAULT)
    #endif
    posix_spawnattr_setflags(&attributes, flags)
    posix_spawnattr_setpgroup(&attributes, 0)

    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid = pid_t()
    let result = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
    try? standardOutput?.fileHandleForWriting.close()
    try? standardError?.fileHandleForWriting.close()
    guard result == 0 else {
      throw ProcessFailure("posix_spawn \(executable.path) failed: \(String(cString: strerror(result)))")
    }
    self.processIdentifier = pid
    self.pipes = [standardOutput, standardError].compactMap { $0 }
  }

  /// Whether the child has not exited yet (reaps it when it has).
  public var isRunning: Bool {
    if self.status.withLock({ $0 }) != nil { return false }
    var raw: Int32 = 0
    switch waitpid(self.processIdentifier, &raw, WNOHANG) {
    case 0:
      return true
    case self.processIdentifier:
      self.status.withLock { $0 = raw }
      return false
    default:
      return false  // reaped by a thread in waitUntilExit(), which records the status
    }
  }

  /// Blocks until the child exits.
  public func waitUntilExit() {
    while self.status.withLock({ $0 }) == nil {
      var raw: Int32 = 0
      let reaped = waitpid(self.processIdentifier, &raw, 0)
      if reaped == self.processIdentifier {
        self.status.withLock { $0 = raw }
      } else if errno != EINTR {
        usleep(1_000)  // reaped by another thread, which records the status
      }
    }
  }

  /// The exit code, or the number of the signal that ended the child (as `Process` reports
  /// it); waits for the child to exit.
  public var terminationStatus: Int32 {
    self.waitUntilExit()
    guard let raw = self.status.withLock({ $0 }) else { return -1 }
    let signal = raw & 0x7f
    return signal == 0 ? (raw >> 8) & 0xff : signal
  }

  private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

  /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34), looked up at run time: Swift's
  /// Glibc module does not declare it.
  private static func closeFrom(_ first: Int32, in actions: inout posix_spawn_file_actions_t) throws {
    #if canImport(Glibc)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
      else {
        throw ProcessFailure("posix_spawn_file_actions_addclosefrom_np is missing (glibc 2.34 or later is needed)")
      }
      let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
      let result = closeFrom(&actions, first)
      guard result == 0 else { throw ProcessFailure("addclosefrom failed: \(String(cString: strerror(result)))") }
    #endif
  }
}
