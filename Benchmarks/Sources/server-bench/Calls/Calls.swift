import ArgumentParser
import BenchSupport
import GRPCCore
import GRPCNIOTransportHTTP2Posix
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
    let timeout = self.server.callTimeoutDuration
    var table = RateTable()
    try await self.server.withOrderd(clock: "simulated:2027-01-01T00:00:00Z", extraArguments: ["--grpc-port", "0"]) {
      orderd in
      let http2Address = try orderd.loggedAddress("orderd grpc-http2 listening")
      try await ClientPool.with(server: orderd.address, connections: 1, callTimeout: timeout) { pool in
        let tenants = try await pool.createTenants(
          count: self.organizations, kind: .countryTenant, rootKey: orderd.rootKey, limit: self.server.concurrency)
        Console.line("setup: \(tenants.count) country tenants; gRPC over HTTP/2 on \(http2Address)")
        let ceiling = try SQLiteCeiling.measure(duration: loopDuration, warmUp: warmUpDuration)
        table.append(.init(name: "SQLite ceiling (bare GRDB, FULL)", concurrency: 1, result: ceiling))
        let cpu: @Sendable () -> ServerUsage = { ServerUsage.read(pid: orderd.pid) }
        let ours = ServerCalls(grpc: pool.connection(), tenants: tenants, server: orderd.address, callTimeout: timeout)
        let sample = try await ours.placeOrder(in: 0)
        let http2Transport = try HTTP2ClientTransport.Posix(
          target: .ipv4(address: http2Address.host, port: http2Address.port), transportSecurity: .plaintext)
        try await withGRPCClient(transport: http2Transport) { http2Client in
          let http2 = ServerCalls(grpc: http2Client, tenants: tenants, server: http2Address, callTimeout: timeout)
          for concurrency in self.concurrencies {
            let loop = CallLoop(concurrency: concurrency, warmUp: warmUpDuration, duration: loopDuration)
            let place = await loop.run(cpu: cpu) { _, _ in _ = try await ours.placeOrder(in: 0) }
            table.append(
              .init(
                name: "PlaceOrder, 1 organization", concurrency: concurrency, result: place,
                versus: ("ceiling", ceiling.callsPerSecond, concurrency == 1 ? 0.5 : 1.0)))
            if tenants.count > 1, concurrency > 1 {
              let spread = await loop.run(cpu: cpu) { worker, sequence in
                _ = try await ours.placeOrder(in: (worker + sequence) % tenants.count)
              }
              table.append(
                .init(
                  name: "PlaceOrder, \(tenants.count) organizations", concurrency: concurrency, result: spread,
                  versus: ("ceiling", ceiling.callsPerSecond, 2.0)))
            }
            let clock = await loop.run(cpu: cpu) { _, _ in try await ours.getClock() }
            table.append(.init(name: "GetClock (no database)", concurrency: concurrency, result: clock))
            let get = await loop.run(cpu: cpu) { _, _ in try await ours.getOrder(sample, in: 0) }
            table.append(
              .init(
                name: "GetOrder", concurrency: concurrency, result: get,
                versus: ("GetClock", clock.callsPerSecond, 0.8)))
            // The same server through its gRPC HTTP/2 listener: ours over it, 4× at one in
            // flight and 3× at more (issue 13).
            let target = concurrency == 1 ? 4.0 : 3.0
            let http2Clock = await loop.run(cpu: cpu) { _, _ in try await http2.getClock() }
            table.append(
              .init(
                name: "GetClock over HTTP/2", concurrency: concurrency, result: http2Clock,
                versus: ("ours", clock.callsPerSecond, target), inverse: true))
            let http2Get = await loop.run(cpu: cpu) { _, _ in try await http2.getOrder(sample, in: 0) }
            table.append(
              .init(
                name: "GetOrder over HTTP/2", concurrency: concurrency, result: http2Get,
                versus: ("ours", get.callsPerSecond, target), inverse: true))
          }
        }
      }
      Console.line("")
      Console.line(table.markdown)
      OrderdReport.printFinal(orderd)
    }
  }
}
