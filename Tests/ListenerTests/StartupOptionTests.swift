import Foundation
import OrderTesting
import Testing

/// orderd refuses TLS options that do not fit together, or files it cannot use, before it
/// serves anything, and says why.
@Suite("orderd TLS and gRPC options at start", .timeLimit(.minutes(3)))
struct StartupOptionTests {
  @Test("a key without a certificate, a client CA without TLS, and a clashing gRPC port are usage errors")
  func usageErrors() async throws {
    let cases: [([String], String)] = [
      (["--tls-key", "/tmp/key.pem"], "--tls-key needs --tls-cert"),
      (["--tls-cert", "/tmp/cert.pem"], "--tls-cert needs --tls-key"),
      (["--tls-client-ca", "/tmp/ca.pem"], "--tls-client-ca needs --tls-cert and --tls-key"),
      (["--port", "7411", "--grpc-port", "7411"], "--grpc-port must differ from --port"),
    ]
    for (arguments, message) in cases {
      let result = try await orderd(["serve", "--data-dir", "/nonexistent/orderd"] + arguments)
      #expect(result.status != 0)
      #expect(result.stderr.contains(message), "\(result.stderr)")
    }
  }

  @Test("a certificate file that does not exist stops orderd at start, naming the file")
  func missingCertificate() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-tls-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try await orderd([
      "serve", "--data-dir", directory.path, "--port", "0", "--grpc-port", "0",
      "--tls-cert", "/nonexistent/server.pem", "--tls-key", "/nonexistent/server-key.pem",
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("cannot use certificate file /nonexistent/server.pem"), "\(result.stderr)")
    #expect(!result.stderr.contains("orderd listening"))
  }
}
