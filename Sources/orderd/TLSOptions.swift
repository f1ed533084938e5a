import ArgumentParser
import OrderTLS

/// `--tls-cert`, `--tls-key`, `--tls-client-ca`: TLS on both listeners.
struct TLSOptions: ParsableArguments {
  @Option(help: "PEM certificate chain (leaf first): serve TLS on both listeners (env ORDERD_TLS_CERT).")
  var tlsCert: String?

  @Option(help: "PEM private key of --tls-cert (env ORDERD_TLS_KEY).")
  var tlsKey: String?

  @Option(
    help: "PEM CA certificate(s): require client certificates issued by them (env ORDERD_TLS_CLIENT_CA).")
  var tlsClientCa: String?

  /// The option, else its environment variable.
  var certificate: String? { self.tlsCert ?? Environment.value("ORDERD_TLS_CERT") }
  var key: String? { self.tlsKey ?? Environment.value("ORDERD_TLS_KEY") }
  var clientCA: String? { self.tlsClientCa ?? Environment.value("ORDERD_TLS_CLIENT_CA") }

  func check() throws {
    switch (self.certificate, self.key) {
    case (nil, nil):
      if self.clientCA != nil { throw ValidationError("--tls-client-ca needs --tls-cert and --tls-key") }
    case (nil, _): throw ValidationError("--tls-key needs --tls-cert")
    case (_, nil): throw ValidationError("--tls-cert needs --tls-key")
    default: break
    }
  }

  var files: ServerTLSFiles? {
    guard let certificate, let key else { return nil }
    return ServerTLSFiles(certificatePath: certificate, keyPath: key, clientCAPath: self.clientCA)
  }
}
