/// Where an orderd server listens: a host name or IP address and a TCP port.
public struct ServerAddress: Sendable, Hashable {
  /// The port orderd listens on unless told otherwise.
  public static let defaultPort = 7411
  /// `127.0.0.1:7411`, where a local `orderd` listens by default.
  public static let localDefault = ServerAddress(host: "127.0.0.1", port: defaultPort)

  public var host: String
  public var port: Int

  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }
}

extension ServerAddress: LosslessStringConvertible {
  /// Parses `HOST:PORT`, `[IPV6]:PORT`, or a bare `HOST` (with the default port).
  public init?(_ description: String) {
    var host = Substring(description)
    var port = Self.defaultPort
    if host.hasPrefix("[") {
      // [::1]:7411
      guard let close = host.firstIndex(of: "]") else { return nil }
      let rest = host[host.index(after: close)...]
      host = host[host.index(after: host.startIndex)..<close]
      if !rest.isEmpty {
        guard rest.hasPrefix(":"), let parsed = Int(rest.dropFirst()) else { return nil }
        port = parsed
      }
    } else if let colon = host.lastIndex(of: ":") {
      guard host.firstIndex(of: ":") == colon, let parsed = Int(host[host.index(after: colon)...]) else {
        return nil
      }
      port = parsed
      host = host[..<colon]
    }
    guard !host.isEmpty, (1...65_535).contains(port) else { return nil }
    self.init(host: String(host), port: port)
  }

  public var description: String {
    self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
  }
}
