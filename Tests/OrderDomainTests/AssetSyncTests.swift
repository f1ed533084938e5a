import Foundation
import OrderDomain
import Testing

@Suite("Asset sync", .timeLimit(.minutes(5)))
struct AssetSyncTests {
  let asset = Asset(
    id: "AST-000001", accountID: customer.id, sku: "AV", name: "Antivirus", status: .active,
    syncStatus: .synchronized, purchaseDate: now, orderID: "o1")

  @Test("A1: a failed provisioning stores the vendor's reason; A2: a resync retries and fills missing data")
  func failAndResync() {
    let failed = asset.applying(.failed(reason: "vendor microsoft rejected provisioning"))
    #expect(failed.syncStatus == .failed)
    #expect(failed.syncError == "vendor microsoft rejected provisioning")
    #expect(failed.syncAttempts == 1)
    #expect(failed.needsResync)
    let retry = failed.vendorRequest(vendor: .microsoft, behavior: .normal, now: now)
    #expect(retry.attempt == 2)
    #expect(retry.operation == .provisionAsset("AST-000001", purchaseDate: now, term: nil))
    let fixed = failed.applying(SimulatedVendor.handle(retry))
    #expect(fixed.syncStatus == .synchronized && fixed.syncError == nil)
    #expect(fixed.expirationDate != nil && fixed.softwareID != nil)
    #expect(!fixed.needsResync)
  }

  @Test("A2: a synchronized asset without vendor data refreshes it; known data is kept")
  func refresh() {
    #expect(asset.needsResync)
    #expect(
      asset.vendorRequest(vendor: .generic, behavior: .normal, now: now).operation
        == .refreshAsset("AST-000001", purchaseDate: now, term: nil))
    var known = asset
    known.softwareID = "SW-KNOWN"
    let updated = known.applying(.provisioned(VendorData(readyAt: now, expirationDate: now + 10)))
    #expect(updated.softwareID == "SW-KNOWN")
    #expect(updated.expirationDate == now + 10)
  }

  @Test("A2: automatic retries back off 1 min, 5 min, 30 min, 2 h, then stop")
  func retrySchedule() {
    let schedule = RetrySchedule.standard
    let delays = (1...8).map { schedule.nextAttempt(after: $0, failedAt: now).map { $0.timeIntervalSince(now) } }
    #expect(delays == [60, 300, 1800, 7200, 7200, 7200, 7200, nil])
    #expect(schedule.nextAttempt(after: 0, failedAt: now) == nil)
  }

  @Test("A3: an asset expires on its expiration date")
  func expiry() {
    var dated = asset
    dated.expirationDate = now + 60
    #expect(dated.expiring(at: now) == nil)
    #expect(dated.expiring(at: now + 60)?.status == .expired)
    #expect(asset.expiring(at: now + 1_000_000) == nil)
  }
}
