import ArgumentParser
import GRPCCore
import OrderClient

extension ConnectionOptions {
  /// Connects, runs `body` with the client, and disconnects. An RPC failure is printed to
  /// stderr as `orderctl: STATUS: message` and ends the command with its exit status; when
  /// `idempotencyKey` is given and the outcome is unknown, the key to retry with is printed too,
  /// and the first of `hints` that applies to the failure.
  func run(
    idempotencyKey: IdempotencyKey? = nil, hints: [CommandHint] = [],
    _ body: (OrderdTCPClient) async throws -> Void
  ) async throws {
    let configuration = try self.clientConfiguration()
    do {
      try await OrderdClient.withConnection(configuration) { client in
        try await body(client)
      }
    } catch let error as ExitCode {
      throw error
    } catch let error as ValidationError {
      throw error
    } catch {
      throw CommandFailure(error, server: configuration.server, idempotencyKey: idempotencyKey, hints: hints + .common)
        .report()
    }
  }
}

extension [CommandHint] {
  /// Hints for every command.
  static let common = [
    CommandHint(
      [.unauthenticated],
      "check the key given with --key, --key-file or ORDERD_API_KEY: it must be a key of this server"
    ),
    // A TLS alert (15 03 ..) where the server's preface should be: the server runs TLS.
    CommandHint(
      [.unavailable], mentioning: ["got 15 03"],
      "the server expects TLS: pass --tls, or --ca FILE with the CA that issued its certificate"),
    CommandHint(
      [.unavailable], mentioning: ["CERTIFICATE_VERIFY_FAILED"],
      "the server's certificate is not from a CA you trust: pass --ca FILE with the CA that issued it"),
    CommandHint(
      [.unavailable], mentioning: ["CERTIFICATE_REQUIRED", "BAD_CERTIFICATE", "UNKNOWN_CA"],
      "the server requires a client certificate from its CA: pass --client-cert FILE and --client-key FILE"),
    CommandHint(
      [.unavailable], mentioning: ["WRONG_VERSION_NUMBER"],
      "the server does not speak TLS: leave out --tls, --ca and ORDERD_TLS"),
  ]
}
