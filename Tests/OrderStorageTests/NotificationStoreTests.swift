import Foundation
import GRDB
import OrderDomain
import Testing

@testable import OrderStorage

@Suite("Store: notification log", .timeLimit(.minutes(5)))
struct NotificationStoreTests {
  func note(_ account: AccountID?, _ text: String) -> NewNotification {
    NewNotification(
      type: .subscriptionChanged, time: t0, subject: .subscription("SUB-000001"), accountID: account, text: text)
  }

  @Test("N1: notifications keep their order; listing resumes after a position; storefront sees its account only")
  func ordering() async throws {
    try await withStore { store in
      let (a, b) = try await store.write { tx in
        let a = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
        let b = try tx.createAccount(NewAccount(name: "B", kind: .customer), now: t0)
        for index in 0..<5 { try tx.appendNotification(note(index.isMultiple(of: 2) ? a.id : b.id, "n\(index)")) }
        try tx.appendNotification(note(nil, "org-wide"))
        return (a.id, b.id)
      }
      let all = try await store.read { tx in try tx.notifications(after: 0) }
      #expect(all.map(\.text) == ["n0", "n1", "n2", "n3", "n4", "org-wide"])
      #expect(all.map(\.position) == [1, 2, 3, 4, 5, 6])
      let page = try await store.read { tx in try tx.notifications(after: 2, limit: 2) }
      #expect(page.map(\.text) == ["n2", "n3"])
      let onlyB = try await store.read { tx in try tx.notifications(after: 0, accountID: b) }
      #expect(onlyB.map(\.text) == ["n1", "n3"])
      #expect(try await store.read { tx in try tx.notifications(after: 3, accountID: a) }.map(\.text) == ["n4"])
      #expect(try await store.read { tx in try tx.lastNotificationPosition() } == 6)
    }
  }

  @Test("N2: positions are never reused, also after entries are removed and the file is reopened")
  func neverReused() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    let first = try OrganizationStore.open(at: url, organizationID: id)
    try await first.write { tx in for index in 0..<3 { try tx.appendNotification(note(nil, "n\(index)")) } }
    try await first.writer.write { db in try db.execute(sql: "DELETE FROM notifications WHERE position = 3") }
    try first.close()
    let second = try OrganizationStore.open(at: url, organizationID: id)
    defer { try? second.close() }
    let appended = try await second.write { tx in try tx.appendNotification(note(nil, "after restart")) }
    #expect(appended.position == 4)
    await #expect(throws: DatabaseError.self) {
      try await second.writer.write { db in try db.execute(sql: "UPDATE notifications SET text = 'x'") }
    }
  }

  @Test("N1: a notification is appended in the event's transaction: a rolled-back event leaves none")
  func sameTransaction() async throws {
    try await withStore { store in
      struct Refused: Error {}
      await #expect(throws: Refused.self) {
        try await store.write { tx in
          let order = try tx.changeOrder(try tx.seed())
          try tx.appendNotification(note(order.accountID, "order \(order.number) created"))
          throw Refused()
        }
      }
      let log = try await store.read { tx in try tx.notifications(after: 0) }
      #expect(log.isEmpty)
    }
  }
}
