import Foundation

/// Writes the report's lines to stdout unbuffered, so that a run of many minutes shows its
/// progress through a pipe (`| tee`) or in a file as it goes.
public enum Console {
  public static func line(_ text: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
  }
}
