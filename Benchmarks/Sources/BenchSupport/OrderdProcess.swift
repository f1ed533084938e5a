import Foundation
import OrderClient

/// A release `orderd` this benchmark starts on 127.0.0.1 with a free port and a fresh data
/// directory, and stops (then deletes the directory) when done.
public final class OrderdProcess: Sendable {
  public let address: ServerAddress
  public let rootKey: String
  public let pid: Int32
  private let process: Process
  private let directory: URL
  private let logFile: URL
  private let keepDataDirectory: Bool

  private init(
    process: Process, directory: URL, logFile: URL, address: ServerAddress, rootKey: String, keepDataDirectory: Bool
  ) {
    self.process = process
    self.pid = process.processIdentifier
    self.directory = directory
    self.logFile = logFile
    self.address = address
    self.rootKey = rootKey
    self.keepDataDirectory = keepDataDirectory
  }

  /// Starts `executable` and waits (up to `startTimeout`) until it logs `orderd listening`.
  /// `clock` is `system` or `simulated:<ISO 8601 date-time>`. `rootKey`: a node joining a
  /// database that another node created (it writes no key of its own), the first node's key;
  /// nil waits for the key the server writes into its data directory.
  public static func start(
    executable: String, clock: String, keepDataDirectory: Bool, logLevel: String = "notice",
    rootKey: String? = nil, extraArguments: [String] = [], startTimeout: Duration = .seconds(30)
  ) throws -> OrderdProcess {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("orderd-bench-\(UUID().uuidString)", isDirectory: true)
    let dataDirectory = directory.appendingPathComponent("data", isDirectory: true)
    let logFile = directory.appendingPathComponent("orderd.log")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else {
      throw BenchFailure("cannot create \(logFile.path)")
    }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments =
      [
        "--data-dir", dataDirectory.path, "--host", "127.0.0.1", "--port", "0", "--clock", clock,
        "--log-level", logLevel,
      ] + extraArguments
    // Options come from the arguments alone, not from an ORDERD_* variable of the caller.
    process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ORDERD_") }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    do {
      // A file rather than a pipe: nobody has to keep draining it while the benchmark runs.
      process.standardError = try FileHandle(forWritingTo: logFile)
      try process.run()
      let deadline = ContinuousClock.now.advanced(by: startTimeout)
      let address = try Self.waitForAddress(in: logFile, process: process, until: deadline)
      let rootKey = try rootKey ?? Self.waitForRootKey(in: dataDirectory, until: deadline)
      return OrderdProcess(
        process: process, directory: directory, logFile: logFile, address: address, rootKey: rootKey,
        keepDataDirectory: keepDataDirectory)
    } catch {
      let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
      Self.terminate(process, timeout: .seconds(15))
      try? FileManager.default.removeItem(at: directory)
      throw BenchFailure("cannot start \(executable): \(error)\n\(log)")
    }
  }

  /// The address the listener that logged `marker` (e.g. `orderd grpc-http2 listening`)
  /// is bound to, waiting up to `timeout` for the line.
  public func loggedAddress(_ marker: String, timeout: Duration = .seconds(30)) throws -> ServerAddress {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
      if let line = self.log.split(separator: "\n").first(where: { $0.contains(marker) }),
        let range = line.range(of: "address=")
      {
        let field = String(line[range.upperBound...].prefix { !$0.isWhitespace })
        guard let address = ServerAddress(field) else { throw BenchFailure("unreadable address '\(field)'") }
        return address
      }
      usleep(20_000)
    }
    throw BenchFailure("orderd did not log '\(marker)'")
  }

  /// The server's log so far (at the level it was started with; notice by default).
  public var log: String { (try? String(contentsOf: self.logFile, encoding: .utf8)) ?? "" }

  /// Stops the server (SIGTERM, then SIGKILL after `timeout`) and deletes its directory.
  public func stop(timeout: Duration = .seconds(15)) {
    Self.terminate(self.process, timeout: timeout)
    if self.keepDataDirectory {
      Console.line("kept orderd's directory: \(self.directory.path)")
    } else {
      try? FileManager.default.removeItem(at: self.directory)
    }
  }

  private static func terminate(_ process: Process, timeout: Duration) {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGTERM)
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  private static func waitForAddress(in logFile: URL, process: Process, until deadline: ContinuousClock.Instant)
    throws -> ServerAddress
  {
    while ContinuousClock.now < deadline {
      let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
      if let line = text.split(separator: "\n").first(where: { $0.contains("orderd listening") }),
        let range = line.range(of: "address=")
      {
        let field = String(line[range.upperBound...].prefix { !$0.isWhitespace })
        guard let address = ServerAddress(field), address.host == "127.0.0.1" else {
          throw BenchFailure("orderd listens on '\(field)', not on 127.0.0.1")
        }
        return address
      }
      guard process.isRunning else { throw BenchFailure("orderd exited before listening") }
      usleep(20_000)
    }
    throw BenchFailure("orderd did not log 'orderd listening' in time")
  }

  private static func waitForRootKey(in dataDirectory: URL, until deadline: ContinuousClock.Instant) throws -> String {
    let file = dataDirectory.appendingPathComponent("root-admin.key")
    while ContinuousClock.now < deadline {
      if let text = try? String(contentsOf: file, encoding: .utf8) {
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !key.isEmpty { return key }
      }
      usleep(20_000)
    }
    throw BenchFailure("no root admin key in \(file.path)")
  }
}
