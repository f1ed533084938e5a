import BenchSupport

/// What one measured run produced.
struct LoadResult: Sendable {
  var calls: Int
  var errors: Int
  /// The first error seen, to explain a non-zero error count.
  var firstError: String?
  var elapsed: Duration
  var cpu: Duration
  var latencies: LatencySamples

  var callsPerSecond: Double {
    Double(self.calls) / (Double(self.elapsed.components.seconds) + Double(self.elapsed.components.attoseconds) * 1e-18)
  }
}

/// A closed loop: `concurrency` tasks each make one call at a time, back to back, so exactly
/// that many calls are in flight on the client's one connection. A warm-up run (connection
/// set-up, allocator and code paths warm) precedes the measured run and is not counted.
struct ClosedLoopLoad: Sendable {
  var concurrency: Int
  var warmUp: Duration
  var duration: Duration
  var payload: [UInt8]

  func run(_ caller: some EchoCaller) async -> LoadResult {
    _ = await self.phase(caller, for: self.warmUp)
    let cpuBefore = CPUTime.used()
    let start = ContinuousClock.now
    let workers = await self.phase(caller, for: self.duration)
    // Calls still in flight at the deadline are counted, so the elapsed time runs until they end.
    let elapsed = ContinuousClock.now - start
    let cpu = CPUTime.used() - cpuBefore

    var result = LoadResult(calls: 0, errors: 0, elapsed: elapsed, cpu: cpu, latencies: LatencySamples())
    for worker in workers {
      result.latencies.append(contentsOf: worker.latencies)
      result.errors += worker.errors
      if result.firstError == nil { result.firstError = worker.firstError }
    }
    result.calls = result.latencies.count
    return result
  }

  private struct Worker: Sendable {
    var latencies: LatencySamples
    var errors = 0
    var firstError: String?
  }

  private func phase(_ caller: some EchoCaller, for duration: Duration) async -> [Worker] {
    let clock = ContinuousClock()
    let deadline = clock.now + duration
    let payload = self.payload
    return await withTaskGroup(of: Worker.self) { group in
      for _ in 0..<self.concurrency {
        group.addTask {
          var worker = Worker(latencies: LatencySamples(reservingCapacity: 1 << 16))
          while clock.now < deadline {
            let start = clock.now
            do {
              let echoed = try await caller.echo(payload)
              guard echoed.count == payload.count else {
                throw EchoMismatch(sent: payload.count, received: echoed.count)
              }
              worker.latencies.record(clock.now - start)
            } catch {
              worker.errors += 1
              if worker.firstError == nil { worker.firstError = "\(error)" }
            }
          }
          return worker
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
  }
}

/// The server answered with a different number of bytes than it was sent.
struct EchoMismatch: Error, CustomStringConvertible {
  var sent: Int
  var received: Int
  var description: String { "sent \(self.sent) bytes, the echo had \(self.received)" }
}
