import ArgumentParser
import BenchSupport
import OrderClient
import OrderProtocol
import SwiftProtobuf
import Synchronization

/// `server-bench organizations`: what many organizations cost: creating them, one call each in
/// round robin (most of them not in orderd's cache of open databases) against the same call
/// in one organization, and orderd's memory.
struct Organizations: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Creation rate, round-robin calls over many organizations, and orderd's memory.",
    discussion: """
      Creates --count organizations under the root (--in-flight calls at once), then runs \
      ListAccounts (a read of the organization's database) and CreateAccount (a durable write) \
      in round robin over all of them, each beside the same call repeated in one organization. \
      The difference of the medians estimates what opening an organization that is not cached \
      costs.
      """
  )

  @OptionGroup var server: ServerOptions

  @Option(help: "Organizations to create.")
  var count: Int = 2_000

  @Option(help: "Calls in flight.")
  var inFlight: Int = 16

  @Option(help: "Seconds measured per row.")
  var duration: Double = 5

  @Option(help: "orderd's --organization-cache (open organization databases); orderd sizes it by default.")
  var organizationCache: Int?

  @Flag(help: "After creating them, make one call (ListAccounts) in each organization, and report the rate and RSS.")
  var touchEach = false

  func validate() throws {
    guard self.count >= 1, self.inFlight >= 1, self.duration > 0, (self.organizationCache ?? 1) >= 1 else {
      throw ValidationError("--count, --in-flight, --duration and --organization-cache must be positive")
    }
  }

  func run() async throws {
    let loopDuration = Duration.milliseconds(Int64(self.duration * 1000))
    var table = RateTable()
    let extra = self.organizationCache.map { ["--organization-cache", "\($0)"] } ?? []
    try await self.server.withOrderd(clock: "system", extraArguments: extra) { orderd in
      try await ClientPool.with(server: orderd.address, connections: 1, callTimeout: self.server.callTimeoutDuration) {
        pool in
        let root = pool.client(apiKey: orderd.rootKey)
        let cpu: @Sendable () -> ServerUsage = { ServerUsage.read(pid: orderd.pid) }
        let cpuBefore = cpu().cpu
        let start = ContinuousClock.now
        let keys = try await concurrentMap(Array(0..<self.count), limit: self.inFlight) { index in
          try await root.createOrganization(
            .with {
              $0.name = "Bench organization \(index + 1)"
              $0.kind = .countryTenant
            }
          ).adminKey.secret
        }
        let creation = LoopResult(elapsed: ContinuousClock.now - start, cpu: cpu().cpu - cpuBefore)
        Console.line(
          "created \(keys.count) organizations in \(Units.fixed(Units.seconds(creation.elapsed))) s = "
            + "\(Units.fixed(Double(keys.count) / Units.seconds(creation.elapsed), digits: 0))/s, "
            + "orderd CPU \(Units.fixed(Units.seconds(creation.cpu) * 1e6 / Double(keys.count), digits: 0)) µs each")
        self.printMemory(orderd, label: "after creation")

        let clients = keys.map { pool.client(apiKey: $0) }
        if self.touchEach { try await self.touchEach(clients, orderd: orderd, cpu: cpu) }
        let loop = CallLoop(concurrency: self.inFlight, warmUp: .seconds(1), duration: loopDuration)
        let next = Atomic(0)
        let single = await loop.run(cpu: cpu) { _, _ in _ = try await clients[0].listAccounts() }
        table.append(.init(name: "ListAccounts, 1 organization", concurrency: self.inFlight, result: single))
        let spread = await loop.run(cpu: cpu) { _, _ in
          let index = next.add(1, ordering: .relaxed).newValue % clients.count
          _ = try await clients[index].listAccounts()
        }
        table.append(
          .init(
            name: "ListAccounts, round robin over \(clients.count)", concurrency: self.inFlight, result: spread,
            versus: ("1 organization", single.callsPerSecond, 0.5)))
        let singleWrite = await loop.run(cpu: cpu) { worker, sequence in
          _ = try await clients[0].createAccount(.with { $0.name = "Bench \(worker)-\(sequence)" })
        }
        table.append(.init(name: "CreateAccount, 1 organization", concurrency: self.inFlight, result: singleWrite))
        let spreadWrite = await loop.run(cpu: cpu) { worker, sequence in
          let index = next.add(1, ordering: .relaxed).newValue % clients.count
          _ = try await clients[index].createAccount(.with { $0.name = "Bench \(worker)-\(sequence)" })
        }
        table.append(
          .init(
            name: "CreateAccount, round robin over \(clients.count)", concurrency: self.inFlight, result: spreadWrite,
            versus: ("1 organization", singleWrite.callsPerSecond, 0.5)))
        if let cached = single.latencies.percentiles([0.5])?.first,
          let uncached = spread.latencies.percentiles([0.5])?.first
        {
          Console.line(
            "latency added by a miss of the cache (difference of ListAccounts medians, queueing at this concurrency included): "
              + "\(Units.fixed(Double(uncached - cached) / 1e6, digits: 3)) ms")
        }
      }
      Console.line("")
      Console.line(table.markdown)
      self.printMemory(orderd, label: "at the end")
      OrderdReport.printFinal(orderd)
    }
  }

  /// One ListAccounts in each organization, in order, `--in-flight` at once.
  private func touchEach(
    _ clients: [OrderdTCPClient], orderd: OrderdProcess, cpu: @Sendable () -> ServerUsage
  ) async throws {
    let cpuBefore = cpu().cpu
    let start = ContinuousClock.now
    _ = try await concurrentMap(clients, limit: self.inFlight) { client in
      _ = try await client.listAccounts()
    }
    let elapsed = Units.seconds(ContinuousClock.now - start)
    Console.line(
      "touched each of \(clients.count) organizations once in \(Units.fixed(elapsed)) s = "
        + "\(Units.fixed(Double(clients.count) / elapsed, digits: 0))/s, "
        + "orderd CPU \(Units.fixed(Units.seconds(cpu().cpu - cpuBefore) * 1e6 / Double(clients.count), digits: 0)) µs each"
    )
    self.printMemory(orderd, label: "after touching each")
  }

  private func printMemory(_ orderd: OrderdProcess, label: String) {
    guard let stats = try? ProcessStats.read(pid: orderd.pid) else { return }
    Console.line(
      "orderd \(label): RSS \(Units.mebibytes(stats.resident)) MiB, peak \(Units.mebibytes(stats.peakResident)) MiB, "
        + "\(stats.threads) threads")
  }
}
