public import NIOCore

extension WireTransport {
  /// Handlers a connection gets under the OrderWire framing, TLS for one: `install` runs on
  /// the new channel's event loop before the frame decoder is added, so the framing reads
  /// and writes through it unchanged. OrderTransport itself knows nothing of TLS; OrderTLS
  /// makes the layer (and keeps BoringSSL out of this module and the fuzzer).
  public struct ConnectionLayer: Sendable {
    /// For logs: "tls", say.
    public var name: String
    public var install: @Sendable (any Channel) throws -> Void

    public init(name: String, install: @escaping @Sendable (any Channel) throws -> Void) {
      self.name = name
      self.install = install
    }
  }
}
