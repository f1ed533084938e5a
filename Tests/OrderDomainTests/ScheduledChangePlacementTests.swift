import Foundation
import OrderDomain
import Testing

@Suite("Scheduled changes: one of each timing per subscription", .timeLimit(.minutes(5)))
struct ScheduledChangePlacementTests {
  func decide(
    _ timing: ChangeTiming, orders: [Order], timings: [OrderID: ChangeTiming], futureRequest: FutureRequest? = nil,
    by agent: Agent = .admin("k1")
  ) throws -> ScheduledChangePlacement {
    try ScheduledChangePlacement.decide(
      timing: timing, subscription: "SUB-000001", openOrders: orders, timings: timings, futureRequest: futureRequest,
      by: agent)
  }

  @Test("H4: a new custom-date change replaces the pending custom-date change, not the On Renewal one")
  func customDateReplaces() throws {
    let custom = changeOrder(1, status: .scheduled, scheduledFor: mar31)
    let onRenewal = changeOrder(2, status: .provisionFinished)
    let placement = try decide(
      .customDate, orders: [custom, onRenewal], timings: [custom.id: .customDate, onRenewal.id: .onRenewal])
    #expect(placement.supersedes == custom && !placement.revokesFutureRequest)
  }

  @Test("H4: a new On Renewal change replaces the one waiting in provisionFinished")
  func onRenewalReplaces() throws {
    let custom = changeOrder(1, status: .scheduled, scheduledFor: mar31)
    let onRenewal = changeOrder(2, status: .provisionFinished)
    let placement = try decide(
      .onRenewal, orders: [custom, onRenewal], timings: [custom.id: .customDate, onRenewal.id: .onRenewal])
    #expect(placement.supersedes == onRenewal)
  }

  @Test("H4: the first scheduled change of its timing replaces nothing")
  func nothingToReplace() throws {
    let onRenewal = changeOrder(2, status: .provisionFinished)
    #expect(try decide(.customDate, orders: [onRenewal], timings: [onRenewal.id: .onRenewal]).supersedes == nil)
    #expect(try decide(.now, orders: [onRenewal], timings: [onRenewal.id: .onRenewal]).supersedes == nil)
  }

  @Test("H4: no scheduled change while an order of the subscription is in progress")
  func refusedWhileInProgress() {
    let busy = changeOrder(3, status: .provisioning)
    let error = #expect(throws: DomainError.self) {
      try decide(.customDate, orders: [busy], timings: [busy.id: .now])
    }
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message.contains("order CH-000003 in progress (provisioning)") == true)
  }

  @Test("H4, F1: an On Renewal change is refused while a future request exists")
  func futureRequestFirst() {
    let error = #expect(throws: DomainError.self) {
      try decide(.onRenewal, orders: [], timings: [:], futureRequest: request(8))
    }
    #expect(error?.message.contains("revoke it before scheduling an On Renewal change") == true)
  }

  @Test(
    "H8: a vendor-side On Renewal change overrides the platform's, its future request, even with an order in progress")
  func vendorOverrides() throws {
    let platform = changeOrder(1, status: .provisionFinished, createdBy: .admin("k1"))
    let busy = changeOrder(2, status: .executing)
    let placement = try decide(
      .onRenewal, orders: [platform, busy], timings: [platform.id: .onRenewal, busy.id: .now],
      futureRequest: request(8), by: .vendorSystem)
    #expect(placement.supersedes == platform)
    #expect(placement.revokesFutureRequest)
  }

  @Test("H9: scheduled changes are sorted by execution date")
  func sortedByExecutionDate() {
    let late = ScheduledChange(
      order: changeOrder(1, status: .provisionFinished), timing: .onRenewal, vendorSyncStatus: .synced,
      actions: [.quantity(3)], executionDate: mar31)
    let early = ScheduledChange(
      order: changeOrder(2, status: .scheduled, scheduledFor: feb28), timing: .customDate, vendorSyncStatus: nil,
      actions: [.quantity(9)], executionDate: feb28)
    #expect(ScheduledChange.sorted([late, early]) == [early, late])
    #expect(ScheduledChange.isPending(early.order, timing: .customDate))
    #expect(!ScheduledChange.isPending(early.order, timing: .onRenewal))
  }
}
