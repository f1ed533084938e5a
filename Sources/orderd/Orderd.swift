import ArgumentParser
import Foundation
import Logging
import OrderDomain
import OrderServer

/// `orderd`: the order-scheduling server.
@main
struct Orderd: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orderd",
    abstract: "The orderd order-scheduling server.",
    discussion: """
      Serves the orders.v1 API over plain TCP (protocol/PROTOCOL.md). Every option can also be
      set through the environment variable named in its help. On first start with an empty data
      directory, orderd creates the root organization and writes its admin key to
      <data-dir>/root-admin.key (mode 0600).
      """)

  @Option(help: "Data directory: registry.sqlite, orgs/*.sqlite, root-admin.key (env ORDERD_DATA_DIR).")
  var dataDir: String = Environment.value("ORDERD_DATA_DIR") ?? "./data"

  @Option(help: "Address to listen on (env ORDERD_HOST).")
  var host: String = Environment.value("ORDERD_HOST") ?? "127.0.0.1"

  @Option(help: "TCP port; 0 picks a free one (env ORDERD_PORT).")
  var port: Int = Environment.value("ORDERD_PORT").flatMap(Int.init) ?? OrderdConfiguration.defaultPort

  @Option(help: "trace, debug, info, notice, warning, error or critical (env ORDERD_LOG_LEVEL).")
  var logLevel: String = Environment.value("ORDERD_LOG_LEVEL") ?? "info"

  @Option(help: "system, or simulated:2027-01-01T00:00:00Z for a clock that root admins move (env ORDERD_CLOCK).")
  var clock: String = Environment.value("ORDERD_CLOCK") ?? "system"

  @Option(help: "Seconds in-flight calls may run after SIGTERM/SIGINT (env ORDERD_GRACE_SECONDS).")
  var gracePeriod: Int = Environment.value("ORDERD_GRACE_SECONDS").flatMap(Int.init) ?? 10

  @Option(help: .hidden)
  var idleWaitMilliseconds: Int?

  @Flag(help: "Print the order flows the server enforces as Markdown (docs/order-flows.md) and exit.")
  var printOrderFlows = false

  func validate() throws {
    guard Logger.Level(rawValue: self.logLevel) != nil else {
      throw ValidationError(
        "--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    guard (0...65535).contains(self.port) else { throw ValidationError("--port must be 0...65535") }
    _ = try self.clockMode()
  }

  func clockMode() throws -> ServerClock.Mode {
    if self.clock == "system" { return .system }
    let prefix = "simulated:"
    guard self.clock.hasPrefix(prefix) else {
      throw ValidationError("--clock must be 'system' or 'simulated:2027-01-01T00:00:00Z'")
    }
    let text = String(self.clock.dropFirst(prefix.count))
    guard let start = (try? Date(text, strategy: .iso8601)) ?? (try? Date(text + "T00:00:00Z", strategy: .iso8601))
    else {
      throw ValidationError("--clock simulated:\(text): not an ISO 8601 date-time such as 2027-01-01T00:00:00Z")
    }
    return .simulated(start: start)
  }

  func run() async throws {
    if self.printOrderFlows {
      print(OrderFlow.markdownDocument(), terminator: "")
      return
    }
    let level = Logger.Level(rawValue: self.logLevel) ?? .info
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
    let logger = Logger(label: "orderd")
    let configuration = OrderdConfiguration(
      dataDirectory: self.dataDir, host: self.host, port: self.port, clock: try self.clockMode(),
      shutdownGracePeriod: .seconds(self.gracePeriod))
    var work = BackgroundWorkConfiguration()
    // Tests shorten the runner's longest sleep to prove it survives many idle periods.
    if let milliseconds = self.idleWaitMilliseconds { work.maximumIdleWait = .milliseconds(milliseconds) }
    let application = try await OrderdApplication.open(
      dataDirectory: configuration.dataDirectory, clock: configuration.clock,
      openDatabaseLimit: configuration.openDatabaseLimit, work: work, logger: logger)
    let server = OrderdServer(configuration: configuration, application: application, logger: logger)
    try await OrderdServices.run(
      application, server: server, gracePeriod: configuration.shutdownGracePeriod, logger: logger)
  }
}

enum Environment {
  static func value(_ name: String) -> String? {
    ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
  }
}
