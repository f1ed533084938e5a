import Foundation

extension Asset {
  /// Whether saving the asset again has work to do (A2): provisioning failed, or the
  /// vendor has not returned the expiration date or software ID yet.
  public var needsResync: Bool {
    status == .active && (syncStatus == .failed || expirationDate == nil || softwareID == nil)
  }

  /// The vendor request that (re)provisions or refreshes the asset (A2): a new provisioning
  /// attempt when it failed, else a refresh of the missing vendor data.
  public func vendorRequest(vendor: Vendor, behavior: VendorBehavior, term: Term? = nil, now: Date) -> VendorRequest {
    let operation: VendorRequest.Operation =
      syncStatus == .failed
      ? .provisionAsset(id, purchaseDate: purchaseDate, term: term)
      : .refreshAsset(id, purchaseDate: purchaseDate, term: term)
    return VendorRequest(
      vendor: vendor, sku: sku, operation: operation, attempt: syncAttempts + 1, behavior: behavior, now: now)
  }

  /// The asset after the vendor answered (A1, A2): `synchronized` with whatever data
  /// arrived (known data is kept), or `failed` with the vendor's reason stored.
  public func applying(_ outcome: VendorOutcome) -> Asset {
    var asset = self
    asset.syncAttempts += 1
    switch outcome {
    case .provisioned(let data):
      asset.syncStatus = .synchronized
      asset.syncError = nil
      asset.expirationDate = data.expirationDate ?? expirationDate
      asset.softwareID = data.softwareID ?? softwareID
    case .failed(let reason), .denied(let reason):
      asset.syncStatus = .failed
      asset.syncError = reason
    }
    return asset
  }

  /// Whether the asset has reached its expiration date (A3).
  public func isExpired(at now: Date) -> Bool {
    guard let expirationDate else { return false }
    return expirationDate <= now
  }

  /// The asset marked `expired` when it is active and its expiration date has come (A3);
  /// `nil` when nothing changes.
  public func expiring(at now: Date) -> Asset? {
    guard status == .active, isExpired(at: now) else { return nil }
    var asset = self
    asset.status = .expired
    return asset
  }
}
