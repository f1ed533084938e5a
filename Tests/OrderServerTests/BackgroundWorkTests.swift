import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderServer
import OrderStorage
import OrderTesting
import SwiftProtobuf
import Testing

/// F6 on the system clock: the billing service runs due work by itself, however long it was
/// idle, and sleeps (without polling) while nothing is due.
@Suite("Background work on the system clock", .timeLimit(.minutes(3)))
struct BackgroundWorkTests {
  /// A runner whose longest sleep is `milliseconds`, so that a test sees many idle periods.
  static func idleWait(milliseconds: Int) -> BackgroundWorkConfiguration {
    var configuration = BackgroundWorkConfiguration()
    configuration.maximumIdleWait = .milliseconds(milliseconds)
    return configuration
  }

  @Test("F6, B2: after one and after many idle periods, a tenant's sale reaches the parent at once")
  func workAfterIdlePeriods() async throws {
    try await TestOrderd.with(clock: .system, backgroundWork: Self.idleWait(milliseconds: 40)) { orderd in
      let root = orderd.root
      _ = try await root.createProduct(sku: "BB")
      let (_, tenant) = try await root.createTenant("Tenant")
      _ = try await tenant.createProduct(sku: "BB")
      let account = try await tenant.createAccount("Customer")
      var sold = 0
      for idlePeriods in [1, 50] {
        let passes = orderd.application.backgroundPasses
        #expect(await eventually { orderd.application.backgroundPasses >= passes + idlePeriods })
        _ = try await tenant.placeOrder(account: account.id, items: [("BB", 7)])
        sold += 1
        let expected = sold
        let arrived = try await eventually(timeout: .seconds(20)) {
          try await root.backorders.listBackorders(.init(), metadata: root.metadata()).backorders
            .filter { $0.status == "applied" }.count == expected
        }
        #expect(arrived, "the sale placed after \(idlePeriods) idle periods did not reach the parent")
      }
    }
  }

  @Test("F6: a job due seconds ahead runs by itself at its time (a 2-second provisioning delay)")
  func delayedProvisioning() async throws {
    // The default idle wait (60 s): the runner must wake for the job, not for its timeout.
    try await TestOrderd.with(clock: .system, backgroundWork: .init()) { orderd in
      let admin = orderd.root
      _ = try await admin.createProduct(sku: "SLOW")
      try await admin.setVendorBehavior(sku: "SLOW") { $0.provisioningDelay = "PT2S" }
      let account = try await admin.createAccount("Customer")
      let placed = ContinuousClock.now
      let order = try await admin.placeOrder(account: account.id, items: [("SLOW", 1)])
      #expect(order.status != "completed")
      let completed = try await eventually(timeout: .seconds(30)) {
        try await admin.order(order.id).status == "completed"
      }
      #expect(completed)
      #expect(ContinuousClock.now - placed >= .seconds(2), "provisioned before the vendor's delay was over")
    }
  }

  @Test("F6: jobs enqueued by writes racing with the runner's passes all run (none loses its wake-up)")
  func concurrentWritesKeepTheirWakeups() async throws {
    try await TestOrderd.with(clock: .system, backgroundWork: Self.idleWait(milliseconds: 20)) { orderd in
      let admin = orderd.root
      _ = try await admin.createProduct(sku: "SOON")
      try await admin.setVendorBehavior(sku: "SOON") { $0.provisioningDelay = "PT1S" }
      let account = try await admin.createAccount("Customer")
      // Rounds of concurrent orders, each enqueuing a job due a second later, while the
      // runner keeps passing over the organization.
      var placed: [String] = []
      for _ in 1...3 {
        placed += try await withThrowingTaskGroup(of: String.self) { group in
          for _ in 1...10 {
            group.addTask { try await admin.placeOrder(account: account.id, items: [("SOON", 1)]).id }
          }
          return try await group.reduce(into: []) { $0.append($1) }
        }
      }
      let done = try await eventually(timeout: .seconds(60), every: .milliseconds(100)) {
        let orders = try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders
        return orders.filter { placed.contains($0.id) && $0.status == "completed" }.count == placed.count
      }
      #expect(done, "some provisioning jobs never ran")
    }
  }

  @Test("F6, N2: an idle runner and an idle watcher stay asleep (no polling)")
  func idleStaysAsleep() async throws {
    try await TestOrderd.with(clock: .system, backgroundWork: .init()) { orderd in
      let admin = orderd.root
      _ = try await admin.createProduct(sku: "LATER")
      let account = try await admin.createAccount("Customer")
      let inAWeek = Date().addingTimeInterval(7 * 86_400).formatted(.iso8601.year().month().day())
      _ = try await admin.schedule(account: account.id, items: [("LATER", 1)], on: inAWeek)
      let watch = Task {
        try await admin.notifications.watchNotifications(.with { $0.after = 0 }, metadata: admin.metadata()) {
          response in
          for try await _ in response.messages {}
        }
      }
      defer { watch.cancel() }
      #expect(await eventually { orderd.application.suspendedWatchers == 1 })
      let passes = orderd.application.backgroundPasses
      let sleeps = orderd.application.watcherSleeps
      // A quiet period: nothing is due and nothing is written, so nothing may run.
      try await Task.sleep(for: .seconds(2))
      // At most the pass woken by the last write may still start late.
      #expect(orderd.application.backgroundPasses - passes <= 1)
      #expect(orderd.application.watcherSleeps == sleeps)
      #expect(orderd.application.suspendedWatchers == 1)
    }
  }
}

