import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderServer
import OrderStorage
import OrderTesting
import Testing

/// Issue 10: one organization's file breaks while the server is down. The server starts and
/// serves every other organization; the broken one answers a clear status (logged once), and
/// the background runner skips it without spinning.
@Suite("A broken organization file at the server", .sqliteOnly, .timeLimit(.minutes(3)))
struct BrokenOrganizationTests {
  enum Breakage: String, CaseIterable, Sendable {
    case truncated, newerSchema, unreadable

    func apply(_ url: URL) throws {
      switch self {
      case .truncated: try FileDamage.truncateToHalf(url)
      case .newerSchema: try FileDamage.markNewerSchema(url)
      case .unreadable:
        try FileDamage.settle(url)
        try FileDamage.setPermissions(url, 0o000)
      }
    }

    var code: RPCError.Code {
      switch self {
      case .truncated: return .dataLoss
      case .newerSchema: return .failedPrecondition
      case .unreadable: return .unavailable
      }
    }

    /// Root reads a file whatever its mode.
    static var testable: [Breakage] { FileDamage.readsEverything ? [.truncated, .newerSchema] : allCases }
  }

  struct World: Sendable {
    var broken: String
    var brokenKey: String
    var healthyKey: String
    var healthyOrder: String
  }

  @Test("only the broken organization fails, with its status and one log line", arguments: Breakage.testable)
  func brokenFile(_ breakage: Breakage) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-broken-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let world = try await TestOrderd.with(dataDirectory: directory) { orderd in
      let (broken, brokenAdmin) = try await orderd.root.createTenant("Broken")
      let (_, healthyAdmin) = try await orderd.root.createTenant("Healthy")
      var healthyOrder = ""
      for admin in [brokenAdmin, healthyAdmin] {
        _ = try await admin.createProduct(sku: "SEAT")
        let customer = try await admin.createAccount("Customer")
        healthyOrder = try await admin.schedule(account: customer.id, items: [("SEAT", 2)], on: "2027-01-10").id
      }
      return World(
        broken: broken.id, brokenKey: try #require(brokenAdmin.key), healthyKey: try #require(healthyAdmin.key),
        healthyOrder: healthyOrder)
    }
    let url = DataDirectory(directory).organizationURL(OrganizationID(world.broken))
    try breakage.apply(url)
    defer { try? FileDamage.setPermissions(url, 0o644) }

    let recorder = LogRecorder()
    try await TestOrderd.with(backgroundWork: .init(), dataDirectory: directory, logger: recorder.logger()) { orderd in
      let broken = orderd.caller(world.brokenKey)
      let healthy = orderd.caller(world.healthyKey)
      for _ in 0..<3 {
        do {
          _ = try await broken.accounts.listAccounts(.init(), metadata: broken.metadata())
          Issue.record("the broken organization answered")
        } catch let error as RPCError {
          #expect(error.code == breakage.code)
          #expect(error.message.contains("organization \(world.broken)"))
        }
      }
      #expect(await statusCode { _ = try await broken.createAccount("More") } == breakage.code)
      // Every other organization goes on, and so does the background work.
      _ = try await healthy.createAccount("Another")
      let passes = orderd.application.backgroundPasses
      try await orderd.root.advanceClock(by: "P10D")
      #expect(try await healthy.order(world.healthyOrder).status == "completed")
      try await Task.sleep(for: .milliseconds(500))
      #expect(orderd.application.backgroundPasses - passes < 20, "the runner spins on the broken organization")
      #expect(recorder.lines(containing: "storage failure", org: world.broken).count == 1)
      #expect(recorder.lines(containing: "background work of an organization failed", org: world.broken).count == 1)
    }
  }
}
