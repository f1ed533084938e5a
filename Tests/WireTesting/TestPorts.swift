import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Ports for tests that restart a server on the same port. Port 0 hands out ports from the
/// kernel's ephemeral range, so in a test process that starts many servers another test can
/// take a port in the moment one server is down. These ports come from below that range,
/// where nothing binding port 0 ever lands.
public enum TestPorts {
  /// A free port below the ephemeral range, picked at random.
  public static func restartable() -> Int {
    let ephemeralStart =
      (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8))
      .flatMap { Int($0.split(whereSeparator: \.isWhitespace).first ?? "") } ?? 32768
    let range = 20000..<max(20001, ephemeralStart)
    for _ in 0..<200 {
      let port = Int.random(in: range)
      if Self.isFree(port) { return port }
    }
    return Int.random(in: range)
  }

  static func isFree(_ port: Int) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }
}
