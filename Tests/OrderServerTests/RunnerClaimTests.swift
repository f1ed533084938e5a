import Foundation
import OrderDomain
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

@testable import OrderServer
@testable import OrderStorage

/// Issue 14: the runner runs only the organizations it claimed for its node, and settling
/// releases its claims.
@Suite("The runner's claims on due work", .timeLimit(.minutes(2)))
struct RunnerClaimTests {
  @Test("F6, S1: work claimed by another node waits until that claim expires, then runs once; settling releases")
  func otherNodesClaimHoldsWorkBack() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let registry = orderd.application.registry
      let organization = orderd.application.rootOrganization.id
      _ = try await admin.createProduct(sku: "SEAT")
      let account = try await admin.createAccount("Customer")
      let order = try await admin.orders.placeOrder(
        .with {
          $0.accountID = account.id
          $0.scheduledFor = "2027-01-02"
          $0.items = [
            .with {
              $0.sku = "SEAT"
              $0.quantity = 1
            }
          ]
        }, metadata: admin.metadata())
      // Another node claims the organization's due work (its early wake-up) for an hour.
      let other = NodeID(rawValue: "node-other")
      let claimed = try await registry.claimDueWakeups(
        by: .distantFuture, for: other, lease: .seconds(3600), now: Date())
      #expect(claimed.map(\.0) == [organization])
      try await orderd.application.runDueWork()
      #expect(try await registry.claim(of: organization)?.node == other)  // left alone, not settled

      // An advance waits for that work, looking again every second, not in a loop.
      let passes = orderd.application.backgroundPasses
      let advance = Task { try await admin.advanceClock(by: "P2D") }
      #expect(await eventually { orderd.application.backgroundPasses >= passes + 2 })
      #expect(orderd.application.backgroundPasses < passes + 10)
      #expect(try await admin.order(order.id).status == "scheduled")
      // The other node dies: once its claim has expired, this node runs the work, once.
      try await registry.write { sql -> Void in
        try sql.execute("UPDATE wakeups SET claimExpiresAt = ?", [Date().addingTimeInterval(-1)])
      }
      try await advance.value
      #expect(try await admin.order(order.id).status == "completed")
      #expect(try await registry.claim(of: organization) == nil)
      #expect(orderd.application.node != other)
    }
  }

  @Test("F6: while an organization runs longer than a third of the lease, its claim is renewed")
  func longRunRenewsTheClaim() async throws {
    var work = BackgroundWorkConfiguration()
    work.workLease = .milliseconds(300)
    try await TestOrderd.with(backgroundWork: work) { orderd in
      let registry = orderd.application.registry
      let organization = orderd.application.rootOrganization.id
      // Due only at the claim below, never for the runner's own passes at the clock's time.
      try await registry.replaceWakeup(organization, dueAt: .distantFuture)
      let node = orderd.application.node
      _ = try await registry.claimDueWakeups(by: .distantFuture, for: node, lease: .milliseconds(300), now: Date())
      let first = try #require(try await registry.claim(of: organization)).expires
      let renewed = try await orderd.application.scheduler.renewingClaim(on: organization) {
        // An organization still running after several renewals (every 100 ms).
        await eventually { ((try? await registry.claim(of: organization))?.expires ?? first) > first + 0.25 }
      }
      #expect(renewed)
      #expect(try await registry.claim(of: organization)?.node == node)
    }
  }

  @Test("F6: an organization whose work fails as a whole gives up its claim, its work still due")
  func failureReleasesTheClaim() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-claims-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let tenant = try await TestOrderd.with(dataDirectory: directory) { orderd in
      let (tenant, admin) = try await orderd.root.createTenant("Broken")
      _ = try await admin.createProduct(sku: "SEAT")
      let customer = try await admin.createAccount("Customer")
      _ = try await admin.schedule(account: customer.id, items: [("SEAT", 1)], on: "2027-01-03")
      return OrganizationID(tenant.id)
    }
    try FileDamage.markNewerSchema(DataDirectory(directory).organizationURL(tenant))
    try await TestOrderd.with(dataDirectory: directory) { orderd in
      try await orderd.root.advanceClock(by: "P5D")
      let registry = orderd.application.registry
      #expect(try await registry.claim(of: tenant) == nil)
      #expect(try await registry.dueWakeups(by: .distantFuture).map(\.0).contains(tenant))
    }
  }
}
