import BenchSupport

/// A closed loop: `concurrency` tasks each make one call at a time, back to back, so that many
/// calls are in flight. A warm-up phase precedes the measured one and is not counted.
struct CallLoop: Sendable {
  var concurrency: Int
  var warmUp: Duration
  var duration: Duration

  /// Runs `call(worker, sequence)` in the loop; `probe` reads the CPU time and context
  /// switches to charge to it (the server's, from /proc).
  func run(
    cpu probe: @Sendable () -> ServerUsage,
    _ call: @escaping @Sendable (_ worker: Int, _ sequence: Int) async throws -> Void
  ) async -> LoopResult {
    _ = await self.phase(for: self.warmUp, sequenceBase: 0, call)
    let before = probe()
    let start = ContinuousClock.now
    let workers = await self.phase(for: self.duration, sequenceBase: 1 << 32, call)
    // Calls in flight at the deadline are counted, so the elapsed time runs until they end.
    let elapsed = ContinuousClock.now - start
    let after = probe()
    var result = LoopResult(
      elapsed: elapsed, cpu: after.cpu - before.cpu, contextSwitches: after.contextSwitches(since: before))
    for worker in workers {
      result.latencies.append(contentsOf: worker.latencies)
      result.errors += worker.errors
      if result.firstError == nil { result.firstError = worker.firstError }
    }
    return result
  }

  private struct Worker: Sendable {
    var latencies = LatencySamples(reservingCapacity: 1 << 14)
    var errors = 0
    var firstError: String?
  }

  private func phase(
    for duration: Duration, sequenceBase: Int,
    _ call: @escaping @Sendable (Int, Int) async throws -> Void
  ) async -> [Worker] {
    let clock = ContinuousClock()
    let deadline = clock.now + duration
    return await withTaskGroup(of: Worker.self) { group in
      for index in 0..<self.concurrency {
        group.addTask {
          var worker = Worker()
          var sequence = sequenceBase
          while clock.now < deadline {
            let start = clock.now
            do {
              try await call(index, sequence)
              worker.latencies.record(clock.now - start)
            } catch {
              worker.errors += 1
              if worker.firstError == nil { worker.firstError = "\(error)" }
            }
            sequence += 1
          }
          return worker
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
  }
}

/// What one measured loop produced.
struct LoopResult: Sendable {
  var elapsed: Duration
  var cpu: Duration
  /// Context switches of the server's threads during the loop (a lower bound, see
  /// ``ProcessStats/contextSwitches(since:)``); 0 when not measured.
  var contextSwitches = 0
  var latencies = LatencySamples()
  var errors = 0
  var firstError: String?

  var calls: Int { self.latencies.count }
  var callsPerSecond: Double { Double(self.calls) / Units.seconds(self.elapsed) }
  /// CPU time per completed call, in microseconds.
  var cpuMicrosecondsPerCall: Double { self.calls == 0 ? 0 : Units.seconds(self.cpu) * 1e6 / Double(self.calls) }
  var contextSwitchesPerCall: Double { self.calls == 0 ? 0 : Double(self.contextSwitches) / Double(self.calls) }
}

/// The server's CPU time and its threads' context switches at one moment.
struct ServerUsage: Sendable {
  var cpu: Duration
  var stats: ProcessStats?

  /// Reads /proc of `pid`; zero when it cannot.
  static func read(pid: Int32) -> ServerUsage {
    let stats = try? ProcessStats.read(pid: pid)
    return ServerUsage(cpu: stats?.cpuTime ?? .zero, stats: stats)
  }

  func contextSwitches(since earlier: ServerUsage) -> Int {
    guard let stats, let before = earlier.stats else { return 0 }
    return stats.contextSwitches(since: before)
  }
}
