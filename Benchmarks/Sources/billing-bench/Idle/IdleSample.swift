import BenchSupport
import Synchronization

/// orderd's CPU, memory, threads and wake-ups over a window in which nothing is asked of it.
struct IdleSample: Sendable {
  var wall: Duration
  var before: ProcessStats
  var after: ProcessStats
  var notifications: Int
  var reconnects: Int

  static func measure(pid: Int32, over window: Duration, tally: WatchTally) async throws -> IdleSample {
    let delivered = tally.delivered.load(ordering: .relaxed)
    let reconnects = tally.reconnects.load(ordering: .relaxed)
    let start = ContinuousClock.now
    let before = try ProcessStats.read(pid: pid)
    try await Task.sleep(for: window)
    let after = try ProcessStats.read(pid: pid)
    return IdleSample(
      wall: ContinuousClock.now - start, before: before, after: after,
      notifications: tally.delivered.load(ordering: .relaxed) - delivered,
      reconnects: tally.reconnects.load(ordering: .relaxed) - reconnects)
  }

  /// orderd's CPU time in the window as a percentage of one core.
  var cpuPercent: Double { 100 * Units.seconds(self.after.cpuTime - self.before.cpuTime) / Units.seconds(self.wall) }

  var contextSwitchesPerSecond: Double {
    Double(self.after.contextSwitches(since: self.before)) / Units.seconds(self.wall)
  }

  var line: String {
    "idle \(Units.fixed(Units.seconds(self.wall), digits: 1)) s: orderd CPU \(Units.fixed(self.cpuPercent, digits: 3)) % "
      + "of one core (\(Units.fixed(Units.seconds(self.after.cpuTime - self.before.cpuTime), digits: 3)) s), "
      + "RSS \(Units.mebibytes(self.after.resident)) MiB, \(self.after.threads) threads, "
      + "\(Units.fixed(self.contextSwitchesPerSecond, digits: 1)) context switches/s; "
      + "during the window: \(self.notifications) notifications, \(self.reconnects) reconnects"
  }
}
