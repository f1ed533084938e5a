import ArgumentParser

/// The options every subcommand shares: which orderd to start and how setup calls are made.
public struct ServerOptions: ParsableArguments {
  public init() {}

  @Option(help: "The release orderd executable to start (e.g. .build-orderd/release/orderd).")
  public var orderd: String

  @Option(help: "Setup and check calls in flight at once.")
  public var concurrency: Int = 16

  @Option(help: "Seconds one setup or check call may take, retries included.")
  public var callTimeout: Double = 60

  @Flag(help: "Keep orderd's temporary directory (data and log) instead of deleting it.")
  public var keepDataDir = false

  @Option(
    help: ArgumentHelp(
      "orderd's --storage: postgres://USER@HOST:PORT/DB?sslmode=disable&pool=N, an empty database.",
      discussion: "Without it orderd keeps SQLite files in its temporary data directory."))
  public var storage: String?

  @Option(help: "orderd processes (nodes) to start: 1, or 2 sharing the --storage database.")
  public var nodes: Int = 1

  @Option(help: "orderd's --log-level (at debug, each node logs the organizations whose due work it ran).")
  public var logLevel: String = "notice"

  public func validate() throws {
    guard (1...100).contains(self.concurrency) else { throw ValidationError("--concurrency must be 1...100") }
    guard self.callTimeout > 0 else { throw ValidationError("--call-timeout must be positive") }
    guard (1...2).contains(self.nodes) else { throw ValidationError("--nodes must be 1 or 2") }
    guard self.nodes == 1 || self.storage != nil else {
      throw ValidationError("--nodes 2 needs --storage postgres://… (nodes share a PostgreSQL database)")
    }
  }

  public var callTimeoutDuration: Duration { .milliseconds(Int64(self.callTimeout * 1000)) }

  /// Starts orderd with `clock`, runs `body`, then stops orderd and deletes its directory.
  /// One node only (`--nodes 2` is refused).
  public func withOrderd<Result>(
    clock: String, extraArguments: [String] = [], _ body: (OrderdProcess) async throws -> Result
  ) async throws -> Result {
    guard self.nodes == 1 else { throw BenchFailure("this benchmark drives one orderd: leave out --nodes") }
    return try await self.withOrderdNodes(clock: clock, extraArguments: extraArguments) { try await body($0.first) }
  }

  /// Starts `--nodes` orderd processes on `--storage` with `clock`, runs `body`, then stops
  /// them all and deletes their directories.
  public func withOrderdNodes<Result>(
    clock: String, extraArguments: [String] = [], _ body: (OrderdNodes) async throws -> Result
  ) async throws -> Result {
    let nodes = try OrderdNodes.start(
      count: self.nodes, executable: self.orderd, clock: clock, keepDataDirectory: self.keepDataDir,
      logLevel: self.logLevel, extraArguments: extraArguments + (self.storage.map { ["--storage", $0] } ?? []))
    let signals = StopOnSignal(stopping: nodes)
    defer {
      signals.remove()
      nodes.stop()
    }
    let storage = self.storage == nil ? "SQLite" : "PostgreSQL (--storage)"
    for (index, node) in nodes.all.enumerated() {
      Console.line(
        "\(nodes.name(index)) pid \(node.pid) listening on \(node.address), clock \(clock), storage \(storage)")
    }
    return try await body(nodes)
  }
}
