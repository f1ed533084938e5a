import Foundation

/// What Linux's /proc says about another process: CPU time, memory, threads, context switches.
public struct ProcessStats: Sendable {
  /// User plus system CPU time, all threads.
  public var cpuTime: Duration
  /// Resident set size now (VmRSS) and at its peak (VmHWM), in bytes.
  public var resident: Int
  public var peakResident: Int
  public var threads: Int
  /// Voluntary plus involuntary context switches of each thread alive now, by thread id.
  public var contextSwitches: [Int: Int]

  /// Reads /proc/`pid`; throws if the process is gone or this is not Linux.
  public static func read(pid: Int32) throws -> ProcessStats {
    let stat = try Self.text("/proc/\(pid)/stat")
    // Fields after the command name, which is in parentheses and may contain spaces:
    // state (3), ..., utime (14), stime (15), in clock ticks.
    guard let close = stat.lastIndex(of: ")") else { throw BenchFailure("unreadable /proc/\(pid)/stat") }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else {
      throw BenchFailure("unreadable /proc/\(pid)/stat")
    }
    let ticksPerSecond = max(1, sysconf(Int32(_SC_CLK_TCK)))
    let status = try Self.text("/proc/\(pid)/status")
    return ProcessStats(
      cpuTime: .milliseconds((user + system) * 1000 / ticksPerSecond),
      resident: Self.field("VmRSS:", in: status) * 1024,
      peakResident: Self.field("VmHWM:", in: status) * 1024,
      threads: Self.field("Threads:", in: status),
      contextSwitches: Self.contextSwitches(pid: pid)
    )
  }

  /// Context switches from `earlier` to this reading: the threads alive now, counted from
  /// their count then (0 for a thread born since). A thread that exited in between takes its
  /// count with it, so this is a lower bound.
  public func contextSwitches(since earlier: ProcessStats) -> Int {
    self.contextSwitches.reduce(0) { total, thread in
      total + max(0, thread.value - earlier.contextSwitches[thread.key, default: 0])
    }
  }

  private static func contextSwitches(pid: Int32) -> [Int: Int] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    var switches: [Int: Int] = [:]
    for task in tasks {
      guard let id = Int(task), let status = try? Self.text("/proc/\(pid)/task/\(task)/status") else { continue }
      switches[id] =
        Self.field("voluntary_ctxt_switches:", in: status) + Self.field("nonvoluntary_ctxt_switches:", in: status)
    }
    return switches
  }

  private static func text(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  /// The number on a "Name:  1234 kB" line, 0 if there is none.
  private static func field(_ name: String, in status: String) -> Int {
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
    return Int(line.dropFirst(name.count).filter(\.isNumber)) ?? 0
  }
}
