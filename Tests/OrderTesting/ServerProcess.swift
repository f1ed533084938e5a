import Foundation
import Synchronization

/// A real `orderd` process on 127.0.0.1 with a free port, for end-to-end tests that drive
/// the built `orderd` and `orderctl` executables; on PostgreSQL when `ORDERD_TEST_POSTGRES`
/// is set (``TestStorage``).
public final class ServerProcess: Sendable {
  public let dataDirectory: URL
  public let address: String
  private let process: ChildProcess
  private let stderr: StderrCollector

  /// Where a server keeps its data.
  public enum Storage: Sendable {
    /// Where the tests run (``TestStorage``): on PostgreSQL, a database of the data
    /// directory's own (``TestPostgres/processStorageURL(dataDirectory:)``); else the data
    /// directory's SQLite files.
    case tests
    /// The data directory's SQLite files, whatever the tests run on.
    case dataDirectory
    /// `--storage` with this URL.
    case postgres(String)
  }

  /// Starts `orderd` and waits until it listens, without blocking the cooperative pool.
  /// - Parameter fileDescriptorLimit: runs orderd under `ulimit -n` of this many (soft and hard).
  public static func start(
    dataDirectory: URL, clock: String = "simulated:2027-01-01T00:00:00Z", extraArguments: [String] = [],
    fileDescriptorLimit: Int? = nil, port: Int = 0, storage location: Storage = .tests
  ) async throws -> ServerProcess {
    let storage: [String]
    switch location {
    case .tests:
      storage =
        TestStorage.isPostgres
        ? ["--storage", try await TestPostgres.processStorageURL(dataDirectory: dataDirectory)] : []
    case .dataDirectory: storage = []
    case .postgres(let url): storage = ["--storage", url]
    }
    return try await onOwnThread {
      try ServerProcess(
        dataDirectory: dataDirectory, clock: clock, extraArguments: storage + extraArguments,
        fileDescriptorLimit: fileDescriptorLimit, port: port)
    }
  }

  /// Sends `signal` and waits for the process to exit, off the cooperative pool.
  @discardableResult
  public func stop(signal: Int32 = SIGTERM, timeout: TimeInterval = 20) async throws -> Int32 {
    try await onOwnThread { self.stopBlocking(signal: signal, timeout: timeout) }
  }

  /// Starts `orderd` and waits until it listens (blocks the calling thread).
  init(
    dataDirectory: URL, clock: String = "simulated:2027-01-01T00:00:00Z", extraArguments: [String] = [],
    fileDescriptorLimit: Int? = nil, port: Int = 0
  ) throws {
    self.dataDirectory = dataDirectory
    let orderd = try Executables.url(of: "orderd")
    let arguments =
      ["--data-dir", dataDirectory.path, "--port", "\(port)", "--clock", clock, "--log-level", "info"] + extraArguments
    let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ORDERD_") }
    let process: ChildProcess
    if let limit = fileDescriptorLimit {
      // The shell sets the limit and execs orderd, which keeps the shell's process id.
      process = try ChildProcess(
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: ["-c", "ulimit -n \(limit) && exec \"$0\" \"$@\"", orderd.path] + arguments,
        environment: environment, stderr: .pipe)
    } else {
      process = try ChildProcess(executable: orderd, arguments: arguments, environment: environment, stderr: .pipe)
    }
    let collector = StderrCollector(process.standardError!)
    self.process = process
    self.stderr = collector
    self.address = try collector.waitForListeningAddress(timeout: 30, process: process)
  }

  /// The address of the listener that logged `marker` (`orderd grpc-http2 listening` for
  /// standard gRPC over HTTP/2), as HOST:PORT; waits for the line without blocking the pool.
  public func loggedAddress(_ marker: String, timeout: TimeInterval = 30) async throws -> String {
    try await onOwnThread {
      try self.stderr.waitForListeningAddress(timeout: timeout, process: self.process, marker: marker)
    }
  }

  /// The root organization's first admin key, as orderd wrote it on its first start.
  public func rootKey() throws -> String {
    try String(contentsOf: self.dataDirectory.appendingPathComponent("root-admin.key"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Everything the server logged so far.
  public var log: String { self.stderr.text }

  public var processIdentifier: Int32 { self.process.processIdentifier }

  public var isRunning: Bool { self.process.isRunning }

  /// CPU time the process used so far (user + system), from /proc.
  public var cpuSeconds: Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(self.processIdentifier)/stat", encoding: .utf8),
      let afterName = stat.range(of: ") ")
    else { return nil }
    // Fields after the name: state is field 3; utime and stime are fields 14 and 15.
    let fields = stat[afterName.upperBound...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// Resident memory in bytes (VmRSS), from /proc.
  public var residentBytes: Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(self.processIdentifier)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
      let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    else { return nil }
    return kilobytes * 1024
  }

  /// Open file descriptors, from /proc.
  public var openFileDescriptors: Int? {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(self.processIdentifier)/fd"))?.count
  }

  /// Sends `signal` and waits for the process to exit; returns its exit status.
  @discardableResult
  public func stopBlocking(signal: Int32 = SIGTERM, timeout: TimeInterval = 20) -> Int32 {
    if self.process.isRunning { kill(self.process.processIdentifier, signal) }
    let deadline = Date().addingTimeInterval(timeout)
    while self.process.isRunning, Date() < deadline { usleep(20_000) }
    if self.process.isRunning {
      kill(self.process.processIdentifier, SIGKILL)
      self.process.waitUntilExit()
    }
    return self.process.terminationStatus
  }

  deinit {
    if self.process.isRunning { kill(self.process.processIdentifier, SIGKILL) }
  }
}

/// Collects a child's stderr on a background reader.
final class StderrCollector: Sendable {
  private let buffer = Mutex("")

  init(_ handle: FileHandle) {
    handle.readabilityHandler = { [self] handle in
      let data = handle.availableData
      if data.isEmpty {
        handle.readabilityHandler = nil
        return
      }
      self.buffer.withLock { $0 += String(decoding: data, as: UTF8.self) }
    }
  }

  var text: String { self.buffer.withLock { $0 } }

  func waitForListeningAddress(
    timeout: TimeInterval, process: ChildProcess, marker: String = "orderd listening"
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let line = self.text.split(separator: "\n").first(where: { $0.contains(marker) }),
        let address = logValue("address", in: line)
      {
        return address
      }
      guard process.isRunning else { break }
      usleep(20_000)
    }
    throw ProcessFailure("orderd did not log '\(marker)':\n\(self.text)")
  }
}

public struct ProcessFailure: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}

/// The value of metadata `key` in one log line, in text (`key=value`) or JSON (`"key":"value"`)
/// format (`--log-format`).
public func logValue(_ key: String, in line: Substring) -> String? {
  if let range = line.range(of: "\"\(key)\":\"") {
    return String(line[range.upperBound...].prefix { $0 != "\"" })
  }
  if let range = line.range(of: "\(key)=") {
    return String(line[range.upperBound...].prefix { !$0.isWhitespace })
  }
  return nil
}
