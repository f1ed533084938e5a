import Foundation
import GRDB
import OrderDomain
import Testing

@testable import OrderStorage

@Suite("Store: change timing, pending scheduled changes, settings, migration v5", .timeLimit(.minutes(5)))
struct SchedulingStoreTests {
  @Test("H1, H8: the timing is stored with the change order and cannot change; the vendor sync status can")
  func timing() async throws {
    try await withStore { store in
      try await store.write { tx in
        let order = try tx.changeOrder(try tx.seed(), status: .scheduled)
        try tx.recordScheduling(order: order.id, timing: .customDate, vendorSyncStatus: .pending)
        #expect(try tx.scheduling(of: order.id) == ChangeScheduling(timing: .customDate, vendorSyncStatus: .pending))
        try tx.updateVendorSyncStatus(of: order.id, to: .synced)
        #expect(try tx.scheduling(of: order.id)?.vendorSyncStatus == .synced)
        #expect(throws: (any Error).self) {
          try tx.sql.savepoint {
            try tx.sql.execute("UPDATE orderScheduling SET timing = 'now' WHERE orderID = ?", [order.id.rawValue])
          }
        }
        #expect(try tx.scheduling(of: "unknown") == nil)
        #expect(throws: DomainError.self) { try tx.updateVendorSyncStatus(of: "unknown", to: nil) }
      }
    }
  }

  @Test("H9: pending scheduled changes are listed by execution date; On Renewal runs at the end of the term")
  func pendingSorted() async throws {
    try await withStore { store in
      try await store.write { tx in
        let seeded = try tx.seed()
        let late = try tx.scheduledChange(seeded, timing: .customDate, date: t0 + 400 * 86_400, actions: [.quantity(9)])
        let onRenewal = try tx.scheduledChange(
          seeded, timing: .onRenewal, by: .vendorSystem, sync: .synced, actions: [.quantity(3)])
        let early = try tx.scheduledChange(seeded, timing: .customDate, date: t0 + 86_400, actions: [.quantity(7)])
        _ = try tx.changeOrder(seeded, status: .completed)
        let pending = try tx.pendingScheduledChanges(subscriptionID: seeded.subscription.id)
        #expect(pending.map(\.order.id) == [early.id, onRenewal.id, late.id])
        #expect(pending[1].executionDate == seeded.subscription.termEnd)
        #expect(pending[1].order.createdBy == .vendorSystem && pending[1].vendorSyncStatus == .synced)
        #expect(pending[1].actions == [.quantity(3)] && pending[1].timing == .onRenewal)
        #expect(try tx.pendingOnRenewalChange(subscriptionID: seeded.subscription.id)?.order.id == onRenewal.id)
      }
    }
  }

  @Test("H4, H8: a new change of the same timing supersedes the pending one, which leaves the listing")
  func supersede() async throws {
    try await withStore { store in
      try await store.write { tx in
        let seeded = try tx.seed()
        let id = seeded.subscription.id
        let platform = try tx.scheduledChange(seeded, timing: .onRenewal, actions: [.quantity(6)])
        let open = try tx.openOrderTimings(subscriptionID: id)
        #expect(open.timings[platform.id] == .onRenewal)
        let placement = try ScheduledChangePlacement.decide(
          timing: .onRenewal, subscription: id, openOrders: open.orders, timings: open.timings,
          futureRequest: try tx.futureRequest(of: id), by: .vendorSystem)
        #expect(placement.supersedes?.id == platform.id)
        let vendor = try tx.scheduledChange(
          seeded, timing: .onRenewal, by: .vendorSystem, sync: .synced, actions: [.quantity(4)])
        let superseded = try tx.transition(
          platform.id, to: .superseded, reason: "replaced by \(vendor.number)", by: .vendorSystem, now: t0)
        #expect(superseded.status == .superseded)
        #expect(try tx.pendingScheduledChanges(subscriptionID: id).map(\.order.id) == [vendor.id])
      }
    }
  }

  @Test("B1: settings default per kind, are validated and saved")
  func settings() async throws {
    try await withStore { store in
      try await store.write { tx in
        #expect(try tx.settings() == OrganizationSettings(scheduleHorizonDays: 365, backordering: nil))
        try tx.updateSettings(OrganizationSettings(scheduleHorizonDays: 30, backordering: false), kind: .tenant)
        #expect(try tx.settings() == OrganizationSettings(scheduleHorizonDays: 30, backordering: false))
        let error = #expect(throws: DomainError.self) {
          try tx.updateSettings(OrganizationSettings(backordering: true), kind: .countryTenant)
        }
        #expect(error?.code == .invalidArgument)
        #expect(throws: DomainError.self) {
          try tx.updateSettings(OrganizationSettings(scheduleHorizonDays: 0), kind: .root)
        }
        #expect(try tx.settings().scheduleHorizonDays == 30)
      }
    }
  }

  @Test("F5, A3: renewals and asset expiry are found through indexes", .sqliteOnly)
  func dueQueriesUseIndexes() async throws {
    try await withStore { store in
      try await store.read { tx in
        let plans = try [
          "SELECT * FROM subscriptions WHERE status = 'active' AND currentPeriodEnd <= '2026-01-01'",
          "SELECT * FROM assets WHERE status = 'active' AND expirationDate <= '2026-01-01'",
          "SELECT * FROM notifications WHERE subjectKind = 'subscription' AND subjectID = 'S' AND position > 0",
        ].map { sql in
          try Row.fetchAll(tx.sql.sqliteDatabase!, sql: "EXPLAIN QUERY PLAN \(sql)").map {
            $0["detail"] as String? ?? ""
          }
          .joined(separator: " ")
        }
        #expect(plans[0].contains("subscriptions_periodEnd"))
        #expect(plans[1].contains("assets_expiration"))
        #expect(plans[2].contains("notifications_subject"))
      }
    }
  }

  @Test("a v4 file is migrated to v5 on open: old orders have no timing, settings have defaults")
  func migratesV4() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    let old = try DatabaseQueue(path: url.path)
    try OrganizationSchema.migrator.migrate(old, upTo: OrganizationSchema.v4Name)
    try await old.write { db in
      try db.execute(
        sql: """
          INSERT INTO accounts (id, name, kind, createdAt) VALUES ('ACC-000001', 'Old', 'customer', '2026-01-01 00:00:00.000');
          INSERT INTO orders (id, number, type, status, accountID, createdAt, createdBy, totalMinor, currency)
          VALUES ('o1', 'CH-000001', 'CH', 'scheduled', 'ACC-000001', '2026-01-01 00:00:00.000', 'system', 100, 'USD');
          """)
    }
    try old.close()
    let store = try OrganizationStore.open(at: url, organizationID: id)
    defer { try? store.close() }
    let (order, scheduling, settings) = try await store.read { tx in
      (try tx.requireOrder("o1"), try tx.scheduling(of: "o1"), try tx.settings())
    }
    #expect(order.number == "CH-000001" && scheduling == nil)
    #expect(settings == OrganizationSettings())
    let applied = try await store.writer.read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
    }
    #expect(applied.last == OrganizationSchema.v12Name)
  }
}

extension OrganizationTransaction {
  /// A pending change order of the seeded subscription with its timing and actions:
  /// custom date waits in `scheduled`, On Renewal in `provisionFinished`.
  func scheduledChange(
    _ seeded: Seeded, timing: ChangeTiming, date: Date? = nil, by agent: Agent = .admin("k1"),
    sync: VendorSyncStatus? = nil, actions: [ChangeAction]
  ) throws -> Order {
    let line = OrderLine(sku: "O365-E3", quantity: 6, unitPrice: usd("20.00"), amount: usd("20.00"))
    var order = try createOrder(
      NewOrder(
        type: .change, status: timing == .customDate ? .scheduled : .executing, accountID: seeded.account.id,
        createdBy: agent, lines: [line], total: usd("20.00"), scheduledFor: date, subscriptionID: seeded.subscription.id
      ),
      now: t0)
    if timing == .onRenewal {
      order = try transition(order.id, to: .provisionFinished, reason: "accepted by the vendor", by: agent, now: t0)
    }
    try recordScheduling(order: order.id, timing: timing, vendorSyncStatus: sync)
    try recordChangeActions(actions, of: order.id)
    return order
  }
}
