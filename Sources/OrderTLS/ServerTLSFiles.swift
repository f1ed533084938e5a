import NIOCore
public import NIOSSL
public import OrderTransport

/// A listener's TLS identity as PEM files: `--tls-cert`, `--tls-key` and, to require and
/// verify client certificates, `--tls-client-ca`.
public struct ServerTLSFiles: Sendable, Hashable {
  /// The server's certificate chain, leaf first.
  public var certificatePath: String
  public var keyPath: String
  /// When set, clients must present a certificate issued by one of these CAs.
  public var clientCAPath: String?

  public init(certificatePath: String, keyPath: String, clientCAPath: String? = nil) {
    self.certificatePath = certificatePath
    self.keyPath = keyPath
    self.clientCAPath = clientCAPath
  }

  /// Reads the files and builds a server context that offers `applicationProtocols` (ALPN).
  /// Throws ``TLSSetupError`` naming the file that is missing or malformed.
  public func makeContext(applicationProtocols: [String]) throws -> NIOSSLContext {
    var configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: try self.certificateChain().map { .certificate($0) },
      privateKey: .privateKey(try self.privateKey()))
    configuration.applicationProtocols = applicationProtocols
    configuration.minimumTLSVersion = .tlsv12
    if let clientCAPath = self.clientCAPath {
      configuration.certificateVerification = .noHostnameVerification
      configuration.trustRoots = .certificates(try Self.certificates(clientCAPath, what: "client CA file"))
    }
    do {
      return try NIOSSLContext(configuration: configuration)
    } catch {
      throw TLSSetupError("certificate and key", path: "\(self.certificatePath), \(self.keyPath)", cause: error)
    }
  }

  /// TLS under the OrderWire framing on every accepted connection, ALPN `orderd/1`.
  public func wireLayer() throws -> WireTransport.ConnectionLayer {
    let context = try self.makeContext(applicationProtocols: [ALPN.orderWire])
    return WireTransport.ConnectionLayer(name: "tls") { channel in
      try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
    }
  }

  public func certificateChain() throws -> [NIOSSLCertificate] {
    try Self.certificates(self.certificatePath, what: "certificate file")
  }

  public func privateKey() throws -> NIOSSLPrivateKey {
    do {
      return try NIOSSLPrivateKey(file: self.keyPath, format: .pem)
    } catch {
      throw TLSSetupError("key file", path: self.keyPath, cause: error)
    }
  }

  static func certificates(_ path: String, what: String) throws -> [NIOSSLCertificate] {
    let certificates: [NIOSSLCertificate]
    do {
      certificates = try NIOSSLCertificate.fromPEMFile(path)
    } catch {
      throw TLSSetupError(what, path: path, cause: error)
    }
    guard !certificates.isEmpty else {
      throw TLSSetupError(what, path: path, cause: NoCertificate())
    }
    return certificates
  }

  private struct NoCertificate: Error, CustomStringConvertible {
    var description: String { "no PEM certificate in it" }
  }
}
