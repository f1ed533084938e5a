import ArgumentParser
import OrderClient

struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure calls per second and latency against a server.",
    discussion: """
      Opens --connections connections and keeps --concurrency calls in flight on each for \
      --duration seconds. `read` calls ClockService/GetClock; `write` calls \
      AccountService/CreateAccount, which durably creates accounts named bench-<n> in the \
      key's organization: run it with the admin key of a throwaway tenant. `both` alternates.
      """
  )

  @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

  @Option(help: "Connections to open.")
  var connections = 1

  @Option(help: "Calls in flight per connection.")
  var concurrency = 64

  @Option(help: "Seconds to run.")
  var duration: Double = 5

  @Option(help: "What to call.")
  var call: BenchCall = .read

  func validate() throws {
    guard self.connections >= 1 else { throw ValidationError("--connections must be at least 1") }
    guard self.concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
    guard self.duration > 0 && self.duration.isFinite else { throw ValidationError("--duration must be positive") }
  }

  func run() async throws {
    let configuration = try self.connection.clientConfiguration()
    let runner = BenchRunner(
      call: self.call, connections: self.connections, concurrency: self.concurrency,
      duration: .milliseconds(Int64((self.duration * 1_000).rounded())))
    let (result, elapsed) = try await runner.run(configuration: configuration)
    if result.latencies.count == 0, let error = result.firstError {
      throw CommandFailure(error, server: configuration.server).report()
    }
    let report = BenchReport(
      call: self.call, connections: self.connections, concurrency: self.concurrency, elapsed: elapsed,
      result: result)
    print(self.connection.json ? report.json : report.text)
  }
}
