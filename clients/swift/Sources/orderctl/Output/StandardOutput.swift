import Foundation

/// Writes lines to stdout unbuffered, for output read live through a pipe (`notifications watch`).
enum StandardOutput {
  /// Writes `line` and a newline at once, so a reader of the pipe sees the line immediately.
  static func writeLine(_ line: String) throws {
    try FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
  }
}
