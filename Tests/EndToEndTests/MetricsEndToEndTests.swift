import Foundation
import OrderTesting
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Issue 12: `orderd --metrics-port` serves Prometheus' text format on GET /metrics; a call
/// over the protocol shows up in the call counter and the latency histogram.
@Suite("Prometheus metrics end to end", .serialized, .timeLimit(.minutes(5)))
struct MetricsEndToEndTests {
  @Test("an order placed with orderctl is counted and timed in GET /metrics")
  func scrape() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(dataDirectory: directory, extraArguments: ["--metrics-port", "0"])
    defer { server.stopBlocking(signal: SIGKILL) }
    let metrics = try await Self.metricsAddress(of: server)
    let key = try server.rootKey()
    func run(_ arguments: [String]) async throws -> CommandResult {
      let result = try await orderctl(arguments, server: server.address, key: key)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      return result
    }
    let account = try await run(["account", "create", "--name", "Acme", "--json"]).json()
    let accountID = try #require(account["id"] as? String)
    _ = try await run([
      "product", "create", "--sku", "M365", "--name", "M365", "--kind", "subscription", "--price", "10.00",
    ])
    _ = try await run(["order", "place", "--account", accountID, "--item", "M365:2", "--json"])

    let (status, contentType, body) = try await Self.get("http://\(metrics)/metrics")
    #expect(status == 200)
    #expect(contentType?.hasPrefix("text/plain; version=0.0.4") == true)
    let lines = body.split(separator: "\n")
    let method = "orders.v1.OrderService/PlaceOrder"
    #expect(lines.contains("orderd_rpc_calls_total{method=\"\(method)\",code=\"OK\"} 1"))
    #expect(lines.contains("# TYPE orderd_rpc_duration_seconds histogram"))
    #expect(lines.contains { $0.hasPrefix("orderd_rpc_duration_seconds_bucket{method=\"\(method)\",le=\"+Inf\"} 1") })
    #expect(lines.contains("orderd_rpc_duration_seconds_count{method=\"\(method)\"} 1"))
    #expect(lines.contains("# TYPE orderd_connections_open gauge"))
    #expect(lines.contains { $0.hasPrefix("orderd_sqlite_write_seconds_count ") && !$0.hasSuffix(" 0") })
    #expect(lines.contains { $0.hasPrefix("orderd_organization_databases_open ") })

    let (missing, _, _) = try await Self.get("http://\(metrics)/other")
    #expect(missing == 404)
  }

  /// The metrics endpoint's address, from its log line ("metrics listening", address=).
  static func metricsAddress(of server: ServerProcess) async throws -> String {
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      if let line = server.log.split(separator: "\n").first(where: { $0.contains("metrics listening") }),
        let address = logValue("address", in: line)
      {
        return address
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    throw ProcessFailure("orderd did not log its metrics address:\n\(server.log)")
  }

  /// One HTTP GET: status, Content-Type and body.
  static func get(_ url: String) async throws -> (Int, String?, String) {
    let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
    let http = try #require(response as? HTTPURLResponse)
    return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type"), String(decoding: data, as: UTF8.self))
  }
}
