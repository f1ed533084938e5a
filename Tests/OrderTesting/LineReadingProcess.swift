import Foundation
import Synchronization

/// A long-running `orderctl` (such as `notifications watch`) whose stdout a test reads line
/// by line as it is printed. Waiting for a line happens off the cooperative pool.
public final class LineReadingProcess: Sendable {
  private let process: ChildProcess
  private let stdout: LineCollector
  private let stderr: StderrCollector

  /// Starts `orderctl arguments` against `server` with `key`.
  public static func orderctl(_ arguments: [String], server: String, key: String) throws -> LineReadingProcess {
    var environment = Executables.environment
    environment["ORDERD_SERVER"] = server
    environment["ORDERD_API_KEY"] = key
    let out = Pipe()
    let err = Pipe()
    let stdout = LineCollector(out.fileHandleForReading)
    let stderr = StderrCollector(err.fileHandleForReading)
    let process = try ChildProcess(
      executable: try Executables.url(of: "orderctl"), arguments: arguments, environment: environment,
      standardOutput: out, standardError: err)
    return LineReadingProcess(process: process, stdout: stdout, stderr: stderr)
  }

  private init(process: ChildProcess, stdout: LineCollector, stderr: StderrCollector) {
    self.process = process
    self.stdout = stdout
    self.stderr = stderr
  }

  /// The next line printed, or nil when none arrives within `timeout` or stdout closed.
  public func nextLine(timeout: Duration) async throws -> String? {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    return try await onOwnThread {
      while true {
        switch self.stdout.take() {
        case .line(let line): return line
        case .closed: return nil
        case .nothingYet:
          guard ContinuousClock.now < deadline else { return nil }
          usleep(5_000)
        }
      }
    }
  }

  /// The next line parsed as one JSON object, or nil as for ``nextLine(timeout:)``.
  public func nextJSON(timeout: Duration) async throws -> [String: Any]? {
    guard let line = try await self.nextLine(timeout: timeout) else { return nil }
    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
      throw ProcessFailure("not a JSON object: \(line)")
    }
    return object
  }

  /// Everything the process wrote to stderr so far.
  public var errors: String { self.stderr.text }

  /// Sends `signal` and waits for the process to exit; returns its exit status.
  @discardableResult
  public func stop(signal: Int32 = SIGINT, timeout: TimeInterval = 10) async throws -> Int32 {
    try await onOwnThread {
      if self.process.isRunning { kill(self.process.processIdentifier, signal) }
      let deadline = Date().addingTimeInterval(timeout)
      while self.process.isRunning, Date() < deadline { usleep(10_000) }
      if self.process.isRunning {
        kill(self.process.processIdentifier, SIGKILL)
        self.process.waitUntilExit()
      }
      return self.process.terminationStatus
    }
  }

  deinit {
    if self.process.isRunning { kill(self.process.processIdentifier, SIGKILL) }
  }
}

/// Splits a child's stdout into lines on a background reader.
final class LineCollector: Sendable {
  enum Next {
    case line(String)
    case nothingYet
    case closed
  }

  private struct State {
    var pending = ""
    var lines: [String] = []
    var closed = false
  }
  private let state = Mutex(State())

  init(_ handle: FileHandle) {
    handle.readabilityHandler = { [self] handle in
      let data = handle.availableData
      self.state.withLock { state in
        if data.isEmpty {
          state.closed = true
          return
        }
        state.pending += String(decoding: data, as: UTF8.self)
        while let newline = state.pending.firstIndex(of: "\n") {
          state.lines.append(String(state.pending[..<newline]))
          state.pending = String(state.pending[state.pending.index(after: newline)...])
        }
      }
      if data.isEmpty { handle.readabilityHandler = nil }
    }
  }

  /// The oldest line not taken yet.
  func take() -> Next {
    self.state.withLock { state in
      if !state.lines.isEmpty { return .line(state.lines.removeFirst()) }
      return state.closed ? .closed : .nothingYet
    }
  }
}
