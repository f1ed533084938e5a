import ArgumentParser
import Foundation
import SoakKit

/// `crash-soak`: the crash soak's coordinator (`run`) and its client processes (`client`).
@main
struct CrashSoakCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crash-soak",
    abstract: "SIGKILL orderd at random moments under a mixed workload, then check nothing was lost or doubled.",
    subcommands: [Run.self, Client.self])

  struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a soak and print its report.")

    @Option(help: "Client processes.") var clients = 4
    @Option(help: "Mutating calls per client.") var operations = 200
    @Option(help: "SIGKILLs of orderd.") var kills = 50
    @Option(help: "system, or simulated (clock advances by a day before each kill).") var clock = "system"
    @Option(help: "Seed of the workload and of the kill times.") var seed: UInt64 = 1
    @Option(help: "Working directory (data and logs); a temporary one by default.") var directory: String?

    func run() async throws {
      let folder =
        self.directory.map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("crash-soak-\(UUID().uuidString)")
      var configuration = CrashSoak.Configuration(directory: folder)
      configuration.clients = self.clients
      configuration.operationsPerClient = self.operations
      configuration.kills = self.kills
      configuration.simulatedClock = self.clock == "simulated"
      configuration.seed = self.seed
      let started = Date()
      let report = try await CrashSoak.run(configuration)
      print("clock: \(self.clock), clients: \(self.clients) × \(self.operations) calls, seed \(self.seed)")
      print(report)
      print(String(format: "took %.0f s; data and logs in %@", Date().timeIntervalSince(started), folder.path))
      if !report.anomalies.isEmpty { throw ExitCode(1) }
    }
  }

  struct Client: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One client process (started by run).")

    @Option var setup: String
    @Option var index: Int
    @Option var operations: Int
    @Option var seed: UInt64
    @Option var log: String

    func run() async throws {
      let setup = try JSONDecoder().decode(SoakSetup.self, from: Data(contentsOf: URL(fileURLWithPath: self.setup)))
      let log = try SoakLog(url: URL(fileURLWithPath: self.log))
      try await SoakClient(setup: setup, index: self.index, operations: self.operations, seed: self.seed).run(log: log)
    }
  }
}
