import GRPCCore
import NIOCore
import OrderTransport
import OrderWire
import Testing

@Suite("The client facing a server it cannot talk to", .timeLimit(.minutes(5)))
struct ClientFailureTests {
  func call(_ port: Int) async throws -> RPCError? {
    let transport = WireTransport.Client(target: .ipv4(host: "127.0.0.1", port: port))
    return try await withGRPCClient(transport: transport) { client in
      await #expect(throws: RPCError.self) { try await client.echo("hello") }
    }
  }

  @Test("a server speaking another protocol version fails calls with UNAVAILABLE and a clear message")
  func unknownServerVersion() async throws {
    var reply = ByteBuffer()
    FrameEncoder.encode(.preface(Preface(version: 9)), into: &reply)
    let error = try await withFakeServer(replying: reply) { try await self.call($0) }
    #expect(error?.code == .unavailable)
    #expect(error?.message.contains("unsupported protocol version 9") == true)
  }

  @Test("a server that is not an orderd server fails calls with UNAVAILABLE and a clear message")
  func notOrderd() async throws {
    let reply = ByteBuffer(string: "HTTP/1.1 400 Bad Request\r\n\r\n")
    let error = try await withFakeServer(replying: reply) { try await self.call($0) }
    #expect(error?.code == .unavailable)
    #expect(error?.message.contains("does not speak the orderd wire protocol") == true)
  }

  @Test("no server at all fails calls with UNAVAILABLE")
  func nothingListening() async throws {
    let port = try await withFakeServer(replying: ByteBuffer()) { $0 }
    let error = try await self.call(port)
    #expect(error?.code == .unavailable)
  }
}
