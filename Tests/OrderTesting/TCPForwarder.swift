import NIOCore
import NIOPosix
import Synchronization

/// A TCP port on 127.0.0.1 that, once ``forward()`` is called, passes each connection through
/// to a target; until then it accepts and closes at once, as a server that is not up yet. For
/// tests of a peer that must wait for its server (issue 14: a node starting before
/// PostgreSQL). No backpressure: test traffic only.
public final class TCPForwarder: Sendable {
  public let port: Int
  private let server: any Channel
  private let state = Switch()

  private final class Switch: Sendable {
    let state = Mutex((forwarding: false, refused: 0))
  }

  /// Listens on a free port of 127.0.0.1 and forwards to `host`:`targetPort` once told to.
  public init(to host: String, port targetPort: Int) async throws {
    let state = self.state
    let group = MultiThreadedEventLoopGroup.singleton
    self.server = try await ServerBootstrap(group: group)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { inbound in
        let forwarding = state.state.withLock { state in
          if !state.forwarding { state.refused += 1 }
          return state.forwarding
        }
        guard forwarding else { return inbound.close() }
        // Both channels are on the inbound one's event loop.
        return ClientBootstrap(group: inbound.eventLoop).connect(host: host, port: targetPort).flatMapThrowing {
          outbound in
          try outbound.pipeline.syncOperations.addHandler(Relay(to: inbound))
          try inbound.pipeline.syncOperations.addHandler(Relay(to: outbound))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    self.port = server.localAddress?.port ?? 0
  }

  /// Connections closed at once so far, before ``forward()``.
  public var refusedCount: Int { state.state.withLock { $0.refused } }

  /// From now on, new connections reach the target.
  public func forward() { state.state.withLock { $0.forwarding = true } }

  public func close() async { try? await server.close() }
}

/// Writes what one side reads to the other, and closes the other when it closes.
private final class Relay: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  let peer: any Channel

  init(to peer: any Channel) { self.peer = peer }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    peer.writeAndFlush(unwrapInboundIn(data), promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    peer.close(promise: nil)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}
