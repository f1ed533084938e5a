import Foundation
import GRDB
import OrderDomain
import Testing

@testable import OrderStorage

@Suite("Store: backorders received by the parent", .timeLimit(.minutes(5)))
struct BackorderInboxStoreTests {
  let tenant = OrganizationID("tenant-a")

  @Test("B3: a repeated (tenant, sequence) returns the stored backorder and changes nothing")
  func repeatIgnored() async throws {
    try await withStore { store in
      let (first, second, notifications) = try await store.write { tx in
        let account = try tx.seed().account
        let first = try tx.receiveBackorder(
          tenant: tenant, account: account.id, change: tenantChange(.sale, sequence: 1), now: t0)
        let second = try tx.receiveBackorder(
          tenant: tenant, account: account.id, change: tenantChange(.sale, sequence: 1), now: t0 + 60)
        return (first, second, try tx.notifications(after: 0).filter { $0.subject.kind == .backorder })
      }
      #expect(first.isNew && !second.isNew)
      #expect(first.backorder == second.backorder)
      #expect(first.backorder.id == "BKO-000001" && first.backorder.status == .received)
      #expect(first.backorder.sourceSequence == 1 && first.backorder.accountID == "ACC-000001")
      // BackorderReceived (B6) is the workflow's: storage writes none.
      #expect(notifications.isEmpty)
    }
  }

  @Test("B3: a change older than one already received is refused, so order is kept")
  func outOfOrder() async throws {
    try await withStore { store in
      let error = try await store.write { tx in
        let account = try tx.seed().account
        _ = try tx.receiveBackorder(
          tenant: tenant, account: account.id, change: tenantChange(.sale, sequence: 5), now: t0)
        return #expect(throws: DomainError.self) {
          try tx.receiveBackorder(
            tenant: tenant, account: account.id, change: tenantChange(.sale, sequence: 4), now: t0)
        }
      }
      #expect(error?.code == .failedPrecondition)
      #expect(error?.message.contains("arrived after its change 5") == true)
    }
  }

  @Test("B3: a stalled backorder is kept with its reason; later ones of the subscription wait behind it")
  func stallAndWait() async throws {
    try await withStore { store in
      let (stalled, waiting, other, notifications) = try await store.write { tx in
        let account = try tx.seed().account.id
        let first = try tx.receiveBackorder(
          tenant: tenant, account: account, change: tenantChange(.quantity, quantity: 8, sequence: 1), now: t0)
        let stalled = try tx.markBackorder(first.backorder.id, stalled: "SKU O365-E3 is not in the catalog")
        let waiting = try tx.receiveBackorder(
          tenant: tenant, account: account, change: tenantChange(.quantity, quantity: 9, sequence: 2), now: t0)
        let other = try tx.receiveBackorder(
          tenant: tenant, account: account,
          change: tenantChange(.quantity, subscription: "SUB-000007", quantity: 2, sequence: 3), now: t0)
        return (
          stalled, waiting.backorder, other.backorder,
          try tx.notifications(after: 0).filter { $0.subject.kind == .backorder }
        )
      }
      #expect(stalled.status == .stalled && stalled.reason == "SKU O365-E3 is not in the catalog")
      #expect(waiting.status == .waiting && waiting.waitingBehind == stalled.id)
      #expect(waiting.reason?.contains("waits behind backorder BKO-000001 (stalled)") == true)
      #expect(other.status == .received)
      #expect(notifications.isEmpty)
      let listed = try await store.read { tx in
        (try tx.backorders(status: .stalled), try tx.backorders(status: .waiting), try tx.backorders(tenant: tenant))
      }
      #expect(listed.0.map(\.id) == ["BKO-000001"])
      #expect(listed.1.map(\.id) == ["BKO-000002"])
      #expect(listed.2.map(\.sourceSequence) == [1, 2, 3])
    }
  }

  @Test("B3: once the stalled one is applied, the waiting one is next and applies once; nothing is deleted")
  func retryReleasesWaiting() async throws {
    try await withStore { store in
      try await store.write { tx in
        let seeded = try tx.seed()
        let account = seeded.account.id
        let first = try tx.receiveBackorder(
          tenant: tenant, account: account, change: tenantChange(.quantity, quantity: 8, sequence: 1), now: t0)
        try tx.markBackorder(first.backorder.id, stalled: "no link")
        let second = try tx.receiveBackorder(
          tenant: tenant, account: account, change: tenantChange(.quantity, quantity: 9, sequence: 2), now: t0)
        #expect(
          try tx.blockingBackorder(tenant: tenant, tenantSubscription: "SUB-000001", before: 2)?.id
            == first.backorder.id)
        let applied = try tx.markBackorder(
          first.backorder.id, applied: seeded.subscription.id, orderID: nil, now: t0 + 60)
        #expect(applied.status == .applied && applied.appliedAt == t0 + 60 && applied.reason == nil)
        #expect(try tx.blockingBackorder(tenant: tenant, tenantSubscription: "SUB-000001", before: 2) == nil)
        #expect(try tx.backorders(status: .waiting, tenant: tenant, tenantSubscription: "SUB-000001").count == 1)
        try tx.markBackorder(second.backorder.id, applied: seeded.subscription.id, orderID: nil, now: t0 + 60)
        let twice = #expect(throws: DomainError.self) {
          try tx.markBackorder(second.backorder.id, applied: nil, orderID: nil, now: t0)
        }
        #expect(twice?.code == .failedPrecondition)
        #expect(throws: (any Error).self) { try tx.sql.savepoint { try tx.sql.execute("DELETE FROM backorders") } }
        #expect(try tx.lastReceivedSequence(tenant: tenant) == 2)
      }
    }
  }

  @Test("B2: an applied sale links the tenant's subscription to the parent's")
  func link() async throws {
    try await withStore { store in
      try await store.write { tx in
        let seeded = try tx.seed()
        let received = try tx.receiveBackorder(
          tenant: tenant, account: seeded.account.id, change: tenantChange(.sale, sequence: 1), now: t0)
        #expect(try tx.parentSubscription(tenant: tenant, tenantSubscription: "SUB-000001") == nil)
        try tx.markBackorder(received.backorder.id, applied: seeded.subscription.id, orderID: nil, now: t0)
        #expect(try tx.parentSubscription(tenant: tenant, tenantSubscription: "SUB-000001") == seeded.subscription.id)
      }
    }
  }
}

