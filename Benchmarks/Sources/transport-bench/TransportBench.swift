import ArgumentParser
import BenchSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Unary echo calls of a small payload over each transport, at each concurrency: calls per
/// second, latency percentiles, CPU per call and peak memory.
@main
struct TransportBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transport-bench",
    abstract: "Compares orderd's TCP transport with gRPC's HTTP/2 and in-process transports.",
    discussion: """
      By default the server and the client run in this one process and share its threads, \
      so on a small machine they compete for the same cores. Use --server-only in one \
      process and --client-only in another to separate them (networked transports only: \
      ours on --port, http2 on --port + 1).
      """
  )

  @Option(help: "Comma-separated transports: ours, http2, inprocess.", transform: TransportBench.parseTransports)
  var transports: [TransportKind] = TransportKind.allCases

  @Option(
    help: "Comma-separated numbers of calls in flight on the one client connection.",
    transform: TransportBench.parseCounts)
  var concurrency: [Int] = [1, 64]

  @Option(help: "Seconds measured for each transport and concurrency.")
  var duration: Double = 5

  @Option(name: .customLong("warm-up"), help: "Seconds of calls before each measurement, not counted.")
  var warmUp: Double = 1

  @Option(help: "Runs of each transport and concurrency; the table shows the median run by calls/s.")
  var repetitions: Int = 1

  @Option(help: "Bytes in each request (echoed back).")
  var payloadSize: Int = 100

  @Option(help: "The address servers bind to and clients connect to (loopback only).")
  var host: String = "127.0.0.1"

  @Option(help: "Base port for --server-only/--client-only: ours on it, http2 on the next.")
  var port: Int = 50_151

  @Flag(help: "Only serve the networked transports (for a --client-only process).")
  var serverOnly = false

  @Flag(help: "Only run the load against a --server-only process.")
  var clientOnly = false

  @Option(help: "With --server-only: seconds to serve before stopping.")
  var serveFor: Double = 600

  func validate() throws {
    guard self.duration > 0, self.warmUp >= 0 else {
      throw ValidationError("--duration must be positive and --warm-up not negative")
    }
    guard self.repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
    guard self.payloadSize >= 0 else { throw ValidationError("--payload-size must not be negative") }
    guard !(self.serverOnly && self.clientOnly) else {
      throw ValidationError("--server-only and --client-only exclude each other: run one process with each")
    }
    guard self.host.hasPrefix("127.") || self.host == "::1" || self.host == "localhost" else {
      throw ValidationError("--host must be a loopback address: this benchmark only loads this machine")
    }
    if self.serverOnly || self.clientOnly {
      guard self.transports.contains(where: \.isNetworked) else {
        throw ValidationError(
          "--server-only and --client-only need ours or http2: the in-process transport has no socket")
      }
      guard (1...65_534).contains(self.port) else { throw ValidationError("--port must be between 1 and 65534") }
    }
  }

  func run() async throws {
    if self.serverOnly {
      try await self.serve()
    } else {
      try await self.measure()
    }
  }

  private func measure() async throws {
    let kinds = self.clientOnly ? self.transports.filter(\.isNetworked) : self.transports
    let load = ClosedLoopLoad(
      concurrency: 1,
      warmUp: .milliseconds(Int64(self.warmUp * 1000)),
      duration: .milliseconds(Int64(self.duration * 1000)),
      payload: (0..<self.payloadSize).map { UInt8(truncatingIfNeeded: $0) }
    )
    let mode = self.clientOnly ? "client only, server at \(self.host)" : "server and client in this process"
    print(
      "transport-bench: \(self.payloadSize)-byte unary echo, warm-up \(self.warmUp) s, measured \(self.duration) s "
        + "× \(self.repetitions) run(s), "
        + "\(mode), \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores online"
    )
    let baseline = ProcessMemory.resident()
    var rows = kinds.flatMap { kind in
      self.concurrency.map { ResultRow(transport: kind, concurrency: $0) }
    }
    var peak = 0
    // Repetitions go round all rows in turn, so a burst of load from elsewhere on the machine
    // lands on one run of several rows rather than on every run of one row.
    for repetition in 1...self.repetitions {
      for index in rows.indices {
        var rowLoad = load
        rowLoad.concurrency = rows[index].concurrency
        let kind = rows[index].transport
        let canResetPeak = ProcessMemory.resetPeak()
        let result: LoadResult
        if self.clientOnly {
          let port = kind.port(fromBase: self.port)
          result = try await EchoEndpoints.withClient(kind, host: self.host, port: port) { await rowLoad.run($0) }
        } else {
          result = try await EchoEndpoints.withPair(kind, host: self.host) { await rowLoad.run($0) }
        }
        let runPeak = ProcessMemory.peakResident()
        peak = max(peak, runPeak ?? 0)
        let run = ResultRow.Run(result: result, peakResident: canResetPeak ? runPeak : nil)
        rows[index].runs.append(run)
        Self.printProgress(rows[index], run, repetition: repetition)
      }
    }
    print("")
    print(ResultTable.render(rows))
    print("")
    peak = max(peak, ProcessMemory.peakResident() ?? 0)
    print(
      "peak RSS (VmHWM) of this process: \(ResultTable.mebibytes(peak)) MiB"
        + (baseline.map { "; RSS before the first run: \(ResultTable.mebibytes($0)) MiB" } ?? "")
    )
  }

  private func serve() async throws {
    let kinds = self.transports.filter(\.isNetworked)
    let host = self.host
    let basePort = self.port
    let serveFor = Duration.milliseconds(Int64(self.serveFor * 1000))
    try await withThrowingDiscardingTaskGroup { group in
      for kind in kinds {
        group.addTask {
          try await EchoEndpoints.withServer(kind, host: host, port: kind.port(fromBase: basePort)) { bound in
            print("serving \(kind.rawValue) on \(host):\(bound) for \(serveFor)")
            try await Task.sleep(for: serveFor)
          }
        }
      }
    }
  }

  private static func printProgress(_ row: ResultRow, _ run: ResultRow.Run, repetition: Int) {
    let result = run.result
    var line =
      "run \(repetition): \(row.transport.rawValue) ×\(row.concurrency): "
      + "\(Int(result.callsPerSecond.rounded())) calls/s, \(result.errors) errors"
    if let error = result.firstError { line += " (first: \(error))" }
    // Progress goes to standard error so that standard output holds only the report.
    line += "\n"
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
  }

  static func parseTransports(_ text: String) throws -> [TransportKind] {
    try Self.parseList(text) { name in
      guard let kind = TransportKind(rawValue: name) else {
        throw ValidationError("unknown transport '\(name)': expected ours, http2 or inprocess")
      }
      return kind
    }
  }

  static func parseCounts(_ text: String) throws -> [Int] {
    try Self.parseList(text) { item in
      guard let count = Int(item), count >= 1 else {
        throw ValidationError("'\(item)' is not a concurrency: expected whole numbers of at least 1, such as 1,64")
      }
      return count
    }
  }

  private static func parseList<T>(_ text: String, _ parse: (String) throws -> T) throws -> [T] {
    let items = text.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
    guard !items.isEmpty else { throw ValidationError("expected a comma-separated list, got '\(text)'") }
    return try items.map(parse)
  }
}
