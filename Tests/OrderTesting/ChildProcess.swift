import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A child process started with `posix_spawn`, for tests that run `orderd` and `orderctl`.
///
/// Not Foundation's `Process`: on Linux its `run()` reads `/proc/self/fd` with a 256-byte
/// over-read that crashes the test process now and then (swift-corelibs-foundation PR
/// #5472), the more often the more descriptors the process holds — and these tests hold
/// hundreds of sockets. Every descriptor this process opens is close-on-exec (NIO, SQLite
/// and the pipes below), so the child gets only its standard streams.
public final class ChildProcess: Sendable {
  public enum Output: Sendable {
    case discard
    case pipe
  }

  public let processIdentifier: pid_t
  /// The read end of the child's stdout / stderr when `.pipe` was asked for.
  public let standardOutput: FileHandle?
  public let standardError: FileHandle?
  private let exit = Mutex<Int32?>(nil)

  /// Held from creating a child's pipes to spawning it, so that no other child started here
  /// inherits a pipe end in the moment before it is marked close-on-exec (`pipe2` is not
  /// exposed to Swift on Glibc).
  private static let spawning = Mutex(())

  public init(
    executable: URL, arguments: [String], environment: [String: String]? = nil, stdout: Output = .discard,
    stderr: Output = .discard
  ) throws {
    let (pid, out, err) = try Self.spawning.withLock { _ in
      try Self.spawn(executable, arguments, environment, stdout, stderr)
    }
    self.processIdentifier = pid
    self.standardOutput = out
    self.standardError = err
  }

  private static func spawn(
    _ executable: URL, _ arguments: [String], _ environment: [String: String]?, _ stdout: Output, _ stderr: Output
  ) throws -> (pid_t, FileHandle?, FileHandle?) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
    defer { close(devNull) }
    posix_spawn_file_actions_adddup2(&actions, devNull, 0)
    var childEnds: [Int32] = []
    func connect(_ output: Output, to target: Int32) throws -> FileHandle? {
      switch output {
      case .discard:
        posix_spawn_file_actions_adddup2(&actions, devNull, target)
        return nil
      case .pipe:
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ProcessFailure("pipe failed: errno \(errno)") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], target)
        childEnds.append(ends[1])
        return FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
      }
    }
    let out = try connect(stdout, to: 1)
    let err = try connect(stderr, to: 2)
    // NIO opens its sockets without close-on-exec: without this, a child would inherit every
    // listener and connection of this test process and keep their ports bound while it runs.
    try Self.closeFrom(3, in: &actions)
    defer { for end in childEnds { close(end) } }

    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let environment = environment ?? ProcessInfo.processInfo.environment
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in envp { free(pointer) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
    guard status == 0 else {
      throw ProcessFailure("cannot start \(executable.path): \(String(cString: strerror(status)))")
    }
    return (pid, out, err)
  }

  /// Adds glibc's `closefrom` spawn action (glibc 2.34 and later; not visible to Swift through
  /// the Glibc module, so looked up by name).
  private static func closeFrom(_ first: Int32, in actions: inout posix_spawn_file_actions_t) throws {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
    else {
      throw ProcessFailure("this C library cannot close inherited descriptors on spawn (glibc 2.34 or later needed)")
    }
    let status = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, first)
    guard status == 0 else { throw ProcessFailure("posix_spawn_file_actions_addclosefrom_np: errno \(status)") }
  }

  /// Whether the child still runs (reaps it if it ended).
  public var isRunning: Bool {
    self.exit.withLock { exit in
      if exit != nil { return false }
      var status: Int32 = 0
      if waitpid(self.processIdentifier, &status, WNOHANG) == self.processIdentifier {
        exit = status
        return false
      }
      return true
    }
  }

  /// Blocks until the child ends.
  public func waitUntilExit() {
    while self.isRunning {
      var status: Int32 = 0
      let result = waitpid(self.processIdentifier, &status, 0)
      if result == self.processIdentifier {
        self.exit.withLock { $0 = status }
        return
      }
      if result < 0, errno != EINTR { return }
    }
  }

  /// The exit code, or 128 + the signal that ended it (as shells report it); 0 while running.
  public var terminationStatus: Int32 {
    guard let status = self.exit.withLock({ $0 }) else { return 0 }
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
  }

  /// Sends SIGTERM.
  public func terminate() { self.signal(SIGTERM) }

  public func signal(_ signal: Int32) {
    if self.isRunning { kill(self.processIdentifier, signal) }
  }
}
