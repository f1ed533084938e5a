import Foundation
import OrderClient
import OrderProtocol
import OrderTesting
import Testing

/// Paging end to end (issue 12): `orderctl` list commands page through everything by
/// default and stop at `--limit`; OrderClient's `items(of:)` and `collectPages` follow
/// `next_page_token` against the real server.
@Suite("orderctl paging end to end", .serialized, .timeLimit(.minutes(5)))
struct OrderctlPagingTests {
  @Test(
    "orderctl account list pages through more than one server page by default; --limit stops after N rows; OrderClient pages too"
  )
  func listsPageThroughEverything() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-paging-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(dataDirectory: directory)
    defer { server.stopBlocking(signal: SIGKILL) }
    let rootKey = try server.rootKey()
    let configuration = OrderdClientConfiguration(server: try #require(ServerAddress(server.address)), apiKey: rootKey)
    // More accounts than the server's default page (100).
    let created = try await OrderdClient.withConnection(configuration) { client in
      var ids: [String] = []
      for index in 1...130 {
        var request = Orders_V1_CreateAccountRequest()
        request.name = "Customer \(index)"
        ids.append(try await client.createAccount(request).id)
      }
      return ids
    }
    func accounts(_ arguments: [String]) async throws -> (ids: [String], next: String) {
      let result = try await orderctl(["account", "list", "--json"] + arguments, server: server.address, key: rootKey)
      #expect(result.status == 0, "\(result.stderr)")
      let json = try result.json()
      let ids = (json["accounts"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
      return (ids, json["nextPageToken"] as? String ?? "")
    }

    let all = try await accounts([])
    #expect(all.ids == created && all.next.isEmpty)
    let limited = try await accounts(["--limit", "120"])
    #expect(limited.ids == Array(created.prefix(120)) && !limited.next.isEmpty)
    let small = try await accounts(["--limit", "5", "--page-size", "2"])
    #expect(small.ids == Array(created.prefix(5)))
    let text = try await orderctl(["account", "list", "--limit", "3"], server: server.address, key: rootKey)
    #expect(text.stdout.split(separator: "\n").count == 4, "a header and three rows: \(text.stdout)")
    #expect(text.stderr.contains("orderctl: stopped after 3 rows (--limit); more remain"))
    let everything = try await orderctl(["account", "list", "--limit", "500"], server: server.address, key: rootKey)
    #expect(everything.stdout.split(separator: "\n").count == 131 && everything.stderr.isEmpty)
    let invalid = try await orderctl(["account", "list", "--limit", "0"], server: server.address, key: rootKey)
    #expect(invalid.status != 0 && invalid.stderr.contains("--limit"))

    let (iterated, collected) = try await OrderdClient.withConnection(configuration) { client in
      var iterated: [String] = []
      var request = Orders_V1_ListAccountsRequest()
      request.pageSize = 7
      for try await account in client.items(of: request, { try await client.listAccounts($0) }) {
        iterated.append(account.id)
      }
      let collected = try await client.collectPages(Orders_V1_ListAccountsRequest(), limit: 101) {
        try await client.listAccounts($0)
      }
      return (iterated, collected)
    }
    #expect(iterated == created)
    #expect(collected.accounts.map(\.id) == Array(created.prefix(101)) && !collected.nextPageToken.isEmpty)
  }

  @Test("orderctl notifications list pages through the whole log by default and stops at --limit")
  func notificationsPage() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-paging-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(dataDirectory: directory)
    defer { server.stopBlocking(signal: SIGKILL) }
    let rootKey = try server.rootKey()
    func run(_ arguments: [String]) async throws -> [String: Any] {
      let result = try await orderctl(arguments + ["--json"], server: server.address, key: rootKey)
      #expect(result.status == 0, "\(result.stderr)")
      return try result.json()
    }
    _ = try await run(["product", "create", "--sku", "BB", "--name", "BB", "--kind", "asset", "--price", "2.00"])
    let account = try #require(try await run(["account", "create", "--name", "Customer"])["id"] as? String)
    for _ in 1...3 { _ = try await run(["order", "place", "--account", account, "--item", "BB:1"]) }
    func positions(_ json: [String: Any]) -> [String] {
      (json["notifications"] as? [[String: Any]] ?? []).compactMap { $0["position"] as? String }
    }
    let whole = positions(try await run(["notifications", "list", "--page-size", "2"]))
    #expect(whole.count > 4 && Set(whole).count == whole.count)
    #expect(positions(try await run(["notifications", "list"])) == whole)
    #expect(
      positions(try await run(["notifications", "list", "--limit", "3", "--page-size", "2"])) == Array(whole.prefix(3)))
  }
}
