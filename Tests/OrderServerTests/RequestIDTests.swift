import GRPCCore
import Logging
import OrderDomain
import OrderProtocol
import OrderServer
import OrderTesting
import Testing

/// Issue 12: every call has a request id, returned as `x-request-id` (initial metadata of an
/// answered call, trailers of a refused one) and in the call's log lines; a valid id sent by
/// the client is used.
@Suite("Request ids", .timeLimit(.minutes(3)))
struct RequestIDTests {
  @Test("an answered call returns a new request id of 32 hex digits in its initial metadata, a new one per call")
  func generated() async throws {
    try await TestOrderd.with { orderd in
      let first = try await requestID(of: orderd.root, sending: nil)
      let second = try await requestID(of: orderd.root, sending: nil)
      #expect(first.count == 32)
      #expect(first.allSatisfy { $0.isHexDigit })
      #expect(first != second)
    }
  }

  @Test("a valid x-request-id sent by the client is echoed; an invalid one (too long, bad characters) is replaced")
  func echoed() async throws {
    try await TestOrderd.with { orderd in
      #expect(try await requestID(of: orderd.root, sending: "req-42_a.b:c") == "req-42_a.b:c")
      for invalid in ["", String(repeating: "x", count: 129), "has space", "new\nline", "ünïcode"] {
        let replaced = try await requestID(of: orderd.root, sending: invalid)
        #expect(replaced != invalid)
        #expect(replaced.count == 32)
      }
      let longest = String(repeating: "x", count: 128)
      #expect(try await requestID(of: orderd.root, sending: longest) == longest)
    }
  }

  @Test("a refused call returns its request id in the trailers")
  func refused() async throws {
    try await TestOrderd.with { orderd in
      var metadata: Metadata = [:]
      metadata.addString("refused-1", forKey: MetadataKeys.requestID)
      let error = await #expect(throws: RPCError.self) {
        _ = try await orderd.caller(nil).clock.getClock(.init(), metadata: metadata)
      }
      #expect(error?.code == .unauthenticated)
      let ids = error.map { Array($0.metadata[stringValues: MetadataKeys.requestID]) }
      #expect(ids == ["refused-1"])
    }
  }

  @Test("the call's log lines carry its request id, method and organization")
  func logged() async throws {
    let recorder = LogRecorder()
    try await TestOrderd.with(logger: recorder.logger(level: .debug)) { orderd in
      _ = try await requestID(of: orderd.root, sending: "logged-1")
      let line = try #require(recorder.recorded.first { $0.metadata["requestID"] == "logged-1" })
      #expect(line.metadata["method"] == "orders.v1.ClockService/GetClock")
      #expect(line.metadata["org"] == "\(orderd.application.rootOrganization.id)")
    }
  }

  private func requestID(of caller: Caller<TestOrderd.Transport>, sending sent: String?) async throws -> String {
    var metadata = caller.metadata()
    if let sent { metadata.addString(sent, forKey: MetadataKeys.requestID) }
    let ids = try await caller.clock.getClock(.init(), metadata: metadata) { response in
      _ = try response.message
      return Array(response.metadata[stringValues: MetadataKeys.requestID])
    }
    try #require(ids.count == 1)
    return ids[0]
  }
}
