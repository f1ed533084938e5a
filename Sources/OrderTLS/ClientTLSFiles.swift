import NIOCore
public import NIOSSL
public import OrderTransport

/// How a client checks the server over TLS: the CA that issued the server's certificate
/// (the system's trust store when nil) and, for servers that require one, a client
/// certificate and its key (PEM files).
public struct ClientTLSFiles: Sendable, Hashable {
  public var caPath: String?
  public var certificatePath: String?
  public var keyPath: String?

  public init(caPath: String? = nil, certificatePath: String? = nil, keyPath: String? = nil) {
    self.caPath = caPath
    self.certificatePath = certificatePath
    self.keyPath = keyPath
  }

  /// A client context that verifies the server's certificate and offers `applicationProtocols`.
  public func makeContext(applicationProtocols: [String]) throws -> NIOSSLContext {
    var configuration = TLSConfiguration.makeClientConfiguration()
    configuration.applicationProtocols = applicationProtocols
    configuration.minimumTLSVersion = .tlsv12
    if let caPath = self.caPath {
      configuration.trustRoots = .certificates(try ServerTLSFiles.certificates(caPath, what: "CA file"))
    }
    if let certificatePath = self.certificatePath, let keyPath = self.keyPath {
      let identity = ServerTLSFiles(certificatePath: certificatePath, keyPath: keyPath)
      configuration.certificateChain = try identity.certificateChain().map { .certificate($0) }
      configuration.privateKey = .privateKey(try identity.privateKey())
    }
    do {
      return try NIOSSLContext(configuration: configuration)
    } catch {
      throw TLSSetupError("TLS settings", path: self.caPath ?? "(system trust store)", cause: error)
    }
  }

  /// TLS under the OrderWire framing to `host`, ALPN `orderd/1`. The certificate must name
  /// `host` (a DNS name, sent as SNI) or, for an IP address, carry it as an IP SAN.
  public func wireLayer(host: String) throws -> WireTransport.ConnectionLayer {
    let context = try self.makeContext(applicationProtocols: [ALPN.orderWire])
    let serverHostname = Self.isIPAddress(host) ? nil : host
    return WireTransport.ConnectionLayer(name: "tls") { channel in
      let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
      try channel.pipeline.syncOperations.addHandler(handler)
    }
  }

  static func isIPAddress(_ host: String) -> Bool {
    (try? SocketAddress(ipAddress: host, port: 0)) != nil
  }
}
