import GRDB
import OrderTesting
import Synchronization
import Testing

@testable import OrderStorage

/// Issue 14: LISTEN/NOTIFY as the bell between nodes, and a listener that outlives its
/// connection.
@Suite(
  "PostgreSQL listener", .enabled(if: TestPostgres.isAvailable, "needs ORDERD_TEST_POSTGRES"),
  .timeLimit(.minutes(2)))
struct PostgresListenerTests {
  struct Refused: Error {}

  /// What a listener heard: notifications as `channel payload`, and reconnections.
  final class Heard: Sendable {
    let notifications = Mutex<[String]>([])
    let reconnections = Mutex(0)
    var heard: [String] { notifications.withLock { $0 } }
    var reconnected: Int { reconnections.withLock { $0 } }
  }

  /// Two storages on one database, as two nodes, and a listener of the second, listening.
  static func withNodes(
    _ body: (_ sender: PostgresStorage, _ listener: PostgresListener, _ heard: Heard) async throws -> Void
  ) async throws {
    try await TestPostgres.withDatabase { location in
      try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { sender in
        try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { receiver in
          let heard = Heard()
          let listener = receiver.listener(
            channels: ["orderd_log", "orderd_work"],
            onNotification: { channel, payload in heard.notifications.withLock { $0.append("\(channel) \(payload)") } },
            onReconnect: { heard.reconnections.withLock { $0 += 1 } })
          try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await listener.run() }
            defer { group.cancelAll() }
            #expect(await eventually(timeout: .seconds(20)) { listener.backendPID != nil })
            try await body(sender, listener, heard)
          }
        }
      }
    }
  }

  static func notify(_ storage: PostgresStorage, _ channel: String, _ payload: String) async throws {
    try await storage.transaction(.write) { session in
      try session.execute("SELECT pg_notify(?, ?)", [channel.databaseValue, payload.databaseValue])
    }
  }

  @Test("a notification committed through one storage reaches the listener of another; a rolled back one never")
  func notification() async throws {
    try await Self.withNodes { sender, _, heard in
      try await Self.notify(sender, "orderd_log", "org-1")
      _ = try? await sender.transaction(.write) { session in
        try session.execute("SELECT pg_notify('orderd_log', 'rolled back')")
        throw Refused()
      }
      try await Self.notify(sender, "orderd_work", "org-2")
      try await Self.notify(sender, "orderd_clock", "not listened to")
      #expect(await eventually(timeout: .seconds(10)) { heard.heard.count >= 2 })
      #expect(heard.heard == ["orderd_log org-1", "orderd_work org-2"])
      #expect(heard.reconnected == 0)
    }
  }

  @Test("a listener whose connection is terminated connects again, says so, and hears again")
  func reconnect() async throws {
    try await Self.withNodes { sender, listener, heard in
      let first = try #require(listener.backendPID)
      try await sender.withoutTransaction { session in
        try session.execute("SELECT pg_terminate_backend(?::int)", [Int64(first).databaseValue])
      }
      #expect(await eventually(timeout: .seconds(30)) { heard.reconnected == 1 })
      let second = try #require(listener.backendPID)
      #expect(second != first)
      try await Self.notify(sender, "orderd_log", "after")
      #expect(await eventually(timeout: .seconds(10)) { heard.heard == ["orderd_log after"] })
    }
  }
}
