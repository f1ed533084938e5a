import Foundation
import GRPCCore
import OrderProtocol
import OrderServer
import OrderTesting
import SwiftProtobuf
import Testing

/// Issue 13: a write that enqueues only work due later than the runner's next wake leaves the
/// runner asleep (no pass per scheduled order), and that work still runs when due.
@Suite("The runner sleeps through work due later", .timeLimit(.minutes(3)))
struct RunnerWakeTests {
  /// Places `count` sales orders of one seat scheduled for `date`; returns their ids.
  private func schedule(_ count: Int, on date: String, caller: Caller<TestOrderd.Transport>, account: String)
    async throws -> [String]
  {
    var ids: [String] = []
    for _ in 0..<count {
      let order = try await caller.orders.placeOrder(
        .with {
          $0.accountID = account
          $0.scheduledFor = date
          $0.items = [
            .with {
              $0.sku = "SEAT"
              $0.quantity = 1
            }
          ]
        }, metadata: caller.metadata())
      #expect(order.status == "scheduled")
      ids.append(order.id)
    }
    return ids
  }

  @Test("S1, F6: orders scheduled days ahead wake no pass of a sleeping runner (system clock)")
  func scheduledOrdersLeaveTheRunnerAsleep() async throws {
    try await TestOrderd.with(clock: .system, backgroundWork: .init()) { orderd in
      let admin = orderd.root
      _ = try await admin.createProduct(sku: "SEAT")
      let account = try await admin.createAccount("Customer")
      #expect(await eventually { orderd.application.backgroundPasses >= 1 })
      let passes = orderd.application.backgroundPasses
      let skipped = orderd.application.backgroundWakesSkipped
      let date = UTCDay.string(Date().addingTimeInterval(10 * 86_400))
      _ = try await self.schedule(30, on: date, caller: admin, account: account.id)
      // The runner may be awake for the first few (after the setup's writes); not for all.
      #expect(orderd.application.backgroundWakesSkipped - skipped >= 20)
      #expect(orderd.application.backgroundPasses - passes <= 10)
    }
  }

  @Test("S1, F6: orders that left the runner asleep all execute when the clock reaches their date")
  func skippedWakesLoseNoWork() async throws {
    try await TestOrderd.with(backgroundWork: .init()) { orderd in
      let admin = orderd.root
      _ = try await admin.createProduct(sku: "SEAT")
      let account = try await admin.createAccount("Customer")
      let skipped = orderd.application.backgroundWakesSkipped
      let ids = try await self.schedule(40, on: "2027-01-06", caller: admin, account: account.id)
      #expect(orderd.application.backgroundWakesSkipped - skipped >= 30)
      try await admin.advanceClock(by: "P10D")
      for id in ids {
        #expect(try await admin.order(id).status == "completed")
      }
    }
  }
}

/// `YYYY-MM-DD` of a date in UTC.
enum UTCDay {
  static func string(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }
}
