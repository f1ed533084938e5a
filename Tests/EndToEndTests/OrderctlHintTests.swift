import Foundation
import OrderTesting
import Testing

/// The server's errors speak of its API; `orderctl` adds what to type next.
@Suite("orderctl's hints", .serialized, .timeLimit(.minutes(3)))
struct OrderctlHintTests {
  @Test(
    "a clock advance on the system clock names the flag that starts a simulated clock; a change item points to the change commands; a bad key names where keys come from"
  )
  func hints() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-hint-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await ServerProcess.start(dataDirectory: directory, clock: "system")
    defer { server.stopBlocking(signal: SIGKILL) }
    let rootKey = try server.rootKey()

    let advance = try await orderctl(["clock", "advance", "--by", "P1D"], server: server.address, key: rootKey)
    #expect(advance.status == 4, "\(advance.stderr)")
    #expect(advance.stderr.contains("orderctl: FAILED_PRECONDITION: "))
    #expect(
      advance.stderr.contains("orderctl: hint: the clock moves only on a server started with --clock simulated:DATE"))

    let product = ["product", "create", "--sku", "BB", "--name", "BB", "--kind", "subscription", "--price", "2.00"]
    #expect(try await orderctl(product, server: server.address, key: rootKey).status == 0)
    let account = try #require(
      try await orderctl(["account", "create", "--name", "Customer", "--json"], server: server.address, key: rootKey)
        .json()["id"] as? String)
    let place = ["order", "place", "--account", account, "--item", "BB:1"]
    #expect(try await orderctl(place, server: server.address, key: rootKey).status == 0)
    let listed = try await orderctl(
      ["subscription", "list", "--account", account, "--json"], server: server.address, key: rootKey
    ).json()
    let subscription = try #require(((listed["subscriptions"] as? [[String: Any]])?.first)?["id"] as? String)
    let change = ["order", "place", "--account", account, "--item", "BB:3@\(subscription)"]
    let placed = try await orderctl(change, server: server.address, key: rootKey)
    #expect(placed.status == 2, "\(placed.stderr)")
    #expect(placed.stderr.contains("orderctl: hint: change a subscription with `orderctl subscription change ID`"))

    let badKey = try await orderctl(["clock", "show"], server: server.address, key: "not-a-key")
    #expect(badKey.status == 5, "\(badKey.stderr)")
    #expect(badKey.stderr.contains("orderctl: UNAUTHENTICATED: "))
    #expect(badKey.stderr.contains("orderctl: hint: check the key given with --key, --key-file or ORDERD_API_KEY"))
  }
}
