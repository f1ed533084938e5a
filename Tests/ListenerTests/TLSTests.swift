import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import OrderProtocol
import OrderTLS
import OrderTesting
import SwiftProtobuf
import Testing

/// `--tls-cert`/`--tls-key` (and `--tls-client-ca`) on both listeners, with certificates the
/// test makes: the right CA succeeds, plaintext and the wrong CA fail cleanly, a required
/// client certificate is enforced.
@Suite("TLS on both listeners", .timeLimit(.minutes(5)))
struct TLSTests {
  static func serverArguments(_ pki: TestCertificates, requireClients: Bool = false) -> [String] {
    ["--tls-cert", pki.serverCertificatePath, "--tls-key", pki.serverKeyPath]
      + (requireClients ? ["--tls-client-ca", pki.caPath] : [])
  }

  /// grpc-swift's HTTP/2 client over TLS trusting `ca`, with a client identity when given.
  static func http2Security(
    ca: String, certificate: String? = nil, key: String? = nil
  ) -> HTTP2ClientTransport.Posix.TransportSecurity {
    .tls { config in
      config.trustRoots = .certificates([.file(path: ca, format: .pem)])
      if let certificate, let key {
        config.certificateChain = [.file(path: certificate, format: .pem)]
        config.privateKey = .file(path: key, format: .pem)
      }
    }
  }

  /// The overall health status over `client`; throws what the call failed with.
  static func check<Transport: ClientTransport>(_ client: GRPCClient<Transport>) async throws -> Bool {
    let health = Grpc_Health_V1_Health.Client(wrapping: client)
    return try await health.check(.init(), options: failingCallOptions()).status == .serving
  }

  @Test("with the right CA, calls succeed on both listeners, and orderctl --ca works")
  func rightCA() async throws {
    let pki = try TestCertificates.make()
    defer { pki.remove() }
    try await Listeners.with(arguments: Self.serverArguments(pki)) { listeners in
      #expect(listeners.server.log.contains("tls=on"))
      let overHTTP2 = try await listeners.withHTTP2Client(security: Self.http2Security(ca: pki.caPath)) { client in
        let root = Caller(client: client, key: listeners.rootKey)
        _ = try await root.createTenant("TLS Reseller")
        return try await Self.check(client)
      }
      #expect(overHTTP2)
      let overWire = try await listeners.withWireClient(tls: ClientTLSFiles(caPath: pki.caPath)) { client in
        try await Self.check(client)
      }
      #expect(overWire)
      let listed = try await orderctl(
        ["org", "list", "--ca", pki.caPath, "--json"], server: listeners.wireAddress, key: listeners.rootKey)
      #expect(listed.status == 0, "\(listed.stderr)")
      #expect(listed.stdout.contains("TLS Reseller"))
    }
  }

  @Test("plaintext clients against the TLS listeners fail cleanly, and the server keeps serving")
  func plaintextClient() async throws {
    let pki = try TestCertificates.make()
    defer { pki.remove() }
    try await Listeners.with(arguments: Self.serverArguments(pki)) { listeners in
      let http2 = await statusCode { try await listeners.withHTTP2Client { _ = try await Self.check($0) } }
      #expect(http2 != nil)
      let wire = await statusCode { try await listeners.withWireClient { _ = try await Self.check($0) } }
      #expect(wire != nil)
      let plain = try await orderctl(["org", "list"], server: listeners.wireAddress, key: listeners.rootKey)
      #expect(plain.status != 0)
      #expect(plain.stderr.hasPrefix("orderctl: UNAVAILABLE: "), "\(plain.stderr)")
      #expect(plain.stderr.contains("orderctl: hint: the server expects TLS"), "\(plain.stderr)")
      #expect(listeners.server.isRunning)
      let stillServing = try await listeners.withWireClient(tls: ClientTLSFiles(caPath: pki.caPath)) {
        try await Self.check($0)
      }
      #expect(stillServing)
    }
  }

  @Test("a client that trusts another CA fails on both listeners")
  func wrongCA() async throws {
    let pki = try TestCertificates.make()
    defer { pki.remove() }
    try await Listeners.with(arguments: Self.serverArguments(pki)) { listeners in
      let http2 = await statusCode {
        try await listeners.withHTTP2Client(security: Self.http2Security(ca: pki.otherCAPath)) {
          _ = try await Self.check($0)
        }
      }
      #expect(http2 != nil)
      let wire = await statusCode {
        try await listeners.withWireClient(tls: ClientTLSFiles(caPath: pki.otherCAPath)) {
          _ = try await Self.check($0)
        }
      }
      #expect(wire != nil)
      let command = try await orderctl(
        ["org", "list", "--ca", pki.otherCAPath, "--timeout", "5"], server: listeners.wireAddress,
        key: listeners.rootKey)
      #expect(command.status != 0)
      #expect(command.stderr.contains("orderctl: hint: the server's certificate is not from a CA you trust"))
    }
  }

  @Test("--tls-client-ca: no client certificate or one from another CA fails; one from the CA succeeds")
  func clientCertificates() async throws {
    let pki = try TestCertificates.make()
    defer { pki.remove() }
    try await Listeners.with(arguments: Self.serverArguments(pki, requireClients: true)) { listeners in
      let identities: [(certificate: String?, key: String?, accepted: Bool)] = [
        (nil, nil, false),
        (pki.strangerCertificatePath, pki.strangerKeyPath, false),
        (pki.clientCertificatePath, pki.clientKeyPath, true),
      ]
      for identity in identities {
        let security = Self.http2Security(ca: pki.caPath, certificate: identity.certificate, key: identity.key)
        let http2 = await statusCode {
          try await listeners.withHTTP2Client(security: security) { _ = try await Self.check($0) }
        }
        #expect((http2 == nil) == identity.accepted, "HTTP/2, \(identity.certificate ?? "no certificate")")
        let files = ClientTLSFiles(caPath: pki.caPath, certificatePath: identity.certificate, keyPath: identity.key)
        let wire = await statusCode { try await listeners.withWireClient(tls: files) { _ = try await Self.check($0) } }
        #expect((wire == nil) == identity.accepted, "orderd/1, \(identity.certificate ?? "no certificate")")
      }
      let refused = try await orderctl(
        ["org", "list", "--ca", pki.caPath], server: listeners.wireAddress, key: listeners.rootKey)
      #expect(refused.status != 0)
      #expect(refused.stderr.contains("orderctl: hint: the server requires a client certificate"), "\(refused.stderr)")
      let command = try await orderctl(
        [
          "org", "list", "--ca", pki.caPath, "--client-cert", pki.clientCertificatePath, "--client-key",
          pki.clientKeyPath,
        ],
        server: listeners.wireAddress, key: listeners.rootKey)
      #expect(command.status == 0, "\(command.stderr)")
    }
  }
}
