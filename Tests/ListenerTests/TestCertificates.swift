import Crypto
import Foundation
import SwiftASN1
import X509

/// A throwaway PKI made at run time in a temporary folder, as PEM files: a CA, a server leaf
/// for `localhost` and 127.0.0.1 issued by it, a client leaf issued by it, and a second CA
/// that issued nothing the server presents (the "wrong CA"). Nothing to install.
struct TestCertificates {
  let directory: URL

  var caPath: String { self.path("ca.pem") }
  var serverCertificatePath: String { self.path("server.pem") }
  var serverKeyPath: String { self.path("server-key.pem") }
  var clientCertificatePath: String { self.path("client.pem") }
  var clientKeyPath: String { self.path("client-key.pem") }
  var otherCAPath: String { self.path("other-ca.pem") }
  /// A client identity from the other CA, which a server trusting only `ca.pem` refuses.
  var strangerCertificatePath: String { self.path("stranger.pem") }
  var strangerKeyPath: String { self.path("stranger-key.pem") }

  static func make() throws -> TestCertificates {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-pki-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let certificates = TestCertificates(directory: directory)
    let ca = try Authority(name: "orderd test CA")
    let other = try Authority(name: "some other CA")
    try certificates.write(ca.certificate, to: "ca.pem")
    try certificates.write(other.certificate, to: "other-ca.pem")
    let server = P256.Signing.PrivateKey()
    try certificates.write(try ca.issue(name: "localhost", key: server, usage: .serverAuth), to: "server.pem")
    try certificates.write(server.pemRepresentation, to: "server-key.pem")
    let client = P256.Signing.PrivateKey()
    try certificates.write(try ca.issue(name: "test client", key: client, usage: .clientAuth), to: "client.pem")
    try certificates.write(client.pemRepresentation, to: "client-key.pem")
    let stranger = P256.Signing.PrivateKey()
    try certificates.write(try other.issue(name: "stranger", key: stranger, usage: .clientAuth), to: "stranger.pem")
    try certificates.write(stranger.pemRepresentation, to: "stranger-key.pem")
    return certificates
  }

  func remove() {
    try? FileManager.default.removeItem(at: self.directory)
  }

  private func path(_ name: String) -> String { self.directory.appendingPathComponent(name).path }

  private func write(_ certificate: Certificate, to name: String) throws {
    try self.write(try certificate.serializeAsPEM().pemString, to: name)
  }

  private func write(_ text: String, to name: String) throws {
    try text.write(to: self.directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
}

/// A self-signed CA that issues leaf certificates valid from an hour ago for a day.
private struct Authority {
  let key = P256.Signing.PrivateKey()
  let name: DistinguishedName
  let certificate: Certificate

  init(name: String) throws {
    let distinguished = try DistinguishedName { CommonName(name) }
    self.name = distinguished
    let now = Date()
    self.certificate = try Certificate(
      version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(self.key.publicKey),
      notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(86_400),
      issuer: distinguished, subject: distinguished, signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
        Critical(KeyUsage(keyCertSign: true, cRLSign: true))
      },
      issuerPrivateKey: .init(self.key))
  }

  func issue(name: String, key: P256.Signing.PrivateKey, usage: ExtendedKeyUsage.Usage) throws -> Certificate {
    let now = Date()
    return try Certificate(
      version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
      notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(86_400),
      issuer: self.name, subject: try DistinguishedName { CommonName(name) }, signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.notCertificateAuthority)
        Critical(KeyUsage(digitalSignature: true))
        try ExtendedKeyUsage([usage])
        SubjectAlternativeNames([.dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
      },
      issuerPrivateKey: .init(self.key))
  }
}
