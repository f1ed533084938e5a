import GRPCCore

@testable import OrderTransport

/// The stream handlers of ``TestingServerConnection``, chosen by the method's name:
///
/// - `Echo` sends back each request message as it arrives, then OK when the request ends.
/// - any other method reads its request, then waits until the call is cancelled.
///
/// A handler whose call is cancelled (request stream failed, or cancellation handle fired)
/// records "cancelled".
enum ScriptedHandlers {
  static func path(_ method: String) -> String { "/test.Scripted/\(method)" }

  static func handler(recording events: AsyncStream<String>.Continuation) -> ServerConnection.StreamHandler {
    { stream, context in
      do {
        if context.descriptor.method == "Echo" {
          try await Self.echo(stream)
        } else {
          try await Self.waitForCancellation(stream)
        }
      } catch {
        events.yield("cancelled")
      }
    }
  }

  private static func echo(
    _ stream: RPCStream<WireTransport.Server.Inbound, WireTransport.Server.Outbound>
  ) async throws {
    var answered = false
    for try await part in stream.inbound {
      guard case .message(let bytes) = part else { continue }
      if !answered { try await stream.outbound.write(.metadata([:])) }
      answered = true
      try await stream.outbound.write(.message(bytes))
    }
    try await stream.outbound.write(.status(Status(code: .ok, message: ""), [:]))
  }

  private static func waitForCancellation(
    _ stream: RPCStream<WireTransport.Server.Inbound, WireTransport.Server.Outbound>
  ) async throws {
    for try await _ in stream.inbound {}
    let (cancelled, signal) = AsyncStream<Void>.makeStream()
    await withRPCCancellationHandler {
      for await _ in cancelled {}
    } onCancelRPC: {
      signal.finish()
    }
    throw RPCError(code: .cancelled, message: "cancelled")
  }
}
