import Foundation

/// Writes diagnostics to stderr, keeping stdout for results.
enum StandardError {
  static func write(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
