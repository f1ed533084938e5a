import GRPCCore
import OrderClient
import OrderProtocol
import SwiftProtobuf
import Synchronization
import Testing

@Suite("Watching notifications across reconnects", .timeLimit(.minutes(5)))
struct WatchNotificationsTests {
  /// Thrown by a test's callback to end the watch once it has seen enough.
  struct Enough: Error {}

  static let fastReconnect = WatchReconnectPolicy(initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(5))

  /// Watches until `count` notifications arrived; returns their positions.
  static func watch(
    _ service: ScriptedNotificationService, after: Int64 = 0, until count: Int
  ) async throws -> [Int64] {
    let delivered = Mutex<[Int64]>([])
    await #expect(throws: Enough.self) {
      try await withInProcessClient(serving: [service]) { client in
        try await client.watchNotifications(after: after, reconnect: Self.fastReconnect) { notification in
          let seen = delivered.withLock { positions in
            positions.append(notification.position)
            return positions.count
          }
          if seen == count { throw Enough() }
        }
      }
    }
    return delivered.withLock { $0 }
  }

  @Test("N2: after UNAVAILABLE the watch resumes after the last position: 1...5 exactly once")
  func resumesAfterUnavailable() async throws {
    let service = ScriptedNotificationService([
      .init(positions: [1, 2, 3], error: RPCError(code: .unavailable, message: "server restarted")),
      .init(positions: [4, 5], error: nil),
    ])
    let positions = try await Self.watch(service, until: 5)
    #expect(positions == [1, 2, 3, 4, 5])
    #expect(service.calls == [0, 3])
  }

  @Test("N2: a watch from a position asks for what follows it, also on reconnect")
  func resumesFromTheGivenPosition() async throws {
    let service = ScriptedNotificationService([
      .init(positions: [], error: RPCError(code: .unavailable, message: "connection refused")),
      .init(positions: [8], error: RPCError(code: .unavailable, message: "dropped")),
      .init(positions: [9], error: nil),
    ])
    let positions = try await Self.watch(service, after: 7, until: 2)
    #expect(positions == [8, 9])
    #expect(service.calls == [7, 7, 8])
  }

  @Test("N2: a position delivered before is never delivered again")
  func repeatsAreDropped() async throws {
    let service = ScriptedNotificationService([
      .init(positions: [1, 2], error: RPCError(code: .unavailable, message: "dropped")),
      .init(positions: [2, 3], error: nil),
    ])
    let positions = try await Self.watch(service, until: 3)
    #expect(positions == [1, 2, 3])
  }

  @Test("Errors other than UNAVAILABLE end the watch")
  func otherErrorsEndTheWatch() async throws {
    let service = ScriptedNotificationService([
      .init(positions: [1], error: RPCError(code: .permissionDenied, message: "not your account")),
      .init(positions: [2], error: nil),
    ])
    let delivered = Mutex<[Int64]>([])
    await #expect(throws: RPCError(code: .permissionDenied, message: "not your account")) {
      try await withInProcessClient(serving: [service]) { client in
        try await client.watchNotifications(reconnect: Self.fastReconnect) { notification in
          delivered.withLock { $0.append(notification.position) }
        }
      }
    }
    #expect(delivered.withLock { $0 } == [1])
    #expect(service.calls == [0])
  }

  @Test("N2: the cursor moves forward only")
  func cursor() {
    var cursor = NotificationCursor(after: 2)
    let moved = [2, 3, 1].map { position in cursor.advance(past: .with { $0.position = Int64(position) }) }
    #expect(moved == [false, true, false])
    #expect(cursor.lastPosition == 3)
  }
}
