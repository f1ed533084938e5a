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
    )
  ]
}
