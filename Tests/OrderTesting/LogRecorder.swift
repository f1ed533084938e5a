import Logging
import Synchronization

/// A logger whose lines a test can read: each line's level, message and metadata.
public final class LogRecorder: Sendable {
  /// One logged line.
  public struct Line: Sendable {
    public var level: Logger.Level
    public var message: String
    public var metadata: [String: String]
  }

  private let lines = Mutex<[Line]>([])

  public init() {}

  /// A logger that records into this recorder, from `level` up.
  public func logger(level: Logger.Level = .info) -> Logger {
    var logger = Logger(label: "orderd.test") { _ in Handler(recorder: self) }
    logger.logLevel = level
    return logger
  }

  /// Everything recorded so far.
  public var recorded: [Line] { self.lines.withLock { $0 } }

  /// The lines whose message contains `text` (and whose metadata has `org` when given).
  public func lines(containing text: String, org: String? = nil) -> [Line] {
    self.recorded.filter { $0.message.contains(text) && (org == nil || $0.metadata["org"] == org) }
  }

  fileprivate func record(_ line: Line) { self.lines.withLock { $0.append(line) } }

  private struct Handler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { self.metadata[key] }
      set { self.metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      let merged = self.metadata.merging(event.metadata ?? [:]) { $1 }
      self.recorder.record(
        Line(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }
  }
}
