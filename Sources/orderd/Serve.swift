import ArgumentParser
import Foundation
import Logging
import OrderDomain
import OrderServer
import OrderStorage
import OrderTransport

/// `orderd serve`, the default subcommand: the order-scheduling server.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the orders.v1 API (the default: `orderd --data-dir DIR` is `orderd serve --data-dir DIR`).",
    discussion: """
      Serves the orders.v1 API over orderd's own protocol (protocol/PROTOCOL.md) and, with \
      --grpc-port, over standard gRPC on HTTP/2 as well; with --tls-cert and --tls-key both \
      listeners use TLS. The standard grpc.health.v1.Health service answers on both without a \
      key. Every option can also be \
      set through the environment variable named in its help. On first start with an empty data \
      directory, orderd creates the root organization and writes its admin key to \
      <data-dir>/root-admin.key (mode 0600).
      """)

  @OptionGroup var storage: DataDirectoryOptions

  @OptionGroup(title: "Metrics and logs") var observability: ObservabilityOptions

  @Option(help: "Address to listen on (env ORDERD_HOST).")
  var host: String = Environment.value("ORDERD_HOST") ?? "127.0.0.1"

  @Option(help: "TCP port; 0 picks a free one (env ORDERD_PORT).")
  var port: Int = Environment.value("ORDERD_PORT").flatMap(Int.init) ?? OrderdConfiguration.defaultPort

  @Option(
    help: "Also serve standard gRPC over HTTP/2 on this port (same host); 0 picks a free one (env ORDERD_GRPC_PORT).")
  var grpcPort: Int?

  @OptionGroup var tls: TLSOptions

  @Option(help: "trace, debug, info, notice, warning, error or critical (env ORDERD_LOG_LEVEL).")
  var logLevel: String = Environment.value("ORDERD_LOG_LEVEL") ?? "info"

  @Option(help: "system, or simulated:2027-01-01T00:00:00Z for a clock that root admins move (env ORDERD_CLOCK).")
  var clock: String = Environment.value("ORDERD_CLOCK") ?? "system"

  @Option(help: "Seconds in-flight calls may run after SIGTERM/SIGINT (env ORDERD_GRACE_SECONDS).")
  var gracePeriod: Int = Environment.value("ORDERD_GRACE_SECONDS").flatMap(Int.init) ?? 10

  @Option(help: "Connections open at once; more are refused with GOAWAY (env ORDERD_MAX_CONNECTIONS).")
  var maxConnections: Int = Environment.value("ORDERD_MAX_CONNECTIONS").flatMap(Int.init) ?? 1024

  @Option(
    help:
      "Organization databases kept open (least recently used closed first); by default sized from the file descriptor limit (env ORDERD_ORGANIZATION_CACHE)."
  )
  var organizationCache: Int?

  /// `--organization-cache`, else `ORDERD_ORGANIZATION_CACHE`; `nil` sizes it from the limit.
  var requestedOrganizationCache: Int? {
    self.organizationCache ?? Environment.value("ORDERD_ORGANIZATION_CACHE").flatMap(Int.init)
  }

  @Option(help: "Seconds a connection without calls stays open (env ORDERD_IDLE_TIMEOUT).")
  var idleTimeout: Double = Environment.value("ORDERD_IDLE_TIMEOUT").flatMap(Double.init) ?? 300

  @Option(help: "Seconds a new connection has to send its preface (env ORDERD_PREFACE_TIMEOUT).")
  var prefaceTimeout: Double = Environment.value("ORDERD_PREFACE_TIMEOUT").flatMap(Double.init) ?? 10

  @Option(help: "Seconds without a frame before the server PINGs the client (env ORDERD_KEEPALIVE_INTERVAL).")
  var keepaliveInterval: Double = Environment.value("ORDERD_KEEPALIVE_INTERVAL").flatMap(Double.init) ?? 60

  @Option(help: "Seconds to wait for any frame after a PING before closing (env ORDERD_KEEPALIVE_TIMEOUT).")
  var keepaliveTimeout: Double = Environment.value("ORDERD_KEEPALIVE_TIMEOUT").flatMap(Double.init) ?? 20

  @Option(
    help:
      "Seconds the reader waits for a call whose buffer is full before failing it (env ORDERD_STALLED_CALL_TIMEOUT)."
  )
  var stalledCallTimeout: Double = Environment.value("ORDERD_STALLED_CALL_TIMEOUT").flatMap(Double.init) ?? 2

  @Option(help: "MiB of unfinished request data one connection may hold (env ORDERD_CONNECTION_BUFFER_MIB).")
  var connectionBufferMib: Int = Environment.value("ORDERD_CONNECTION_BUFFER_MIB").flatMap(Int.init) ?? 16

  @Option(help: .hidden)
  var idleWaitMilliseconds: Int?

  /// How long a node's claim on an organization's due work holds unless renewed (issue 14;
  /// 30 s by default): after a node dies, another runs its work once this has passed. Tests
  /// shorten it to see a killed node's work taken over quickly.
  @Option(help: .hidden)
  var workLeaseMilliseconds: Int?

  /// Test only: registry work stops at this step (a `CrashPoint`, e.g. `parentAccountWritten`)
  /// and waits there forever, so an end-to-end test can kill orderd mid-operation; the recovery
  /// at start stops there too. Never set it on a real server: the call hangs.
  @Option(help: .hidden)
  var testPauseAt: String?

  /// Tests use it to run out of file descriptors on purpose (accept backoff).
  @Flag(help: .hidden)
  var uncheckedMaxConnections = false

  @Flag(help: "Print the order flows the server enforces as Markdown (docs/order-flows.md) and exit.")
  var printOrderFlows = false

  func validate() throws {
    guard Logger.Level(rawValue: self.logLevel) != nil else {
      throw ValidationError(
        "--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    guard (0...65535).contains(self.port) else { throw ValidationError("--port must be 0...65535") }
    if let text = Environment.value("ORDERD_GRPC_PORT"), self.grpcPort == nil, Int(text) == nil {
      throw ValidationError("ORDERD_GRPC_PORT must be a port number, not '\(text)'")
    }
    if let grpcPort = self.effectiveGRPCPort, !(0...65535).contains(grpcPort) {
      throw ValidationError("--grpc-port must be 0...65535")
    }
    if let grpcPort = self.effectiveGRPCPort, grpcPort != 0, grpcPort == self.port {
      throw ValidationError("--grpc-port must differ from --port")
    }
    try self.tls.check()
    guard self.maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
    if let cache = self.requestedOrganizationCache, cache < 1 {
      throw ValidationError("--organization-cache must be at least 1")
    }
    guard self.connectionBufferMib >= 1 else { throw ValidationError("--connection-buffer-mib must be at least 1") }
    let timeouts = [
      ("--idle-timeout", self.idleTimeout), ("--preface-timeout", self.prefaceTimeout),
      ("--keepalive-interval", self.keepaliveInterval), ("--keepalive-timeout", self.keepaliveTimeout),
      ("--stalled-call-timeout", self.stalledCallTimeout),
    ]
    for (name, seconds) in timeouts where !(seconds > 0 && seconds <= 1_000_000) {
      throw ValidationError("\(name) must be a number of seconds above 0 and at most 1000000, e.g. 30 or 0.5")
    }
    _ = try self.clockMode()
    if let point = self.testPauseAt, CrashPoint(rawValue: point) == nil {
      throw ValidationError(
        "--test-pause-at must be one of \(CrashPoint.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  /// --grpc-port, else ORDERD_GRPC_PORT.
  var effectiveGRPCPort: Int? { self.grpcPort ?? Environment.value("ORDERD_GRPC_PORT").flatMap { Int($0) } }

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
    self.bootstrapLogging(level: Logger.Level(rawValue: self.logLevel) ?? .info)
    let (metrics, registry) = self.bootstrapMetrics()
    let logger = Logger(label: "orderd")
    var configuration = OrderdConfiguration(
      dataDirectory: self.storage.dataDir, host: self.host, port: self.port, clock: try self.clockMode(),
      shutdownGracePeriod: .seconds(self.gracePeriod), grpcPort: self.effectiveGRPCPort, tls: self.tls.files)
    let storage = try self.storage.location()
    self.applyTransportOptions(to: &configuration, storage: storage, logger: logger)
    var work = BackgroundWorkConfiguration()
    // Tests shorten the runner's longest sleep to prove it survives many idle periods.
    if let milliseconds = self.idleWaitMilliseconds { work.maximumIdleWait = .milliseconds(milliseconds) }
    if let milliseconds = self.workLeaseMilliseconds { work.workLease = .milliseconds(milliseconds) }
    var faults = FaultInjection.none
    if let point = self.testPauseAt.flatMap(CrashPoint.init(rawValue:)) {
      logger.warning("--test-pause-at \(point.rawValue): registry work will hang there; for tests only")
      faults = .pause(at: point, logger: logger)
    }
    if case .postgres(let location) = storage {
      // A node may start before its database server: wait for it, but stop on a refusal.
      do {
        try await PostgresStorage.waitUntilReachable(location, logger: logger)
      } catch {
        logger.critical("cannot start: \(error)")
        throw ExitCode(78)  // EX_CONFIG (sysexits.h): a supervisor need not restart it as it is
      }
    }
    let application = try await OrderdApplication.open(
      storage: storage, keyDirectory: DataDirectory(path: configuration.dataDirectory),
      clock: configuration.clock, openDatabaseLimit: configuration.openDatabaseLimit, work: work, faults: faults,
      metrics: metrics, logger: logger)
    let server: OrderdServer
    do {
      server = try OrderdServer(configuration: configuration, application: application, logger: logger)
    } catch {
      // A TLS file that cannot be used: say which, close the databases, exit non-zero.
      logger.critical("cannot start: \(error)")
      try? await application.close()
      throw error
    }
    try await self.withMetricsEndpoint(registry, logger: logger) {
      try await OrderdServices.run(
        application, server: server, gracePeriod: configuration.shutdownGracePeriod, logger: logger)
    }
  }
}
