import Foundation

/// A request to a vendor connector.
public struct VendorRequest: Hashable, Sendable {
  public var vendor: Vendor
  public var sku: String
  public var operation: Operation
  /// 1 for the first attempt, then 2, 3...
  public var attempt: Int
  public var behavior: VendorBehavior
  public var now: Date

  public init(
    vendor: Vendor, sku: String, operation: Operation, attempt: Int, behavior: VendorBehavior, now: Date
  ) {
    self.vendor = vendor
    self.sku = sku
    self.operation = operation
    self.attempt = attempt
    self.behavior = behavior
    self.now = now
  }

  /// What is asked of the vendor.
  public enum Operation: Hashable, Sendable {
    /// Provision a new subscription.
    case provisionSubscription(SubscriptionID)
    /// Provision a new asset bought at `purchaseDate`, for `term` (one year when `nil`).
    case provisionAsset(AssetID, purchaseDate: Date, term: Term?)
    /// Refresh an asset's vendor data (A2): its expiration date and software ID.
    case refreshAsset(AssetID, purchaseDate: Date, term: Term?)
    /// Apply a change order to a subscription.
    case change(SubscriptionID, order: OrderNumber)
  }
}

/// The vendor's answer.
public enum VendorOutcome: Hashable, Sendable {
  /// Done; the data is available from `readyAt` (now plus the provisioning delay).
  case provisioned(VendorData)
  /// Provisioning failed; may be retried (a stall, A1).
  case failed(reason: String)
  /// The vendor refuses the change; not retried (H7).
  case denied(reason: String)
}

/// What the vendor returns for a provisioned item.
public struct VendorData: Hashable, Sendable {
  public var readyAt: Date
  /// For assets; `nil` while the vendor has not returned it (A2).
  public var expirationDate: Date?
  /// For assets; `nil` while the vendor has not returned it (A2).
  public var softwareID: String?

  public init(readyAt: Date, expirationDate: Date? = nil, softwareID: String? = nil) {
    self.readyAt = readyAt
    self.expirationDate = expirationDate
    self.softwareID = softwareID
  }
}

/// The built-in simulated vendors (C2): deterministic, driven by ``VendorBehavior``.
public enum SimulatedVendor {
  /// The answer to `request`; the same request always gets the same answer.
  public static func handle(_ request: VendorRequest) -> VendorOutcome {
    let behavior = request.behavior
    let vendor = request.vendor.rawValue
    if case .change(_, let order) = request.operation, behavior.denyChanges {
      return .denied(
        reason: "vendor \(vendor) denied change \(order) of SKU \(request.sku): simulated denial (deny-changes)")
    }
    let fails =
      switch behavior.failProvisioning {
      case .never: false
      case .once: request.attempt <= 1
      case .always: true
      }
    if fails {
      return .failed(
        reason: "vendor \(vendor) rejected provisioning of SKU \(request.sku): simulated failure "
          + "(fail-provisioning=\(behavior.failProvisioning.rawValue), attempt \(request.attempt))")
    }
    let readyAt = request.now.addingTimeInterval(Double(behavior.provisioningDelay))
    switch request.operation {
    case .provisionSubscription, .change:
      return .provisioned(VendorData(readyAt: readyAt))
    case .provisionAsset(let id, let purchase, let term):
      if behavior.lateExpiration { return .provisioned(VendorData(readyAt: readyAt)) }
      return .provisioned(assetData(id, purchase: purchase, term: term, readyAt: readyAt))
    case .refreshAsset(let id, let purchase, let term):
      return .provisioned(assetData(id, purchase: purchase, term: term, readyAt: readyAt))
    }
  }

  static func assetData(_ id: AssetID, purchase: Date, term: Term?, readyAt: Date) -> VendorData {
    VendorData(
      readyAt: readyAt, expirationDate: UTCCalendar.adding(months: term?.months ?? 12, to: purchase),
      softwareID: softwareID(for: id))
  }

  /// A stable software ID derived from the asset id (FNV-1a), e.g. `SW-3F2A-91C0-77D4`.
  public static func softwareID(for id: AssetID) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in id.rawValue.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: 16 - hex.count) + hex
    let groups = stride(from: 0, to: 12, by: 4).map { offset in
      String(padded.dropFirst(offset).prefix(4))
    }
    return "SW-" + groups.joined(separator: "-")
  }
}
