#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Resident memory of this process, from Linux's /proc/self (nil elsewhere).
enum ProcessMemory {
  /// Peak resident set size (VmHWM) in bytes.
  static func peakResident() -> Int? {
    Self.statusField("VmHWM:")
  }

  /// Current resident set size (VmRSS) in bytes.
  static func resident() -> Int? {
    Self.statusField("VmRSS:")
  }

  /// Resets the peak to the current resident size, so the next reading covers one run only.
  /// Returns false if the kernel does not allow it.
  @discardableResult
  static func resetPeak() -> Bool {
    guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
    defer { fclose(file) }
    return fputs("5", file) >= 0 && fflush(file) == 0
  }

  /// A "Name:   1234 kB" line of /proc/self/status, in bytes.
  private static func statusField(_ name: String) -> Int? {
    guard let file = fopen("/proc/self/status", "r") else { return nil }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
      let text = String(decoding: line.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
      guard text.hasPrefix(name) else { continue }
      let digits = text.dropFirst(name.count).filter(\.isNumber)
      return Int(digits).map { $0 * 1024 }
    }
    return nil
  }
}
