import BenchSupport
import Foundation
import Synchronization

/// One `idle` run against a started orderd: setup, the watches, the measurement.
struct IdleRun: Sendable {
  let organizations: Int
  let watchers: Int
  let connections: Int
  let seconds: Double
  let settle: Double
  let readyTimeout: Double
  let daysAhead: Int
  let concurrency: Int

  /// Returns whether every watch started and none failed.
  func run(_ pool: ClientPool, orderd: OrderdProcess) async throws -> Bool {
    let date = Date.now.addingTimeInterval(Double(self.daysAhead) * 86_400)
      .formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day())
    Console.line(
      "idle: \(self.organizations) tenant organizations, one sales order each scheduled for \(date); "
        + "\(self.watchers) watches over \(self.connections) connection(s)")

    let setupStart = ContinuousClock.now
    try await BenchProduct.create(with: pool.client(apiKey: orderd.rootKey))
    let tenants = try await pool.createTenants(
      count: self.organizations, kind: .tenant, rootKey: orderd.rootKey, limit: self.concurrency)
    try await pool.placeScheduledOrders(in: tenants, perTenant: 1, quantity: 1, date: date, limit: self.concurrency)
    Console.line("setup: \(Units.fixed(Units.seconds(ContinuousClock.now - setupStart))) s")

    let tally = WatchTally()
    return try await pool.withWatches(count: self.watchers, over: tenants, tally: tally) {
      let watchStart = ContinuousClock.now
      guard try await self.waitUntilEstablished(tally) else {
        Console.line(
          "watches: only \(tally.established.load(ordering: .relaxed))/\(self.watchers) received a notification "
            + "within \(self.readyTimeout) s" + (tally.firstFailureDescription.map { "; first error: \($0)" } ?? ""))
        return false
      }
      Console.line(
        "watches: \(self.watchers) established in \(Units.fixed(Units.seconds(ContinuousClock.now - watchStart))) s")
      try await Task.sleep(for: .milliseconds(Int64(self.settle * 1000)))
      let quiet = try await IdleSample.measure(
        pid: orderd.pid, over: .milliseconds(Int64(self.seconds * 1000)), tally: tally)
      Console.line(quiet.line)
      let failures = tally.failures.load(ordering: .relaxed)
      if failures > 0 { Console.line("watches: \(failures) failed; first: \(tally.firstFailureDescription ?? "?")") }
      return failures == 0
    }
  }

  private func waitUntilEstablished(_ tally: WatchTally) async throws -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(self.readyTimeout * 1000)))
    while tally.established.load(ordering: .relaxed) < self.watchers {
      guard ContinuousClock.now < deadline, tally.failures.load(ordering: .relaxed) == 0 else { return false }
      try await Task.sleep(for: .milliseconds(100))
    }
    return true
  }
}
