import GRPCCore
import OrderTransport
import Testing

@Suite("Streaming calls", .timeLimit(.minutes(5)))
struct StreamingTests {
  @Test("server streaming delivers every response in order")
  func serverStreaming() async throws {
    try await withEcho { client, _ in
      let words = try await client.serverStreaming(
        request: ClientRequest(message: "a b c d"),
        descriptor: EchoService.Method.expand,
        serializer: StringCoder(),
        deserializer: StringCoder(),
        options: .defaults
      ) { response in
        try await response.messages.reduce(into: [String]()) { $0.append($1) }
      }
      #expect(words == ["a", "b", "c", "d"])
    }
  }

  @Test("client streaming delivers every request, then the half-close")
  func clientStreaming() async throws {
    try await withEcho { client, _ in
      let joined = try await client.clientStreaming(
        request: StreamingClientRequest { writer in
          for word in ["x", "y", "z"] { try await writer.write(word) }
        },
        descriptor: EchoService.Method.collect,
        serializer: StringCoder(),
        deserializer: StringCoder(),
        options: .defaults
      ) { try $0.message }
      #expect(joined == "x y z")
    }
  }

  @Test("client streaming with no request message still completes")
  func clientStreamingEmpty() async throws {
    try await withEcho { client, _ in
      let joined = try await client.clientStreaming(
        request: StreamingClientRequest { _ in },
        descriptor: EchoService.Method.collect,
        serializer: StringCoder(),
        deserializer: StringCoder(),
        options: .defaults
      ) { try $0.message }
      #expect(joined == "")
    }
  }

  @Test("bidirectional streaming answers each request as it comes")
  func bidirectional() async throws {
    try await withEcho { client, _ in
      let (requests, continuation) = AsyncStream.makeStream(of: String.self)
      let replies = try await client.bidirectionalStreaming(
        request: StreamingClientRequest { writer in
          for await message in requests { try await writer.write(message) }
        },
        descriptor: EchoService.Method.update,
        serializer: StringCoder(),
        deserializer: StringCoder(),
        options: .defaults
      ) { response in
        var replies: [String] = []
        continuation.yield("one")
        for try await reply in response.messages {
          replies.append(reply)
          // Ping-pong: the next request is only sent once the previous reply arrived.
          switch replies.count {
          case 1: continuation.yield("two")
          case 2: continuation.yield("three")
          default: continuation.finish()
          }
        }
        return replies
      }
      #expect(replies == ["ONE", "TWO", "THREE"])
    }
  }

  @Test("a large message crosses in both directions intact")
  func largeMessage() async throws {
    try await withEcho { client, _ in
      let message = String(repeating: "0123456789abcdef", count: 128 * 1024)  // 2 MiB
      let echoed = try await client.echo(message)
      #expect(echoed == message)
    }
  }
}
