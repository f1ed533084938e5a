import Foundation
import OrderDomain
import Testing

@Suite("Vendors", .timeLimit(.minutes(5)))
struct VendorTests {
  @Test("C2: built-in vendor capabilities")
  func capabilities() throws {
    let microsoft = VendorCapabilities.of(.microsoft)
    #expect(microsoft.timings.contains(.onRenewal))
    #expect(throws: DomainError.self) { try microsoft.requireQuantityDecrease(.now) }
    try microsoft.requireQuantityDecrease(.onRenewal)
    let legacy = VendorCapabilities.of(.microsoftLegacy)
    #expect(legacy.timings == [.now, .customDate])
    let error = #expect(throws: DomainError.self) { try legacy.requireTiming(.onRenewal) }
    #expect(error?.message == "vendor microsoft-legacy does not support onRenewal changes; use now, customDate")
    let generic = VendorCapabilities.of(.generic)
    #expect(generic.instantProvisioning)
    try generic.requireQuantityDecrease(.customDate)
  }

  func request(_ operation: VendorRequest.Operation, attempt: Int = 1, _ behavior: VendorBehavior) -> VendorRequest {
    VendorRequest(vendor: .microsoft, sku: "AV", operation: operation, attempt: attempt, behavior: behavior, now: now)
  }

  @Test("C2: fail-provisioning=once fails the first attempt only; always fails every attempt")
  func failures() {
    let once = VendorBehavior(failProvisioning: .once)
    #expect(
      SimulatedVendor.handle(request(.provisionSubscription("SUB-000001"), once))
        == .failed(
          reason:
            "vendor microsoft rejected provisioning of SKU AV: simulated failure (fail-provisioning=once, attempt 1)"))
    #expect(
      SimulatedVendor.handle(request(.provisionSubscription("SUB-000001"), attempt: 2, once))
        == .provisioned(VendorData(readyAt: now)))
    let always = VendorBehavior(failProvisioning: .always)
    if case .failed = SimulatedVendor.handle(request(.provisionSubscription("SUB-000001"), attempt: 5, always)) {
    } else {
      Issue.record("always must fail")
    }
  }

  @Test("C2, H7: deny-changes denies changes, not new provisioning")
  func denial() {
    let deny = VendorBehavior(denyChanges: true)
    guard case .denied(let reason) = SimulatedVendor.handle(request(.change("SUB-000001", order: "CH-000001"), deny))
    else {
      Issue.record("expected a denial")
      return
    }
    #expect(reason.contains("CH-000001"))
    #expect(
      SimulatedVendor.handle(request(.provisionSubscription("SUB-000001"), deny))
        == .provisioned(VendorData(readyAt: now)))
  }

  @Test("A2, C2: assets get an expiration date and a deterministic software ID, late with late-expiration")
  func assetData() throws {
    let asset = VendorRequest.Operation.provisionAsset("AST-000001", purchaseDate: now, term: nil)
    guard case .provisioned(let data) = SimulatedVendor.handle(request(asset, .normal)) else {
      Issue.record("expected provisioning")
      return
    }
    #expect(data.expirationDate == UTCCalendar.adding(months: 12, to: now))
    #expect(data.softwareID == SimulatedVendor.softwareID(for: "AST-000001"))
    #expect(SimulatedVendor.softwareID(for: "AST-000001") != SimulatedVendor.softwareID(for: "AST-000002"))
    #expect(data.softwareID?.count == 17)
    let late = VendorBehavior(lateExpiration: true, provisioningDelay: 600)
    #expect(SimulatedVendor.handle(request(asset, late)) == .provisioned(VendorData(readyAt: now + 600)))
    let refresh = VendorRequest.Operation.refreshAsset("AST-000001", purchaseDate: now, term: .oneYear)
    guard case .provisioned(let refreshed) = SimulatedVendor.handle(request(refresh, late)) else {
      Issue.record("expected data")
      return
    }
    #expect(refreshed.expirationDate != nil && refreshed.softwareID != nil)
  }

  @Test("C2: a provisioning delay must be 0 to 86400 seconds")
  func delayValidation() {
    #expect(throws: DomainError.self) { try VendorBehavior(provisioningDelay: -1).validate() }
    #expect(
      VendorBehavior(failProvisioning: .once).summary
        == "deny-changes=false fail-provisioning=once late-expiration=false delay=0s")
  }
}
