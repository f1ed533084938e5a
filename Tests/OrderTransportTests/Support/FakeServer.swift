import NIOCore
import NIOPosix

/// A TCP server that answers every connection with fixed bytes and then stays silent:
/// for tests of what the client does when the server is not an orderd server.
func withFakeServer<T: Sendable>(
  replying reply: ByteBuffer,
  _ body: (_ port: Int) async throws -> T
) async throws -> T {
  let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
    .bind(host: "127.0.0.1", port: 0) { channel in
      channel.eventLoop.makeCompletedFuture {
        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
      }
    }
  let port = server.channel.localAddress?.port ?? 0
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask {
      try await withThrowingDiscardingTaskGroup { connections in
        try await server.executeThenClose { inbound in
          for try await connection in inbound {
            connections.addTask {
              try? await connection.executeThenClose { input, output in
                try await output.write(reply)
                for try await _ in input {}
              }
            }
          }
        }
      }
    }
    defer { group.cancelAll() }
    return try await body(port)
  }
}
