import ArgumentParser
import Foundation
import OrderClient
import OrderTLS

/// The options every command shares: where the server is, the API key, the call timeout and
/// the output format.
struct ConnectionOptions: ParsableArguments {
  @Option(help: "The server, HOST:PORT. Default: $ORDERD_SERVER, else 127.0.0.1:7411.")
  var server: String?

  @Option(help: "The API key. Default: $ORDERD_API_KEY.")
  var key: String?

  @Option(help: "Read the API key from a file (surrounding whitespace is ignored).")
  var keyFile: String?

  @Option(help: "Seconds a call may take, retries included (default 10).")
  var timeout: Double?

  @Flag(help: "Connect over TLS (ALPN orderd/1). Default: on when $ORDERD_TLS is 1.")
  var tls = false

  @Option(help: "PEM CA certificate that issued the server's certificate (implies --tls). Default: $ORDERD_CA.")
  var ca: String?

  @Option(help: "PEM client certificate, for servers started with --tls-client-ca (implies --tls).")
  var clientCert: String?

  @Option(help: "PEM private key of --client-cert.")
  var clientKey: String?

  @Flag(help: "Print the response message as protobuf JSON.")
  var json = false

  func validate() throws {
    if self.key != nil && self.keyFile != nil {
      throw ValidationError("pass either --key or --key-file, not both")
    }
    if let timeout = self.timeout, !(timeout > 0 && timeout.isFinite) {
      throw ValidationError("--timeout must be a positive number of seconds")
    }
    if (self.clientCert == nil) != (self.clientKey == nil) {
      throw ValidationError("pass --client-cert and --client-key together")
    }
    for (flag, path) in [("--ca", self.ca), ("--client-cert", self.clientCert), ("--client-key", self.clientKey)] {
      if let path, !FileManager.default.isReadableFile(atPath: path) {
        throw ValidationError("\(flag) \(path): no such readable file")
      }
    }
    _ = try self.serverAddress()
    _ = try self.apiKey()
  }

  /// The server address from --server, $ORDERD_SERVER or the default.
  func serverAddress() throws -> ServerAddress {
    guard let text = self.server ?? Environment.value(of: "ORDERD_SERVER") else {
      return .localDefault
    }
    guard let address = ServerAddress(text) else {
      throw ValidationError("'\(text)' is not a server address; write it as HOST:PORT, like 127.0.0.1:7411")
    }
    return address
  }

  /// The API key from --key, --key-file or $ORDERD_API_KEY.
  func apiKey() throws -> String {
    if let key = self.key { return key }
    if let path = self.keyFile {
      let contents: String
      do {
        contents = try String(contentsOfFile: path, encoding: .utf8)
      } catch {
        throw ValidationError("cannot read the key file \(path): \(error.localizedDescription)")
      }
      let key = contents.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !key.isEmpty else { throw ValidationError("the key file \(path) is empty") }
      return key
    }
    if let key = Environment.value(of: "ORDERD_API_KEY") { return key }
    throw ValidationError("no API key: pass --key or --key-file, or set ORDERD_API_KEY")
  }

  /// The client configuration these options describe.
  func clientConfiguration() throws -> OrderdClientConfiguration {
    var configuration = OrderdClientConfiguration(server: try self.serverAddress(), apiKey: try self.apiKey())
    configuration.tls = self.tlsFiles
    if let timeout = self.timeout {
      configuration.defaultTimeout = .milliseconds(Int64((timeout * 1_000).rounded()))
    }
    return configuration
  }

  /// TLS settings when --tls, --ca, --client-cert or $ORDERD_TLS=1 ask for TLS; nil for plain TCP.
  var tlsFiles: ClientTLSFiles? {
    let ca = self.ca ?? Environment.value(of: "ORDERD_CA")
    let wanted = self.tls || Environment.value(of: "ORDERD_TLS") == "1" || ca != nil || self.clientCert != nil
    guard wanted else { return nil }
    return ClientTLSFiles(caPath: ca, certificatePath: self.clientCert, keyPath: self.clientKey)
  }

  /// How to print results.
  var output: Output { Output(json: self.json) }
}

/// Reads the process environment.
enum Environment {
  /// The variable's value, or nil when it is unset or empty.
  static func value(of name: String) -> String? {
    guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
    return value
  }
}
