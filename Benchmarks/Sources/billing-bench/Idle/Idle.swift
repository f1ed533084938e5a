import ArgumentParser
import BenchSupport

/// `billing-bench idle`: what orderd costs on the system clock with many organizations that
/// have work due days from now and many open notification watches, while nothing happens.
struct Idle: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measures orderd's CPU, memory and threads while idle with N organizations and W open watches.",
    discussion: """
      orderd runs on the system clock. The benchmark creates N tenant organizations, each with \
      the product \(BenchProduct.sku), one account and one sales order scheduled --days-ahead \
      days from today (UTC), then opens W WatchNotifications streams from position 0, round-robin \
      over the organizations with each one's admin key. Once every watch received its first \
      notification it waits --settle seconds, then reads orderd's CPU time from /proc over \
      --seconds. Exits non-zero when a watch does not start within --ready-timeout.
      """
  )

  @OptionGroup var server: ServerOptions

  @Option(help: "Tenant organizations to create under the root.")
  var organizations: Int = 1000

  @Option(help: "Open WatchNotifications streams.")
  var watchers: Int = 1000

  @Option(help: "Watches per client connection (orderd allows 100 streams per connection).")
  var watchersPerConnection: Int = 50

  @Option(help: "Seconds measured while idle.")
  var seconds: Double = 60

  @Option(help: "Seconds to wait after every watch started, before measuring.")
  var settle: Double = 5

  @Option(help: "Seconds the watches may take to receive their first notification.")
  var readyTimeout: Double = 120

  @Option(help: "Days from today (UTC) the orders are scheduled for.")
  var daysAhead: Int = 3

  func validate() throws {
    guard self.organizations >= 1, self.watchers >= 0 else {
      throw ValidationError("--organizations must be at least 1 and --watchers not negative")
    }
    guard (1...100).contains(self.watchersPerConnection) else {
      throw ValidationError("--watchers-per-connection must be 1...100: orderd refuses a 101st stream")
    }
    guard self.seconds > 0, self.settle >= 0, self.readyTimeout > 0 else {
      throw ValidationError("--seconds and --ready-timeout must be positive, --settle not negative")
    }
    guard (1...300).contains(self.daysAhead) else { throw ValidationError("--days-ahead must be 1...300") }
  }

  func run() async throws {
    let connections = max(1, (self.watchers + self.watchersPerConnection - 1) / self.watchersPerConnection)
    let passed = try await self.server.withOrderd(clock: "system") { orderd in
      let run = IdleRun(
        organizations: self.organizations, watchers: self.watchers, connections: connections,
        seconds: self.seconds, settle: self.settle, readyTimeout: self.readyTimeout, daysAhead: self.daysAhead,
        concurrency: self.server.concurrency)
      let passed = try await ClientPool.with(
        server: orderd.address, connections: connections, callTimeout: self.server.callTimeoutDuration
      ) { pool in
        try await run.run(pool, orderd: orderd)
      }
      OrderdReport.printFinal(orderd)
      return passed
    }
    if !passed { throw ExitCode.failure }
  }
}
