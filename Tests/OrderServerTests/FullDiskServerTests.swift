import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderTesting
import Testing

@testable import OrderServer

/// Issue 10: a tenant's disk fills up (SQLite's `max_page_count` on its writer connection plays
/// it). Its writes fail with RESOURCE_EXHAUSTED naming the cause and the organization, its
/// reads and every other organization go on, its background work waits; once space is back
/// the same calls succeed and the waiting work runs by itself. The log says so once.
@Suite("A full disk at the server", .sqliteOnly, .timeLimit(.minutes(3)))
struct FullDiskServerTests {
  @Test("writes fail with RESOURCE_EXHAUSTED, reads go on, background work pauses and resumes by itself")
  func fullDisk() async throws {
    let recorder = LogRecorder()
    // Retries after 0.2 s doubling to 1 s (2 s to a minute in production), to keep the test short.
    var work = BackgroundWorkConfiguration()
    work.scheduler.storageRetry = Backoff(first: .milliseconds(200), maximum: .seconds(1))
    try await TestOrderd.with(backgroundWork: work, logger: recorder.logger()) { orderd in
      let (tenant, admin) = try await orderd.root.createTenant("Full")
      let (_, other) = try await orderd.root.createTenant("Other")
      let organization = OrganizationID(tenant.id)
      _ = try await admin.createProduct(sku: "AV", kind: .asset, price: "5.00")
      let customer = try await admin.createAccount("Customer")
      // Executing this order writes 60 assets: pages the full disk does not have.
      let scheduled = try await admin.schedule(account: customer.id, items: [("AV", 60)], on: "2027-01-10")

      try await orderd.application.databases.withStore(organization) { store in try await store.limitToCurrentSize() }
      let big = String(repeating: "n", count: 2000)
      var full: RPCError?
      for _ in 0..<50 {
        do {
          _ = try await admin.createAccount(big)
        } catch let error as RPCError {
          full = error
          break
        }
      }
      let error = try #require(full, "the disk never filled up")
      #expect(error.code == .resourceExhausted)
      #expect(error.message.contains("the disk is full"))
      #expect(error.message.contains("organization \(tenant.id)"))
      let placed = await statusCode { _ = try await admin.placeOrder(account: customer.id, items: [("AV", 60)]) }
      #expect(placed == .resourceExhausted)

      // Reads go on; so does every other organization.
      #expect(try await admin.order(scheduled.id).status == "scheduled")
      let accounts = try await admin.accounts.listAccounts(.init(), metadata: admin.metadata()).accounts
      #expect(accounts.contains { $0.id == customer.id })
      #expect(try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders.count == 1)
      _ = try await other.createAccount("Unaffected")

      // The scheduled order comes due: its organization's work waits; the clock moves on.
      try await orderd.root.advanceClock(by: "P10D")
      #expect(try await admin.order(scheduled.id).status == "scheduled")
      // The runner tries again by itself, again and again: still one line per episode.
      let retried = await eventually(timeout: .seconds(90)) {
        (orderd.application.scheduler.paused.pause(of: organization)?.failures ?? 0) >= 3
      }
      #expect(retried, "the runner did not try the organization again by itself")
      #expect(recorder.lines(containing: "storage failure", org: tenant.id).count == 1)
      #expect(recorder.lines(containing: "background work of an organization failed", org: tenant.id).count == 1)

      // Space is back: the same calls succeed, and the waiting work runs by itself.
      try await orderd.application.databases.withStore(organization) { store in try await store.removePageLimit() }
      _ = try await admin.createAccount(big)
      let order = try await admin.placeOrder(account: customer.id, items: [("AV", 60)])
      #expect(order.status == "completed")
      let executed = try await eventually(timeout: .seconds(60)) {
        try await admin.order(scheduled.id).status == "completed"
      }
      #expect(executed, "the scheduled order did not run once space was back")
      #expect(recorder.lines(containing: "storage works again", org: tenant.id).count == 1)
      #expect(
        await eventually {
          recorder.lines(containing: "background work of an organization resumed", org: tenant.id).count == 1
        })
      #expect(recorder.lines(containing: "storage failure", org: tenant.id).count == 1)
    }
  }
}
