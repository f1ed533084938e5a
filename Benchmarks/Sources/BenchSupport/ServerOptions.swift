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

  public func validate() throws {
    guard (1...100).contains(self.concurrency) else { throw ValidationError("--concurrency must be 1...100") }
    guard self.callTimeout > 0 else { throw ValidationError("--call-timeout must be positive") }
  }

  public var callTimeoutDuration: Duration { .milliseconds(Int64(self.callTimeout * 1000)) }

  /// Starts orderd with `clock`, runs `body`, then stops orderd and deletes its directory.
  public func withOrderd<Result>(
    clock: String, extraArguments: [String] = [], _ body: (OrderdProcess) async throws -> Result
  ) async throws -> Result {
    let orderd = try OrderdProcess.start(
      executable: self.orderd, clock: clock, keepDataDirectory: self.keepDataDir, extraArguments: extraArguments)
    let signals = StopOnSignal(stopping: orderd)
    defer {
      signals.remove()
      orderd.stop()
    }
    Console.line("orderd pid \(orderd.pid) listening on \(orderd.address), clock \(clock)")
    return try await body(orderd)
  }
}
