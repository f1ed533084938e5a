import GRPCCore
import NIOCore
import OrderTransport
import OrderWire
import Testing

/// PROTOCOL.md §12: a unary method takes exactly one request message. GRPCCore decides: the
/// generated code of a unary method reads the request stream with `ServerRequest(stream:)`.
@Suite("Unary calls with the wrong number of request messages", .timeLimit(.minutes(2)))
struct UnaryMessageCountTests {
  /// One unary method, registered the way generated code registers one.
  struct UnaryService: RegistrableRPCService {
    static let method = MethodDescriptor(fullyQualifiedService: "unary.Unary", method: "Echo")

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
      router.registerHandler(forMethod: Self.method, deserializer: StringCoder(), serializer: StringCoder()) {
        request, _ in
        let single = try await ServerRequest(stream: request)
        return StreamingServerResponse(single: ServerResponse(message: single.message))
      }
    }
  }

  static let headers = CallHeaders(path: "/unary.Unary/Echo")

  func exchange(_ bytes: ByteBuffer, untilFrames count: Int) async throws -> [Frame] {
    let server = WireTransport.Server(address: .ipv4(host: "127.0.0.1", port: 0), config: .init())
    return try await withGRPCServer(transport: server, services: [UnaryService()]) { _ in
      let raw = try await RawConnection.connect(port: try await server.listeningAddress.port)
      return try await raw.exchange(bytes, untilFrames: count).frames
    }
  }

  static func trailers(_ frames: [Frame], stream: UInt32) -> CallTrailers? {
    for case .trailers(stream, let trailers) in frames { return trailers }
    return nil
  }

  @Test("no request message: TRAILERS INTERNAL \"Empty stream.\"")
  func noMessage() async throws {
    var bytes = ByteBuffer.clientPreface
    bytes.write(.headers(streamID: 1, Self.headers, endStream: true))
    let frames = try await self.exchange(bytes, untilFrames: 2)
    #expect(Self.trailers(frames, stream: 1) == CallTrailers(code: 13, message: "Empty stream."))
  }

  @Test("two request messages: TRAILERS INTERNAL \"Too many messages.\"")
  func twoMessages() async throws {
    var bytes = ByteBuffer.clientPreface
    bytes.write(.headers(streamID: 1, Self.headers, endStream: false))
    bytes.write(.message(streamID: 1, .data(ByteBuffer(string: "a"))))
    bytes.write(.message(streamID: 1, .data(ByteBuffer(string: "b"), endStream: true)))
    let frames = try await self.exchange(bytes, untilFrames: 2)
    #expect(Self.trailers(frames, stream: 1) == CallTrailers(code: 13, message: "Too many messages."))
  }

  @Test("one message without a half-close: no answer until the request stream ends")
  func noHalfClose() async throws {
    var bytes = ByteBuffer.clientPreface
    bytes.write(.headers(streamID: 1, Self.headers, endStream: false))
    bytes.write(.message(streamID: 1, .data(ByteBuffer(string: "waiting"))))
    bytes.write(.headers(streamID: 3, Self.headers, endStream: false))
    bytes.write(.message(streamID: 3, .data(ByteBuffer(string: "done"), endStream: true)))
    let frames = try await self.exchange(bytes, untilFrames: 4)
    #expect(frames.dropFirst().map(\.streamID) == [3, 3, 3])
    #expect(Self.trailers(frames, stream: 3) == CallTrailers(code: 0))
  }
}