/// F6 on a simulated clock, with the background runner working beside clock advances.
@Suite("Clock advances beside background work", .timeLimit(.minutes(3)))
struct ClockAdvanceConcurrencyTests {
  @Test("F6, B2: advancing the clock right after a backordered sale always answers (40 rounds)")
  func advanceRightAfterSale() async throws {
    try await TestOrderd.with(backgroundWork: .init()) { orderd in
      let root = orderd.root
      _ = try await root.createProduct(sku: "BB")
      let (_, tenant) = try await root.createTenant("Tenant")
      _ = try await tenant.createProduct(sku: "BB")
      let account = try await tenant.createAccount("Customer")
      var options = CallOptions.defaults
      options.timeout = .seconds(30)
      let rounds = 40
      for round in 1...rounds {
        _ = try await tenant.placeOrder(account: account.id, items: [("BB", 1)])
        let moved = try await root.clock.advanceClock(
          .with { $0.by = "PT1M" }, metadata: root.metadata(), options: options)
        #expect(moved.now.date == TestOrderd.start.addingTimeInterval(Double(round) * 60))
      }
      let backorders = try await root.backorders.listBackorders(.init(), metadata: root.metadata()).backorders
      #expect(backorders.count == rounds)
      #expect(backorders.allSatisfy { $0.status == "applied" })
    }
  }

  @Test("F6, S4, B2: orders due on one day in many tenants all execute once, with their backorders")
  func dueWorkAcrossOrganizations() async throws {
    try await TestOrderd.with { orderd in
      let root = orderd.root
      _ = try await root.createProduct(sku: "BB")
      let tenants = 12
      let ordersEach = 15
      var admins: [Caller<TestOrderd.Transport>] = []
      for index in 1...tenants {
        let kind: Orders_V1_OrganizationKind = index.isMultiple(of: 3) ? .countryTenant : .tenant
        let (_, admin) = try await root.createTenant("Tenant \(index)", kind: kind)
        _ = try await admin.createProduct(sku: "BB")
        let account = try await admin.createAccount("Customer")
        for _ in 1...ordersEach {
          _ = try await admin.schedule(account: account.id, items: [("BB", 2)], on: "2027-01-15")
        }
        admins.append(admin)
      }
      var options = CallOptions.defaults
      options.timeout = .seconds(120)
      _ = try await root.clock.advanceClock(.with { $0.by = "P20D" }, metadata: root.metadata(), options: options)
      var backordering = 0
      for (index, admin) in admins.enumerated() {
        let orders = try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders
        #expect(orders.count == ordersEach)
        #expect(orders.allSatisfy { $0.status == "completed" }, "tenant \(index + 1)")
        #expect(try await admin.invoices().count == ordersEach)
        if !(index + 1).isMultiple(of: 3) { backordering += 1 }
      }
      // More than the default page of 100 (PROTOCOL.md §13): one page of the maximum size.
      let backorders = try await root.backorders.listBackorders(.with { $0.pageSize = 1000 }, metadata: root.metadata())
        .backorders
      #expect(backorders.count == backordering * ordersEach)
      #expect(backorders.allSatisfy { $0.status == "applied" })
      #expect(Set(backorders.map(\.id)).count == backorders.count)
    }
  }
}

/// F6: one job that fails does not hold back, undo or repeat the others of its batch.
@Suite("Due jobs in batches", .timeLimit(.minutes(2)))
struct JobBatchTests {
  @Test("F6, S4: a job that fails is kept for a retry with its error; the orders due with it execute once")
  func failingJobInBatch() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      _ = try await admin.createProduct(sku: "BB")
      let account = try await admin.createAccount("Customer")
      for _ in 1...5 {
        _ = try await admin.schedule(account: account.id, items: [("BB", 1)], on: "2027-01-10")
      }
      // A job this server has no handler for (a newer server's, say), due among the orders.
      let root = orderd.application.rootOrganization.id
      let due = TestOrderd.start.addingTimeInterval(9 * 86_400)
      try await orderd.application.databases.withStore(root) { store in
        try await store.write { tx in
          _ = try tx.enqueueJob(kind: "fromTheFuture", subject: "x", dueAt: due, now: TestOrderd.start)
        }
      }
      try await orderd.application.registry.setWakeup(root, dueAt: due)
      try await admin.advanceClock(by: "P12D")
      let orders = try await admin.orders.listOrders(.init(), metadata: admin.metadata()).orders
      #expect(orders.count == 5)
      #expect(orders.allSatisfy { $0.status == "completed" })
      #expect(try await admin.invoices().count == 5)
      let kept = try await orderd.application.databases.withStore(root) { store in
        try await store.read { tx in try tx.jobs(kind: "fromTheFuture", subject: "x") }
      }
      #expect(kept.count == 1)
      // Retried hourly from its due date to the clock's (3 days): kept, never dropped.
      #expect(kept.first?.attempts == 73)
      #expect(kept.first?.lastError == "no handler for job kind fromTheFuture")
      #expect(try #require(kept.first).dueAt > TestOrderd.start.addingTimeInterval(12 * 86_400))
    }
  }
}
