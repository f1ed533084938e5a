import Foundation
import OrderTesting
import Testing

/// The server's errors speak of its API; `orderctl` adds what to type next.
@Suite("orderctl's hints", .serialized, .timeLimit(.minutes(3)))
struct OrderctlHintTests {
  @Test(
    "a clock advance on the system clock names the flag that starts a simulated clock; a bad key names where keys come from"
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

    let badKey = try await orderctl(["clock", "show"], server: server.address, key: "not-a-key")
    #expect(badKey.status == 5, "\(badKey.stderr)")
    #expect(badKey.stderr.contains("orderctl: UNAUTHENTICATED: "))
    #expect(badKey.stderr.contains("orderctl: hint: check the key given with --key, --key-file or ORDERD_API_KEY"))
  }
}
