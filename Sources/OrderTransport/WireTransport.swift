/// gRPC over plain TCP with the OrderWire framing (see `protocol/PROTOCOL.md`).
///
/// ``WireTransport/Server`` and ``WireTransport/Client`` plug into GRPCCore's `GRPCServer`
/// and `GRPCClient` like any other transport.
public enum WireTransport {
  /// A TCP address: a host name or IP literal, and a port.
  public struct Address: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
      self.host = host
      self.port = port
    }

    /// An IPv4 address, e.g. `.ipv4(host: "127.0.0.1", port: 0)` to bind any free port.
    public static func ipv4(host: String, port: Int) -> Address {
      Address(host: host, port: port)
    }

    /// An IPv6 address, e.g. `.ipv6(host: "::1", port: 8080)`.
    public static func ipv6(host: String, port: Int) -> Address {
      Address(host: host, port: port)
    }

    public var description: String {
      self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
    }
  }
}
