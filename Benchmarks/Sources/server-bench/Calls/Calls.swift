import ArgumentParser
import BenchSupport
import OrderClient
import OrderProtocol

/// `server-bench calls`: durable `PlaceOrder` in one and in many organizations and `GetOrder`
/// reads, at each number of calls in flight, beside SQLite's one-commit-per-transaction
/// ceiling measured in the same run on the same disk.
struct Calls: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Durable PlaceOrder and GetOrder through the whole server, against SQLite's own commit ceiling.",
    discussion: """
      Creates --organizations country tenants (each with the product \(BenchProduct.sku) and one \
      customer account), then runs closed loops over one connection: PlaceOrder scheduled for a \
      date (a durable write: the order, its line, status, notification, job and idempotency \
      outcome) in one organization and spread over all of them, GetOrder of one order, and \
      GetClock (the server's call path without a database). The ceiling is bare GRDB on the \
      same disk writing the same rows, one transaction per commit, synchronous=FULL.
      """
  )

  @OptionGroup var server: ServerOptions

  @Option(help: "Calls in flight, comma-separated.")
  var inFlight: String = "1,64"

  @Option(help: "Organizations the spread PlaceOrder run writes to.")
  var organizations: Int = 16

  @Option(help: "Seconds measured per row.")
  var duration: Double = 5

  @Option(help: "Seconds of warm-up before each row.")
  var warmUp: Double = 1

  func validate() throws {
    guard !self.concurrencies.isEmpty, self.concurrencies.allSatisfy({ $0 >= 1 }) else {
      throw ValidationError("--in-flight takes positive numbers, e.g. 1,64")
    }
    guard self.organizations >= 1, self.duration > 0, self.warmUp >= 0 else {
      throw ValidationError("--organizations and --duration must be positive")
    }
  }

  var concurrencies: [Int] { self.inFlight.split(separator: ",").compactMap { Int($0) } }

  func run() async throws {
    let loopDuration = Duration.milliseconds(Int64(self.duration * 1000))
    let warmUpDuration = Duration.milliseconds(Int64(self.warmUp * 1000))
    var table = RateTable()
    try await self.server.withOrderd(clock: "simulated:2027-01-01T00:00:00Z") { orderd in
      try await ClientPool.with(server: orderd.address, connections: 1, callTimeout: self.server.callTimeoutDuration) {
        pool in
        let tenants = try await pool.createTenants(
          count: self.organizations, kind: .countryTenant, rootKey: orderd.rootKey, limit: self.server.concurrency)
        Console.line("setup: \(tenants.count) country tenants")
        let ceiling = try SQLiteCeiling.measure(duration: loopDuration, warmUp: warmUpDuration)
        table.append(.init(name: "SQLite ceiling (bare GRDB, FULL)", concurrency: 1, result: ceiling))
        let ceilingRate = ceiling.callsPerSecond
        let cpu: @Sendable () -> ServerUsage = { ServerUsage.read(pid: orderd.pid) }
        let calls = ServerCalls(pool: pool, tenants: tenants)
        let sample = try await calls.placeOrder(in: 0)
        for concurrency in self.concurrencies {
          let loop = CallLoop(concurrency: concurrency, warmUp: warmUpDuration, duration: loopDuration)
          let place = await loop.run(cpu: cpu) { _, _ in _ = try await calls.placeOrder(in: 0) }
          table.append(
            .init(
              name: "PlaceOrder, 1 organization", concurrency: concurrency, result: place,
              versus: ("ceiling", ceilingRate, concurrency == 1 ? 0.5 : 1.0)))
          if tenants.count > 1, concurrency > 1 {
            let spread = await loop.run(cpu: cpu) { worker, sequence in
              _ = try await calls.placeOrder(in: (worker + sequence) % tenants.count)
            }
            table.append(
              .init(
                name: "PlaceOrder, \(tenants.count) organizations", concurrency: concurrency, result: spread,
                versus: ("ceiling", ceilingRate, 2.0)))
          }
          let clock = await loop.run(cpu: cpu) { _, _ in try await calls.getClock() }
          table.append(.init(name: "GetClock (no database)", concurrency: concurrency, result: clock))
          let get = await loop.run(cpu: cpu) { _, _ in try await calls.getOrder(sample, in: 0) }
          table.append(
            .init(
              name: "GetOrder", concurrency: concurrency, result: get,
              versus: ("GetClock", clock.callsPerSecond, 0.8)))
        }
      }
      Console.line("")
      Console.line(table.markdown)
      OrderdReport.printFinal(orderd)
    }
  }
}
