import GRPCCore
import OrderTransport
import Testing

@Suite("Backpressure end to end", .timeLimit(.minutes(5)))
struct BackpressureTransportTests {
  @Test("a client that stops reading stalls the server's writer instead of growing buffers")
  func slowReaderStallsWriter() async throws {
    let probe = Probe()
    let total = 3000  // 3000 × 64 KiB = 188 MiB
    // Uncompressed: 64 KiB of one letter compresses to a few hundred bytes.
    var server = WireTransport.ServerConfig()
    server.compression.compressOutbound = false
    try await withEcho(server: server, probe: probe) { client, _ in
      let received = try await client.serverStreaming(
        request: ClientRequest(message: "\(total)"),
        descriptor: EchoService.Method.flood,
        serializer: StringCoder(),
        deserializer: StringCoder(),
        options: .defaults
      ) { response in
        // Read nothing for a while: the server can only get as far as the buffers allow.
        try await Task.sleep(for: .seconds(1))
        let sentWhileStalled = await probe.count("sent")
        // Bounded by the per-stream inbox (1 MiB), the frames NIO reads ahead (8), the
        // outbound queue (1 MiB) and the kernel's socket buffers (tens of MiB on loopback,
        // which autotunes up to net.ipv4.tcp_rmem): far less than everything.
        #expect(sentWhileStalled < total / 2, "the server sent \(sentWhileStalled) messages to a reader that read none")
        return try await response.messages.reduce(0) { count, _ in count + 1 }
      }
      #expect(received == total)
    }
  }
}
