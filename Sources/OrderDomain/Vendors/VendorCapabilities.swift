/// When a change to a subscription takes effect (H1).
public enum ChangeTiming: String, Hashable, Sendable, Codable, CaseIterable {
  case now
  case onRenewal
  case customDate
}

/// What a vendor connector supports (C2, H2).
public struct VendorCapabilities: Hashable, Sendable {
  public var vendor: Vendor
  /// The timings changes may have with this vendor.
  public var timings: Set<ChangeTiming>
  /// The timings at which a quantity decrease is allowed.
  public var quantityDecreaseTimings: Set<ChangeTiming>
  /// Whether the vendor provisions instantly (the order completes in the same step).
  public var instantProvisioning: Bool

  public init(
    vendor: Vendor, timings: Set<ChangeTiming>, quantityDecreaseTimings: Set<ChangeTiming>,
    instantProvisioning: Bool
  ) {
    self.vendor = vendor
    self.timings = timings
    self.quantityDecreaseTimings = quantityDecreaseTimings
    self.instantProvisioning = instantProvisioning
  }

  /// The built-in capabilities of `vendor` (C2).
  public static func of(_ vendor: Vendor) -> VendorCapabilities {
    switch vendor {
    case .microsoft:
      VendorCapabilities(
        vendor: vendor, timings: [.now, .customDate, .onRenewal], quantityDecreaseTimings: [.onRenewal],
        instantProvisioning: false)
    case .microsoftLegacy:
      VendorCapabilities(
        vendor: vendor, timings: [.now, .customDate], quantityDecreaseTimings: [.now, .customDate],
        instantProvisioning: false)
    case .generic:
      VendorCapabilities(
        vendor: vendor, timings: Set(ChangeTiming.allCases), quantityDecreaseTimings: Set(ChangeTiming.allCases),
        instantProvisioning: true)
    }
  }

  /// Throws `failedPrecondition` unless changes with `timing` are offered (H2).
  public func requireTiming(_ timing: ChangeTiming) throws(DomainError) {
    guard timings.contains(timing) else {
      let offered = ChangeTiming.allCases.filter(timings.contains).map(\.rawValue).joined(separator: ", ")
      throw .failedPrecondition("vendor \(vendor.rawValue) does not support \(timing.rawValue) changes; use \(offered)")
    }
  }

  /// Throws `failedPrecondition` unless a quantity decrease is allowed with `timing` (C2, H2).
  public func requireQuantityDecrease(_ timing: ChangeTiming) throws(DomainError) {
    guard quantityDecreaseTimings.contains(timing) else {
      let allowed = ChangeTiming.allCases.filter(quantityDecreaseTimings.contains).map(\.rawValue)
      throw .failedPrecondition(
        "vendor \(vendor.rawValue) allows quantity decreases only \(allowed.joined(separator: " or ")); "
          + "\(allowed.contains("onRenewal") ? "schedule it On Renewal" : "choose another timing")")
    }
  }
}
