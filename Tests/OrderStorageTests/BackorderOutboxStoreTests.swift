import Foundation
import OrderDomain
import OrderStorage
import Testing

/// A tenant change of `subscription` for the outbox or the inbox.
func tenantChange(
  _ kind: BackorderKind, subscription: SubscriptionID = "SUB-000001", quantity: Int = 5, sequence: Int64? = nil,
  sku: String = "O365-E3"
) -> BackorderChange {
  BackorderChange(
    sequence: sequence, subscriptionID: subscription, kind: kind, sku: sku, quantity: quantity,
    orderNumber: "SO-000001", at: t0)
}

@Suite("Store: the tenant's backorder outbox", .timeLimit(.minutes(5)))
struct BackorderOutboxStoreTests {
  @Test("B3: the outbox keeps changes in order with increasing sequences that are never reused")
  func orderAndSequences() async throws {
    try await withStore { store in
      let appended = try await store.write { tx in
        try tx.appendOutbox([tenantChange(.sale), tenantChange(.quantity, quantity: 8), tenantChange(.cancellation)])
      }
      #expect(appended.map(\.sequence) == [1, 2, 3])
      let (first, removed, rest) = try await store.write { tx in
        (try tx.outbox(limit: 2), try tx.deleteOutbox(upTo: 2), try tx.outbox())
      }
      #expect(first.map(\.kind) == [.sale, .quantity])
      #expect(first.last?.quantity == 8 && first.last?.orderNumber == "SO-000001" && first.last?.at == t0)
      #expect(removed == 2)
      #expect(rest.map(\.sequence) == [3])
      let again = try await store.write { tx in
        #expect(try tx.deleteOutbox(sequence: 3))
        #expect(try !tx.deleteOutbox(sequence: 3))
        return try tx.appendOutbox([tenantChange(.quantity)])
      }
      #expect(again.map(\.sequence) == [4])
    }
  }

  @Test("B3: an outbox entry is durable exactly when the change it reports is: a rollback drops both")
  func atomicWithChange() async throws {
    try await withStore { store in
      struct Crash: Error {}
      await #expect(throws: Crash.self) {
        try await store.write { tx in
          try tx.appendOutbox([tenantChange(.sale)])
          throw Crash()
        }
      }
      let count = try await store.read { tx in try tx.outboxCount() }
      #expect(count == 0)
    }
  }

  @Test("B2: an add-on's sale keeps its base subscription through the outbox")
  func addonBase() async throws {
    try await withStore { store in
      var change = tenantChange(.sale, subscription: "SUB-000002", sku: "O365-ADDON")
      change.baseSubscriptionID = "SUB-000001"
      let addon = change
      let stored = try await store.write { tx in
        try tx.appendOutbox([addon])
        return try tx.outbox()
      }
      #expect(stored.first?.baseSubscriptionID == "SUB-000001")
    }
  }
}

@Suite("Registry: child accounts", .timeLimit(.minutes(5)))
struct ParentAccountTests {
  @Test("B2: a child's own account in its parent is recorded and survives reopening")
  func parentAccount() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let child = try await {
      let registry = try Registry(directory: temporary.directory)
      defer { try? registry.close() }
      let root = try await registry.bootstrap(now: t0).root
      let child = try await registry.createOrganization(name: "Tenant", kind: .tenant, parent: root.id, now: t0)
      #expect(child.organization.parentAccountID == nil)
      let updated = try await registry.setParentAccount(child: child.organization.id, account: "ACC-000004")
      #expect(updated.parentAccountID == "ACC-000004")
      let error = await #expect(throws: DomainError.self) {
        try await registry.setParentAccount(child: root.id, account: "ACC-000001")
      }
      #expect(error?.code == .failedPrecondition)
      let missing = await #expect(throws: DomainError.self) {
        try await registry.setParentAccount(child: "nope", account: "ACC-000001")
      }
      #expect(missing?.code == .notFound)
      return child.organization.id
    }()
    let reopened = try Registry(directory: temporary.directory)
    defer { try? reopened.close() }
    #expect(try await reopened.organization(id: child)?.parentAccountID == "ACC-000004")
  }
}
