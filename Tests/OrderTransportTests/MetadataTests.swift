import GRPCCore
import OrderTransport
import Testing

@Suite("Metadata", .timeLimit(.minutes(5)))
struct MetadataTests {
  @Test("string and binary metadata round-trip as initial and trailing metadata")
  func roundTrip() async throws {
    try await withEcho { client, _ in
      var metadata = Metadata()
      metadata.addString("hello", forKey: "x-text")
      metadata.addString("second", forKey: "x-text")
      metadata.addBinary([0, 1, 2, 255], forKey: "x-blob-bin")
      let (initial, trailing) = try await client.unary(
        request: ClientRequest(message: "m", metadata: metadata),
        descriptor: EchoService.Method.get,
        serializer: StringCoder(),
        deserializer: StringCoder(),
        options: .defaults
      ) { response in
        (response.metadata, response.trailingMetadata)
      }
      #expect(Array(initial[stringValues: "x-text"]) == ["hello", "second"])
      #expect(Array(initial[binaryValues: "x-blob-bin"]) == [[0, 1, 2, 255]])
      #expect(Array(trailing[stringValues: "echo-x-text"]) == ["hello", "second"])
      #expect(Array(trailing[binaryValues: "echo-x-blob-bin"]) == [[0, 1, 2, 255]])
    }
  }

  @Test("request metadata over the limit fails the call with RESOURCE_EXHAUSTED")
  func oversizedMetadata() async throws {
    try await withEcho { client, _ in
      var metadata = Metadata()
      metadata.addString(String(repeating: "v", count: 20_000), forKey: "x-big")
      let error = await #expect(throws: RPCError.self) {
        try await client.echo("m", metadata: metadata)
      }
      #expect(error?.code == .resourceExhausted)
      // The connection is still usable.
      let after = try await client.echo("after")
      #expect(after == "after")
    }
  }
}
