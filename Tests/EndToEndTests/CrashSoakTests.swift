import Foundation
import SoakKit
import Testing

/// The crash soak, short: client processes run a mixed workload (sales now and scheduled,
/// changes now and on a date, cancellations, future requests, keys, organizations, and
/// clock advances on the simulated clock) while orderd is SIGKILLed and restarted; the checker
/// then finds every acknowledged call exactly once with the answer the client saw.
/// `scripts/crash-soak.sh` runs the long version (50 kills per clock).
@Suite("Crash soak", .sqliteOnly, .serialized, .timeLimit(.minutes(10)))
struct CrashSoakTests {
  @Test("S4, B3, T3: SIGKILLs under a mixed workload lose nothing and double nothing", arguments: [false, true])
  func soak(simulatedClock: Bool) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("soak-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    var configuration = CrashSoak.Configuration(directory: directory)
    configuration.clients = 3
    configuration.operationsPerClient = 25
    configuration.kills = 3
    configuration.killInterval = 0.1...0.5
    configuration.simulatedClock = simulatedClock
    configuration.seed = UInt64.random(in: 1...1_000_000)
    let report = try await CrashSoak.run(configuration)
    #expect(report.kills == 3)
    // Every kill landed while the clients were making calls.
    #expect(report.killsUnderLoad == report.kills, "\(report)")
    #expect(report.acknowledged > 50, "\(report)")
    #expect(report.anomalies.isEmpty, "seed \(configuration.seed): \(report)")
  }
}
