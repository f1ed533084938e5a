import Foundation
import OrderDomain
import OrderTesting
import Synchronization
import Testing

@testable import OrderStorage

/// Issue 14: group commit on PostgreSQL beyond what `GroupCommitTests` pins on both engines:
/// a lost connection fails its whole batch, the batch's signals reach other nodes at commit
/// only, and the writer lock orders the writes of two nodes.
@Suite("PostgreSQL write queue", .postgresOnly, .timeLimit(.minutes(2)))
struct PostgresWriteQueueTests {
  func note(_ text: String) -> NewNotification {
    NewNotification(
      type: .subscriptionChanged, time: t0, subject: .subscription("SUB-000001"), accountID: nil, text: text)
  }

  @Test(
    "when the batch's connection is lost, every write of the batch fails and none is kept; the next write works")
  func lostConnectionFailsTheBatch() async throws {
    try await withStore { store in
      let outcomes = try await GroupCommitTests.batchBehindBlockedWrite(store, count: 6) { tx, index in
        _ = try tx.createAccount(NewAccount(name: "Account \(index)", kind: .customer), now: t0)
        if index == 3 { try tx.sql.execute("SELECT pg_terminate_backend(pg_backend_pid())") }
      }
      #expect(outcomes.allSatisfy { (try? $0.get()) == nil })
      let names = try await store.read { tx in try tx.accounts() }.map(\.name)
      #expect(names == ["First"])
      try await store.write { tx in _ = try tx.createAccount(NewAccount(name: "Later", kind: .customer), now: t0) }
      #expect(try await store.read { tx in try tx.accounts() }.count == 2)
    }
  }

  @Test("a batch's signals reach another node's listener when it commits; a rolled back write's never")
  func signalsAtCommit() async throws {
    try await TestPostgres.withDatabase { location in
      try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { sender in
        try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { receiver in
          try await PostgresSchema.migrateRegistry(in: sender)
          let id = OrganizationID.random()
          let store = try await OrganizationStore.open(postgres: sender, organizationID: id)
          let heard = Mutex<[String]>([])
          let listener = receiver.listener(
            channels: ["orderd_log", "orderd_work"],
            onNotification: { channel, payload in heard.withLock { $0.append("\(channel) \(payload)") } },
            onReconnect: {})
          try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await listener.run() }
            defer { group.cancelAll() }
            #expect(await eventually(timeout: .seconds(20)) { listener.backendPID != nil })
            await #expect(throws: DomainError.self) {
              try await store.write { tx in
                _ = try tx.appendNotification(note("rolled back"))
                throw DomainError.invalidArgument("refused")
              }
            }
            try await store.write { tx in _ = try tx.appendNotification(note("kept")) }
            try await store.write { tx in
              try tx.enqueueJob(kind: "renew", subject: "SUB-000001", dueAt: t0 + 60, now: t0)
              try tx.enqueueJob(kind: "renew", subject: "SUB-000002", dueAt: t0 + 30, now: t0)
            }
            // NOTIFYs arrive in commit order: once the last is heard, every earlier one is.
            #expect(await eventually(timeout: .seconds(20)) { heard.withLock { $0.count } >= 2 })
            #expect(heard.withLock { $0 } == ["orderd_log \(id)", "orderd_work \(id) 2026-01-01 00:00:30.000"])
          }
        }
      }
    }
  }

  @Test("two nodes writing one organization commit in position order: a reader never skips a position")
  func writerLockOrdersNodes() async throws {
    try await TestPostgres.withDatabase { location in
      try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { first in
        try await PostgresStorage.withRunning(location, logger: TestPostgres.quietLogger) { second in
          try await PostgresSchema.migrateRegistry(in: first)
          let id = OrganizationID.random()
          async let a = OrganizationStore.open(postgres: first, organizationID: id)
          async let b = OrganizationStore.open(postgres: second, organizationID: id)
          let stores = try await [a, b]
          let perNode = 100
          try await withThrowingTaskGroup(of: Void.self) { group in
            for (node, store) in stores.enumerated() {
              for writer in 0..<4 {
                group.addTask {
                  for index in 0..<(perNode / 4) {
                    try await store.write { tx in _ = try tx.appendNotification(note("\(node)-\(writer)-\(index)")) }
                  }
                }
              }
            }
            var last: Int64 = 0
            while last < Int64(2 * perNode) {
              let after = last
              let entries = try await stores[0].read { tx in try tx.notifications(after: after, limit: 1000) }
              for entry in entries {
                #expect(entry.position == last + 1, "a reader after \(last) saw \(entry.position)")
                last = entry.position
              }
            }
            try await group.waitForAll()
          }
        }
      }
    }
  }
}
