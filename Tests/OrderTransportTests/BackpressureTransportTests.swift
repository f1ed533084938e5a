import GRPCCore
import OrderTransport
import Testing

@Suite("Backpressure end to end")
struct BackpressureTransportTests {
  @Test("a client that stops reading stalls the server's writer instead of growing buffers")
  func slowReaderStallsWriter() async throws {
    let probe = Probe()
    let total = 1000  // 1000 × 64 KiB = 62.5 MiB
    try await withEcho(probe: probe) { client, _ in
      let received = try await client.serverStreaming(
        request: ClientRequest(message: "\(total)"),
        descriptor: EchoService.Method.flood,
        serializer: StringCoder(),
        deserializer: StringCoder(),
        options: .defaults
      ) { response in
        // Read nothing for a while: the server can only get as far as the buffers allow.
        try await Task.sleep(for: .milliseconds(500))
        let sentWhileStalled = await probe.count("sent")
        // Per-stream inbox (1 MiB) + frames read ahead (64) + socket buffers + outbound
        // queue (1 MiB): far less than everything.
        #expect(sentWhileStalled < total / 2, "the server sent \(sentWhileStalled) messages to a reader that read none")
        return try await response.messages.reduce(0) { count, _ in count + 1 }
      }
      #expect(received == total)
    }
  }
}