@Suite("Store: retrying stalled backorders", .timeLimit(.minutes(5)))
struct BackorderRetryStoreTests {
  let tenant = OrganizationID("tenant-b")

  @Test("B3: only a stalled backorder is retried; the waiting ones are released in order afterwards")
  func retryAndRelease() async throws {
    try await withStore { store in
      try await store.write { tx in
        let seeded = try tx.seed()
        let account = seeded.account.id
        func receive(_ sequence: Int64, quantity: Int, subscription: SubscriptionID = "SUB-000001") throws -> Backorder
        {
          try tx.receiveBackorder(
            tenant: tenant, account: account,
            change: tenantChange(.quantity, subscription: subscription, quantity: quantity, sequence: sequence), now: t0
          ).backorder
        }
        let first = try receive(1, quantity: 6)
        try tx.markBackorder(first.id, stalled: "no link")
        let second = try receive(2, quantity: 7)
        let third = try receive(3, quantity: 8)
        #expect(second.status == .waiting && third.status == .waiting)
        let waitingRetry = #expect(throws: DomainError.self) { try tx.backorderToRetry(third.id) }
        #expect(waitingRetry?.message.contains("retry that one first") == true)
        #expect(try tx.nextReleasableBackorder(tenant: tenant) == nil)
        #expect(try tx.backorderToRetry(first.id).id == first.id)
        try tx.markBackorder(first.id, applied: seeded.subscription.id, orderID: nil, now: t0)
        #expect(try tx.nextReleasableBackorder(tenant: tenant)?.id == second.id)
        try tx.markBackorder(second.id, applied: seeded.subscription.id, orderID: nil, now: t0)
        #expect(try tx.nextReleasableBackorder(tenant: tenant)?.id == third.id)
        try tx.markBackorder(third.id, applied: seeded.subscription.id, orderID: nil, now: t0)
        #expect(try tx.nextReleasableBackorder(tenant: tenant) == nil)
        let applied = #expect(throws: DomainError.self) { try tx.backorderToRetry(first.id) }
        #expect(applied?.code == .failedPrecondition)
      }
    }
  }
}
