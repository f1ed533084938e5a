import GRPCCore
import GRPCNIOTransportHTTP2Posix
import OrderTLS
import OrderTransport

/// Standard gRPC over HTTP/2 (grpc-swift-nio-transport), the second listener: the same
/// services and interceptors as orderd's own protocol, for grpcurl, Envoy, load balancers and
/// gRPC stubs in any language. Its timeouts follow the wire transport's options.
enum HTTP2Listener {
  static func transport(
    host: String, port: Int, tls: ServerTLSFiles?, wire: WireTransport.ServerConfig
  ) -> HTTP2ServerTransport.Posix {
    var config = HTTP2ServerTransport.Posix.Config.defaults
    config.connection.maxIdleTime = wire.connections.idleTimeout
    config.connection.keepalive.time = wire.connections.keepaliveInterval
    config.connection.keepalive.timeout = wire.connections.keepaliveTimeout
    config.http2.maxConcurrentStreams = wire.maxConcurrentStreams
    return HTTP2ServerTransport.Posix(
      address: .ipv4(host: host, port: port), transportSecurity: Self.security(tls), config: config)
  }

  /// TLS with ALPN `h2` (the transport's default protocols); client certificates are required
  /// and checked against `clientCAPath` when it is set.
  static func security(_ tls: ServerTLSFiles?) -> HTTP2ServerTransport.Posix.TransportSecurity {
    guard let tls else { return .plaintext }
    return .tls(
      certificateChain: [.file(path: tls.certificatePath, format: .pem)],
      privateKey: .file(path: tls.keyPath, format: .pem)
    ) { config in
      if let clientCAPath = tls.clientCAPath {
        config.clientCertificateVerification = .noHostnameVerification
        config.trustRoots = .certificates([.file(path: clientCAPath, format: .pem)])
      }
    }
  }

  /// "127.0.0.1:50051" once bound.
  static func address(of transport: HTTP2ServerTransport.Posix) async throws -> String {
    let address = try await transport.listeningAddress
    if let ipv4 = address.ipv4 { return "\(ipv4.host):\(ipv4.port)" }
    if let ipv6 = address.ipv6 { return "[\(ipv6.host)]:\(ipv6.port)" }
    return "\(address)"
  }
}
