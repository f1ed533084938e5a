import Foundation
public import Logging

/// `orderd --log-format json`: one JSON object per line, `timestamp` (ISO 8601, UTC,
/// milliseconds), `level`, `label`, `message`, then the metadata as string fields (nested
/// metadata as JSON objects and arrays), in sorted order. A call's lines carry its
/// `requestID`, `method` and `org` (``CallLogMetadata``). A metadata key that names one of the
/// first four fields is written as `metadata.<key>`.
public struct JSONLogHandler: LogHandler {
  public var logLevel: Logger.Level = .info
  public var metadata: Logger.Metadata = [:]
  public var metadataProvider: Logger.MetadataProvider?
  private let label: String
  private let write: @Sendable (String) -> Void

  /// `write` receives each line, with its newline.
  public init(label: String, metadataProvider: Logger.MetadataProvider?, write: @escaping @Sendable (String) -> Void) {
    self.label = label
    self.metadataProvider = metadataProvider
    self.write = write
  }

  /// Lines to stderr, each with one write; a failed write (stderr closed) is dropped, as
  /// swift-log's own stream handler does.
  public static func standardError(label: String, metadataProvider: Logger.MetadataProvider?) -> JSONLogHandler {
    JSONLogHandler(label: label, metadataProvider: metadataProvider) { line in
      try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
    }
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { self.metadata[key] }
    set { self.metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    var merged = self.metadata
    if let provided = self.metadataProvider?.get() { merged.merge(provided) { _, new in new } }
    if let own = event.metadata { merged.merge(own) { _, new in new } }
    self.write(Self.line(timestamp: Date(), level: event.level, label: self.label, message: "\(event.message)", merged))
  }

  private static let reserved: Set<String> = ["timestamp", "level", "label", "message"]

  /// One log line: a JSON object and a newline.
  static func line(
    timestamp: Date, level: Logger.Level, label: String, message: String, _ metadata: Logger.Metadata
  ) -> String {
    var out = "{\"timestamp\":"
    Self.appendString(timestamp.formatted(Self.timestampStyle), to: &out)
    out += ",\"level\":"
    Self.appendString(level.rawValue, to: &out)
    out += ",\"label\":"
    Self.appendString(label, to: &out)
    out += ",\"message\":"
    Self.appendString(message, to: &out)
    for key in metadata.keys.sorted() {
      out += ","
      Self.appendString(Self.reserved.contains(key) ? "metadata.\(key)" : key, to: &out)
      out += ":"
      Self.appendValue(metadata[key]!, to: &out)
    }
    out += "}\n"
    return out
  }

  private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

  private static func appendValue(_ value: Logger.Metadata.Value, to out: inout String) {
    switch value {
    case .string(let string):
      Self.appendString(string, to: &out)
    case .stringConvertible(let convertible):
      Self.appendString(convertible.description, to: &out)
    case .array(let values):
      out += "["
      for (index, element) in values.enumerated() {
        if index > 0 { out += "," }
        Self.appendValue(element, to: &out)
      }
      out += "]"
    case .dictionary(let dictionary):
      out += "{"
      for (index, key) in dictionary.keys.sorted().enumerated() {
        if index > 0 { out += "," }
        Self.appendString(key, to: &out)
        out += ":"
        Self.appendValue(dictionary[key]!, to: &out)
      }
      out += "}"
    }
  }

  /// `string` as a JSON string literal (RFC 8259: quote, backslash and control characters escaped).
  static func appendString(_ string: String, to out: inout String) {
    out += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
