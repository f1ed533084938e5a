#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's limit on open file descriptors (`RLIMIT_NOFILE`). Every connection holds
/// one and every open organization database three (file, WAL, shared memory), so orderd
/// raises its soft limit to the hard limit at start and sizes its connection cap below it.
public struct FileDescriptorLimit: Sendable, Equatable {
  public var soft: UInt64
  public var hard: UInt64

  /// The current limits, nil if they cannot be read.
  public static func current() -> FileDescriptorLimit? {
    var limit = rlimit()
    guard getrlimit(Self.resource, &limit) == 0 else { return nil }
    return FileDescriptorLimit(soft: UInt64(limit.rlim_cur), hard: UInt64(limit.rlim_max))
  }

  /// Raises the soft limit to the hard one (an unlimited hard limit is capped at
  /// 1,048,576, Linux's default `nr_open`). Returns the limits before and after.
  public static func raiseSoftToHard() -> (before: FileDescriptorLimit, after: FileDescriptorLimit)? {
    guard let before = Self.current() else { return nil }
    // RLIM_INFINITY is all ones; Linux refuses a soft limit above nr_open (1,048,576 by default).
    let target = before.hard == UInt64(rlim_t.max) ? 1 << 20 : before.hard
    guard before.soft < target else { return (before, before) }
    var limit = rlimit(rlim_cur: rlim_t(target), rlim_max: rlim_t(before.hard))
    guard setrlimit(Self.resource, &limit) == 0, let after = Self.current() else { return (before, before) }
    return (before, after)
  }

  /// Connections that fit beside `reserved` other descriptors; at least 1.
  public func connectionCapacity(reserving reserved: Int) -> Int {
    let available = Int(clamping: self.soft) - reserved
    return max(1, available)
  }

  #if canImport(Glibc)
    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
  #else
    private static let resource = RLIMIT_NOFILE
  #endif
}
