import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import OrderTransport
import Testing

/// Issue 12: over the real protocol, a call's `x-request-id` comes back in its initial
/// metadata (the client's own, or a new one), and with `--log-format json` every log line is
/// one JSON object, the call's lines carrying its request id, method and organization.
@Suite("Request ids and JSON logs end to end", .serialized, .timeLimit(.minutes(5)))
struct RequestIDEndToEndTests {
  @Test("x-request-id is returned over TCP; the JSON log lines of the call carry it")
  func requestIDAndJSONLogs() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(
      dataDirectory: directory, extraArguments: ["--log-format", "json", "--log-level", "debug"])
    defer { server.stopBlocking(signal: SIGKILL) }
    let key = try server.rootKey()
    let parts = server.address.split(separator: ":")
    let target = WireTransport.Address(host: String(parts[0]), port: Int(parts[1])!)
    let (echoed, generated) = try await withGRPCClient(transport: WireTransport.Client(target: target)) { grpc in
      let clock = Orders_V1_ClockService.Client(wrapping: grpc)
      func requestIDs(sending sent: String?) async throws -> [String] {
        var metadata: Metadata = ["authorization": "Bearer \(key)"]
        if let sent { metadata.addString(sent, forKey: MetadataKeys.requestID) }
        return try await clock.getClock(.init(), metadata: metadata) { response in
          _ = try response.message
          return Array(response.metadata[stringValues: MetadataKeys.requestID])
        }
      }
      return (try await requestIDs(sending: "e2e-request-1"), try await requestIDs(sending: nil))
    }
    #expect(echoed == ["e2e-request-1"])
    #expect(generated.count == 1)
    #expect(generated.first?.count == 32)

    // The call's debug line is written as the call runs: wait for it.
    let deadline = Date().addingTimeInterval(30)
    while !server.log.contains("e2e-request-1"), Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
    var objects: [[String: Any]] = []
    let log = server.log
    // Whole lines only: the last one may still be being written.
    for line in log[..<(log.lastIndex(of: "\n") ?? log.startIndex)].split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      let parsed = try #require(object, "not a JSON object: \(line)")
      #expect(parsed["timestamp"] is String)
      #expect(parsed["level"] is String)
      #expect(parsed["message"] is String)
      objects.append(parsed)
    }
    let call = try #require(objects.first { $0["requestID"] as? String == "e2e-request-1" })
    #expect(call["method"] as? String == "orders.v1.ClockService/GetClock")
    #expect((call["org"] as? String)?.isEmpty == false)
  }
}
